package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.execution.EntryRequest;
import org.smc4j.exchange.okx.execution.ExecutionSettings;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.DiscordAlertSink;
import org.smc4j.live.alert.SignalAlert;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.order.EntryKind;

/**
 * The bot's own events reach a Discord webhook (a local fake on 127.0.0.1) through the executor's
 * alerts port against the fake OKX server: one alert per event, naming the instrument, what
 * happened and what the bot did, and never a secret.
 */
class BotAlertsTest {

  private static final String BTC = "BTC-USDT-SWAP";
  private static final String API_KEY = "key-botalerts-0001";
  private static final String SECRET = "secret-botalerts-0002";
  private static final String PASSPHRASE = "pass-botalerts-0003";
  private static final String WEBHOOK_PATH = "/api/webhooks/42/hook-token-botalerts-0004";

  @TempDir Path dir;

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-02T10:05:01Z"));
  private final List<String> posted = new ArrayList<>();
  private HttpServer webhook;
  private FakeOkxServer server;
  private ExecutionJournal journal;
  private AlertDispatcher dispatcher;
  private BotAlerts bot;
  private OkxExecutor executor;
  private List<OkxInstrument> instruments;
  private OkxClient client;

  @BeforeEach
  void start() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    webhook.createContext("/", this::receive);
    webhook.start();
    server =
        FakeOkxServer.start(
            SharedData.requireShared("okx-fixtures"),
            new FakeOkxServer.Account(API_KEY, SECRET, PASSPHRASE, true));
    server.exchange().setLastPrice(BTC, new BigDecimal("70000"));
    client =
        OkxClient.create(
            new OkxClientConfig(
                server.baseUri(),
                OkxEnvironment.DEMO,
                Optional.of(OkxCredentials.of(API_KEY, SECRET, PASSPHRASE)),
                Duration.ofSeconds(2),
                OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            InstantSource.system(),
            OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
    instruments = ((OkxResult.Ok<List<OkxInstrument>>) client.instruments("SWAP", "")).value();
    journal = ExecutionJournal.open(dir.resolve("bot.sqlite"));
    dispatcher =
        AlertDispatcher.synchronous(List.of(DiscordAlertSink.builder(webhookUrl()).build()));
    bot =
        new BotAlerts("demo", instruments.stream().map(OkxInstrument::instId).toList(), dispatcher);
    executor =
        new OkxExecutor(
            client,
            journal,
            ExecutionSettings.defaults(new BigDecimal("5"), 3),
            instruments,
            now::get,
            d -> now.updateAndGet(t -> t.plus(d)),
            bot,
            CrashPoints.NONE);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    journal.close();
    server.close();
    webhook.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (posted) {
      posted.add(new ObjectMapper().readTree(body).path("content").asText());
    }
    byte[] reply = "{\"id\":\"1\",\"content\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, reply.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply);
    }
  }

  private List<String> posted() {
    synchronized (posted) {
      return List.copyOf(posted);
    }
  }

  private void startExecutor() {
    executor.start(
        PreflightSettings.of(
            OkxEnvironment.DEMO,
            server.baseUri(),
            PositionMode.NET,
            MarginMode.CROSS,
            Optional.empty()));
  }

  private String webhookUrl() {
    return "http://127.0.0.1:" + webhook.getAddress().getPort() + WEBHOOK_PATH;
  }

  private static void assertNoSecret(String text) {
    assertThat(text)
        .doesNotContain(API_KEY)
        .doesNotContain(SECRET)
        .doesNotContain(PASSPHRASE)
        .doesNotContain("hook-token-botalerts-0004");
  }

  @Test
  void anOrphanPositionFoundAtStartIsOneAlertNamingItAndTheKillSwitch() {
    server.exchange().putPosition(BTC, new BigDecimal("2"), new BigDecimal("70000"));
    startExecutor();

    List<SignalAlert> sent = bot.flush();

    assertThat(sent).singleElement().satisfies(a -> assertThat(a.symbol()).isEqualTo(BTC));
    assertThat(posted())
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text)
                  .startsWith("[smc4j demo] " + BTC + ": ORPHAN: " + BTC + " position 2 at 70000")
                  .contains("is not in the journal")
                  .contains("kill switch level 1: orphan position on " + BTC)
                  .doesNotContain("\n");
              assertNoSecret(text);
            });
    assertThat(journal.killSwitchLevel()).isEqualTo(1);
    // nothing new to say: a flush without events sends nothing
    assertThat(bot.flush()).isEmpty();
    assertThat(posted()).hasSize(1);
  }

  @Test
  void aLevelThreeStopFromAnotherProcessIsOneAlertSayingThePositionWasClosed() {
    startExecutor();
    bot.flush();
    executor.enter(
        new EntryRequest(
            "sig-botalerts-1",
            BTC,
            Side.LONG,
            EntryKind.MARKET_NEXT_OPEN,
            new BigDecimal("70000"),
            new BigDecimal("69000"),
            new BigDecimal("72000"),
            new BigDecimal("0.13"),
            new BigDecimal("1.3"),
            now.get().plusSeconds(60)));
    bot.flush();
    int before = posted().size();
    assertThat(server.exchange().positions())
        .anySatisfy(p -> assertThat(p.instId()).isEqualTo(BTC));

    // what `trade stop --level 3` writes into the journal from another process
    journal.tripKillSwitch(3, "trade stop (level 3)", now.get());
    executor.reconcile();
    List<SignalAlert> sent = bot.flush();

    assertThat(sent).hasSize(1);
    assertThat(posted().subList(before, posted().size()))
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text)
                  .startsWith(
                      "[smc4j demo] "
                          + BTC
                          + ": kill switch level 3 found in the journal: applying it; "
                          + BTC
                          + ": trade ")
                  .endsWith(" closed (KILL_SWITCH)")
                  .doesNotContain("\n");
              assertNoSecret(text);
            });
    assertThat(executor.isFlat()).isTrue();
  }

  private Smc4jConfig jobConfig() {
    return ConfigLoader.parse(
        """
            okx:
              base-url: %s
              request-timeout: 2s
              max-attempts: 1
            scan:
              symbols: [BTC-USDT-SWAP]
              close-delay: 0s
              late-retries: 0
            trade:
              mode: demo
            """
            .formatted(server.baseUri()),
        "test");
  }

  private ExchangeTradeJob.Outcome runJob(StringWriter out) throws InterruptedException {
    return ExchangeTradeJob.run(
        new ExchangeTradeJob.Request(
            jobConfig(),
            TradeMode.DEMO,
            OkxCredentials.of(API_KEY, SECRET, PASSPHRASE),
            dir.resolve("job.sqlite"),
            Clock.systemUTC(),
            true,
            List.of(DiscordAlertSink.builder(webhookUrl()).build()),
            Optional.empty(),
            CrashPoints.NONE),
        () -> false,
        new PrintWriter(out));
  }

  @Test
  void theDemoJobSendsAnOrphanFoundAtStartToTheConfiguredSinkOnce() throws Exception {
    server.exchange().putPosition(BTC, new BigDecimal("-3"), new BigDecimal("70000"));
    StringWriter out = new StringWriter();

    ExchangeTradeJob.Outcome outcome = runJob(out);

    assertThat(outcome).isInstanceOf(ExchangeTradeJob.Finished.class);
    assertThat(out.toString()).contains("demo: ALERT ORPHAN: " + BTC);
    // the run's end closed the dispatcher, which waited for the queued alerts
    assertThat(posted())
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text)
                  .startsWith("[smc4j demo] " + BTC + ": ORPHAN: " + BTC + " position -3 at 70000")
                  .contains("kill switch level 1: orphan position on " + BTC);
              assertNoSecret(text);
            });
  }

  @Test
  void aRefusedPreflightIsOneAlertAndNoOrder() throws Exception {
    server.setClockSkew(Duration.ofSeconds(45));
    StringWriter out = new StringWriter();

    ExchangeTradeJob.Outcome outcome = runJob(out);

    assertThat(outcome).isInstanceOf(ExchangeTradeJob.Refused.class);
    // refused by the executor's pre-flight (the server clock), not before it
    assertThat(out.toString()).contains("demo: ALERT refusing to start: ");
    assertThat(server.exchange().orders()).isEmpty();
    assertThat(posted())
        .singleElement()
        .satisfies(
            text -> {
              assertThat(text).startsWith("[smc4j demo] refusing to start: ").doesNotContain("\n");
              assertNoSecret(text);
            });
  }
}
