package org.smc4j.live.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.smc4j.live.alert.LoopbackReceiver.Reply;
import org.smc4j.live.alert.SinkOutcome.Status;

class AlertDispatcherTest {

  private static final SignalAlert BTC = SignalAlert.textOnly("BTC-USDT-SWAP", "BTC long");
  private static final SignalAlert ETH = SignalAlert.textOnly("ETH-USDT-SWAP", "ETH short");
  private static final SignalAlert SOL = SignalAlert.textOnly("SOL-USDT-SWAP", "SOL long");

  /** Records what it was sent; optionally waits for a gate first (interruptibly). */
  private static final class RecordingSink implements AlertSink {
    private final String name;
    private final CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final List<String> sent = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    RecordingSink(String name, CountDownLatch gate) {
      this.name = name;
      this.gate = gate;
    }

    @Override
    public void send(SignalAlert alert) {
      entered.countDown();
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) {
          throw new AlertDeliveryException(name + ": gate never opened", 0, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AlertDeliveryException(name + ": interrupted", 1, e);
      }
      synchronized (sent) {
        sent.add(alert.symbol());
      }
    }

    List<String> sent() {
      synchronized (sent) {
        return List.copyOf(sent);
      }
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static RecordingSink open(String name) {
    return new RecordingSink(name, new CountDownLatch(0));
  }

  private static AlertSink failing(String name, RuntimeException e) {
    return new AlertSink() {
      @Override
      public void send(SignalAlert alert) {
        throw e;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  @Test
  void shouldDeliverToTheOtherSinksWhenOneFailsAndReportTheFailure() {
    RecordingSink first = open("first");
    RecordingSink last = open("last");
    AlertSink refused =
        failing(
            "telegram",
            new AlertDeliveryException("telegram sendMessage: HTTP 401: Unauthorized", 1, null));
    AlertSink buggy = failing("buggy", new IllegalStateException());

    DispatchReport report;
    try (LogCapture logs = new LogCapture();
        AlertDispatcher dispatcher =
            AlertDispatcher.synchronous(List.of(first, refused, buggy, last))) {
      CompletableFuture<DispatchReport> future = dispatcher.dispatch(BTC);
      assertThat(future).isDone();
      report = future.join();
      assertThat(dispatcher.stats()).isEqualTo(new DispatchStats(1, 2, 2, 0, 0));
      assertThat(logs.events())
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly(
              "alert BTC-USDT-SWAP not delivered by telegram: telegram sendMessage: HTTP 401:"
                  + " Unauthorized",
              "alert BTC-USDT-SWAP not delivered by buggy: java.lang.IllegalStateException");
    }

    assertThat(report.symbol()).isEqualTo("BTC-USDT-SWAP");
    assertThat(report.outcomes())
        .containsExactly(
            new SinkOutcome("first", Status.DELIVERED, ""),
            new SinkOutcome(
                "telegram", Status.FAILED, "telegram sendMessage: HTTP 401: Unauthorized"),
            new SinkOutcome("buggy", Status.FAILED, "java.lang.IllegalStateException"),
            new SinkOutcome("last", Status.DELIVERED, ""));
    assertThat(report.allDelivered()).isFalse();
    assertThat(report.failures())
        .extracting(SinkOutcome::sink)
        .containsExactly("telegram", "buggy");
    assertThat(first.sent()).containsExactly("BTC-USDT-SWAP");
    assertThat(last.sent()).containsExactly("BTC-USDT-SWAP");
    assertThat(first.closed).isTrue();
    assertThat(last.closed).isTrue();
  }

  @Test
  void shouldReturnAtOnceAndLetAFastSinkDeliverWhileASlowOneIsBlocked() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    RecordingSink slow = new RecordingSink("slow", gate);
    RecordingSink fast = open("fast");

    try (AlertDispatcher dispatcher =
        AlertDispatcher.asynchronous(List.of(slow, fast), 8, Duration.ofSeconds(5))) {
      CompletableFuture<DispatchReport> future = dispatcher.dispatch(BTC);
      assertThat(dispatcher.isAsynchronous()).isTrue();
      assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
      // Pending falls to 1 once the fast sink is done; the slow one is still blocked.
      waitUntil(() -> dispatcher.stats().pending() == 1);

      assertThat(fast.sent()).containsExactly("BTC-USDT-SWAP");
      assertThat(slow.sent()).isEmpty();
      assertThat(future).isNotDone();

      gate.countDown();
      DispatchReport report = future.get(5, TimeUnit.SECONDS);
      assertThat(report.allDelivered()).isTrue();
      assertThat(report.outcomes()).extracting(SinkOutcome::sink).containsExactly("slow", "fast");
    }
  }

  @Test
  void shouldDropForTheSinkWhoseQueueIsFullOnly() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    RecordingSink slow = new RecordingSink("slow", gate);
    RecordingSink fast = open("fast");

    DispatchReport third;
    CompletableFuture<DispatchReport> second;
    AlertDispatcher dispatcher =
        AlertDispatcher.asynchronous(List.of(slow, fast), 1, Duration.ofSeconds(5));
    try (dispatcher) {
      dispatcher.dispatch(BTC);
      // BTC is in flight at the slow sink; ETH fills its queue of 1; SOL finds it full.
      assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
      // Each queue holds 1: the fast sink must have taken BTC before ETH comes, and ETH before SOL.
      waitUntil(() -> fast.sent().size() == 1);
      second = dispatcher.dispatch(ETH);
      waitUntil(() -> fast.sent().size() == 2);
      third = dispatcher.dispatch(SOL).get(5, TimeUnit.SECONDS);
      gate.countDown();
    }

    assertThat(third.outcomes())
        .containsExactly(
            new SinkOutcome("slow", Status.DROPPED, "queue full (1 alerts waiting)"),
            new SinkOutcome("fast", Status.DELIVERED, ""));
    assertThat(second).isDone();
    assertThat(second.join().allDelivered()).isTrue();
    assertThat(slow.sent()).containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP");
    assertThat(fast.sent()).containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP");
    assertThat(dispatcher.stats()).isEqualTo(new DispatchStats(3, 5, 0, 1, 0));
  }

  @Test
  void shouldDrainEveryQueuedAlertOnClose() {
    List<String> sent = new ArrayList<>();
    AlertSink steady =
        alert -> {
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertDeliveryException("interrupted", 0, e);
          }
          synchronized (sent) {
            sent.add(alert.symbol());
          }
        };
    List<CompletableFuture<DispatchReport>> futures = new ArrayList<>();

    try (AlertDispatcher dispatcher =
        AlertDispatcher.asynchronous(List.of(steady), 16, Duration.ofSeconds(10))) {
      for (SignalAlert a : List.of(BTC, ETH, SOL, BTC, ETH)) {
        futures.add(dispatcher.dispatch(a));
      }
    }

    assertThat(futures).allSatisfy(f -> assertThat(f.join().allDelivered()).isTrue());
    synchronized (sent) {
      assertThat(sent)
          .containsExactly(
              "BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP", "BTC-USDT-SWAP", "ETH-USDT-SWAP");
    }
  }

  @Test
  void shouldInterruptTheSenderAndDropTheRestAfterTheDrainTimeout() throws InterruptedException {
    RecordingSink stuck = new RecordingSink("stuck", new CountDownLatch(1));
    List<CompletableFuture<DispatchReport>> futures = new ArrayList<>();

    long start = System.nanoTime();
    try (AlertDispatcher dispatcher =
        AlertDispatcher.asynchronous(List.of(stuck), 16, Duration.ofMillis(200))) {
      futures.add(dispatcher.dispatch(BTC));
      futures.add(dispatcher.dispatch(ETH));
      futures.add(dispatcher.dispatch(SOL));
      assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).isTrue();
      start = System.nanoTime();
    }
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(tookMillis).isLessThan(5_000);
    List<SinkOutcome> outcomes = futures.stream().map(f -> f.join().outcomes().get(0)).toList();
    assertThat(outcomes)
        .containsExactly(
            new SinkOutcome("stuck", Status.FAILED, "stuck: interrupted"),
            new SinkOutcome("stuck", Status.DROPPED, "dispatcher closed before it was sent"),
            new SinkOutcome("stuck", Status.DROPPED, "dispatcher closed before it was sent"));
    assertThat(stuck.closed).isTrue();
  }

  @Test
  void shouldDropAlertsDispatchedAfterClose() {
    RecordingSink sink = open("sink");
    AlertDispatcher dispatcher = AlertDispatcher.synchronous(List.of(sink));
    dispatcher.close();
    dispatcher.close();

    DispatchReport report = dispatcher.dispatch(BTC).join();

    assertThat(report.outcomes())
        .containsExactly(new SinkOutcome("sink", Status.DROPPED, "dispatcher is closed"));
    assertThat(sink.sent()).isEmpty();
    assertThat(dispatcher.stats()).isEqualTo(new DispatchStats(1, 0, 0, 1, 0));
  }

  @Test
  void shouldCloseEverySinkEvenWhenOneThrowsOnClose() {
    RecordingSink after = open("after");
    AlertSink badClose =
        new AlertSink() {
          @Override
          public void send(SignalAlert alert) {}

          @Override
          public void close() {
            throw new IllegalStateException("socket already closed");
          }
        };

    try (LogCapture logs = new LogCapture()) {
      AlertDispatcher.asynchronous(List.of(badClose, after), 4, Duration.ofSeconds(1)).close();
      assertThat(logs.allText()).contains("failed to close: socket already closed");
    }
    assertThat(after.closed).isTrue();
  }

  @Test
  void shouldIsolateAFailingWebhookFromAWorkingOneOverHttp() throws IOException {
    String token = "7000000001:AAF-secret_secret_secret_secret_123";
    try (LoopbackReceiver telegram =
            new LoopbackReceiver(
                Reply.of(
                    401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        LoopbackReceiver discord = new LoopbackReceiver(Reply.of(204, ""));
        LogCapture logs = new LogCapture()) {
      DispatchReport report;
      try (AlertDispatcher dispatcher =
          AlertDispatcher.asynchronous(
              List.of(
                  TelegramAlertSink.builder(token, "-1001")
                      .baseUri(telegram.uri(""))
                      .sleeper(new RecordingSleeper())
                      .build(),
                  DiscordAlertSink.builder(discord.uri("/api/webhooks/1/tok").toString())
                      .sleeper(new RecordingSleeper())
                      .build()),
              4,
              Duration.ofSeconds(10))) {
        report =
            dispatcher
                .dispatch(new SignalAlert("BTC-USDT-SWAP", "BTC long", SignalAlertTest.PNG))
                .join();
      }

      assertThat(report.outcomes())
          .containsExactly(
              new SinkOutcome(
                  "telegram",
                  Status.FAILED,
                  "telegram sendPhoto: HTTP 401, error_code 401: Unauthorized"),
              new SinkOutcome("discord", Status.DELIVERED, ""));
      assertThat(discord.received()).hasSize(1);
      assertThat(logs.allText())
          .contains("alert BTC-USDT-SWAP not delivered by telegram")
          .doesNotContain(token);
    }
  }

  @Test
  void shouldRejectABadQueueCapacity() {
    assertThatThrownBy(() -> AlertDispatcher.asynchronous(List.of(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueCapacity must be in 1..10000, was 0");
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
