package org.smc4j.live.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smc4j.live.alert.LoopbackReceiver.Received;
import org.smc4j.live.alert.LoopbackReceiver.Reply;
import org.smc4j.live.alert.MultipartParser.Part;

class TelegramAlertSinkTest {

  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final String CHAT = "-1001234567890";
  private static final String OK = "{\"ok\":true,\"result\":{\"message_id\":42}}";
  private static final String TEXT =
      "BTC-USDT-SWAP LONG\nPOI 64210.5-64480.0, trigger MSS 64390.2\n"
          + "entry 64402.1 stop 64188.0 target 64830.3\ncontracts 0.047 for $1, score 7";

  private final ObjectMapper json = new ObjectMapper();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private LoopbackReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = new LoopbackReceiver(Reply.of(200, OK));
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private TelegramAlertSink sink() {
    return TelegramAlertSink.builder(TOKEN, CHAT)
        .baseUri(receiver.uri(""))
        .sleeper(sleeper)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void shouldSendPhotoWithChatIdCaptionAndTheChartFile() {
    try (TelegramAlertSink sink = sink()) {
      sink.send(new SignalAlert("BTC-USDT-SWAP", TEXT, SignalAlertTest.PNG));
    }

    List<Received> requests = receiver.received();
    assertThat(requests).hasSize(1);
    Received r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/bot" + TOKEN + "/sendPhoto");
    List<Part> parts = MultipartParser.parse(r.contentType(), r.body());
    assertThat(parts).extracting(Part::name).containsExactly("chat_id", "caption", "photo");
    assertThat(parts.get(0).text()).isEqualTo(CHAT);
    assertThat(parts.get(1).text()).isEqualTo(TEXT);
    assertThat(parts.get(1).filename()).isNull();
    assertThat(parts.get(2).filename()).isEqualTo("BTC-USDT-SWAP.png");
    assertThat(parts.get(2).contentType()).isEqualTo("image/png");
    assertThat(parts.get(2).content()).containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldSendAMessageAsJsonWhenThereIsNoChart() throws IOException {
    try (TelegramAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("ETH-USDT-SWAP", "ETH short \u2193 entry 3120.5"));
    }

    Received r = receiver.received().get(0);
    assertThat(r.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("chat_id").asText()).isEqualTo(CHAT);
    assertThat(body.get("text").asText()).isEqualTo("ETH short \u2193 entry 3120.5");
    assertThat(body.has("parse_mode")).isFalse();
  }

  @Test
  void shouldSendATextTooLongForACaptionAsAMessageThenThePhotoCaptionedWithTheSymbol()
      throws IOException {
    // 30 lines of 40 characters = 1229 characters: over the 1024 caption limit.
    String text = ("0123456789012345678901234567890123456789\n").repeat(30).strip();

    try (TelegramAlertSink sink = sink()) {
      sink.send(new SignalAlert("SOL-USDT-SWAP", text, SignalAlertTest.PNG));
    }

    List<Received> requests = receiver.received();
    assertThat(requests)
        .extracting(Received::path)
        .containsExactly("/bot" + TOKEN + "/sendMessage", "/bot" + TOKEN + "/sendPhoto");
    assertThat(json.readTree(requests.get(0).body()).get("text").asText()).isEqualTo(text);
    List<Part> photo = MultipartParser.parse(requests.get(1).contentType(), requests.get(1).body());
    assertThat(photo.get(1).text()).isEqualTo("SOL-USDT-SWAP");
    assertThat(photo.get(2).content()).containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldSplitATextOverTheMessageLimitAtLineBreaksWithoutLosingAnything() throws IOException {
    // 100 lines of 50 characters, 5099 with line breaks: lines 0-79 take 80 * 51 - 1 = 4079
    // characters, line 80 would end at 4130 > 4096, so the cut is the line break after line 79.
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < 100; line++) {
      sb.append(String.format("line %03d ", line)).append("x".repeat(41)).append('\n');
    }
    String text = sb.toString().strip();

    try (TelegramAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", text));
    }

    List<Received> requests = receiver.received();
    assertThat(requests).hasSize(2);
    String first = json.readTree(requests.get(0).body()).get("text").asText();
    String second = json.readTree(requests.get(1).body()).get("text").asText();
    assertThat(first.length()).isLessThanOrEqualTo(4096);
    assertThat(first).endsWith("x").startsWith("line 000 ");
    assertThat(first).hasSize(4079);
    assertThat(second).startsWith("line 080 ");
    assertThat(first + "\n" + second).isEqualTo(text);
  }

  @Test
  void shouldWaitTheRetryAfterTelegramAsksForOn429AndRetry() {
    receiver.then(
        Reply.of(
            429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                + " 7\",\"parameters\":{\"retry_after\":7}}"));

    try (TelegramAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void shouldRetryServerErrorsWithDoublingBackoffThenSucceed() {
    receiver
        .then(Reply.of(502, "<html>Bad Gateway</html>"))
        .then(Reply.of(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal\"}"));

    try (TelegramAlertSink sink = sink()) {
      sink.send(new SignalAlert("BTC-USDT-SWAP", TEXT, SignalAlertTest.PNG));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(receiver.received()).hasSize(3);
    Received last = receiver.received().get(2);
    assertThat(MultipartParser.parse(last.contentType(), last.body()).get(2).content())
        .containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldGiveUpAfterMaxAttemptsOfServerErrors() {
    receiver.then(Reply.of(503, "busy")).then(Reply.of(503, "busy")).then(Reply.of(503, "busy"));
    receiver.then(Reply.of(503, "{\"ok\":false,\"description\":\"still busy\"}"));

    try (TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .isInstanceOfSatisfying(
              AlertDeliveryException.class, e -> assertThat(e.attempts()).isEqualTo(4))
          .hasMessage("telegram sendMessage: gave up after 4 attempts; last: HTTP 503: still busy");
    }
    assertThat(sleeper.waits())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void shouldFailAtOnceOnAPermanentErrorWithTheTokenRedacted() throws Exception {
    // A proxy that echoes the request path would put the token into the error description.
    receiver.then(
        Reply.of(
            404,
            "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: /bot"
                + TOKEN
                + "/sendMessage\"}"));

    try (LogCapture logs = new LogCapture();
        TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .isInstanceOf(AlertDeliveryException.class)
          .hasMessage(
              "telegram sendMessage: HTTP 404, error_code 404: Not Found: /bot<redacted>/sendMessage");
      assertThat(logs.allText()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(10));
    }
    assertThat(receiver.received()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void shouldNameTheNewChatIdWhenTheGroupWasMigrated() {
    receiver.then(
        Reply.of(
            400,
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded"
                + " to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1009876543210}}"));

    try (TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .hasMessage(
              "telegram sendMessage: HTTP 400, error_code 400: Bad Request: group chat was"
                  + " upgraded to a supergroup chat (the group became a supergroup: use chat id"
                  + " -1009876543210)");
    }
  }

  @Test
  void shouldRejectAnAnswerWithoutTheOkField() {
    receiver.then(Reply.of(200, "{\"result\":{}}"));

    try (TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .hasMessage(
              "telegram sendMessage: HTTP 200: malformed response, no boolean \"ok\":"
                  + " {\"result\":{}}");
    }
  }

  @Test
  void shouldGiveUpAtOnceWhenTheRateLimitWaitExceedsTheMaximum() {
    receiver.then(
        Reply.of(
            429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                + " 600\",\"parameters\":{\"retry_after\":600}}"));

    try (TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .hasMessage(
              "telegram sendMessage: HTTP 429 (rate limited): Too Many Requests: retry after 600;"
                  + " the server asks to wait 600 s, more than maxRetryAfter 60 s, giving up after"
                  + " attempt 1");
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void shouldRetryATimedOutRequestAndThenSucceed() {
    // 1 s leaves the second, prompt answer ample time on a loaded machine.
    receiver.then(Reply.of(200, OK).delayed(Duration.ofSeconds(5)));

    try (TelegramAlertSink sink =
        TelegramAlertSink.builder(TOKEN, CHAT)
            .baseUri(receiver.uri(""))
            .sleeper(sleeper)
            .requestTimeout(Duration.ofSeconds(1))
            .build()) {
      sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT));
    }

    assertThat(receiver.received()).hasSize(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void shouldReportTimeoutsWhenEveryAttemptTimesOut() {
    receiver
        .then(Reply.of(200, OK).delayed(Duration.ofSeconds(3)))
        .then(Reply.of(200, OK).delayed(Duration.ofSeconds(3)));

    try (TelegramAlertSink sink =
        TelegramAlertSink.builder(TOKEN, CHAT)
            .baseUri(receiver.uri(""))
            .sleeper(sleeper)
            .requestTimeout(Duration.ofMillis(200))
            .retryPolicy(
                new AlertRetryPolicy(
                    2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
            .build()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .isInstanceOf(AlertDeliveryException.class)
          .hasMessage(
              "telegram sendMessage: gave up after 2 attempts; last: timed out (request timeout"
                  + " 200 ms)")
          .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    }
  }

  @Test
  void shouldNotLeakTheTokenWhenTheConnectionIsRefused() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    try (LogCapture logs = new LogCapture();
        TelegramAlertSink sink =
            TelegramAlertSink.builder(TOKEN, CHAT)
                .baseUri(URI.create("http://127.0.0.1:" + closedPort))
                .sleeper(sleeper)
                .retryPolicy(
                    new AlertRetryPolicy(
                        2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
                .build()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .isInstanceOfSatisfying(
              AlertDeliveryException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith("telegram sendMessage: gave up after 2 attempts; last: I/O error:");
                for (Throwable t = e; t != null; t = t.getCause()) {
                  assertThat(String.valueOf(t)).doesNotContain(TOKEN);
                }
              });
      assertThat(logs.allText()).contains("attempt 1/2 failed").doesNotContain(TOKEN);
    }
  }

  @Test
  void shouldStopRetryingAndKeepTheInterruptFlagWhenInterruptedWhileWaiting() {
    receiver.then(Reply.of(502, "bad gateway"));
    Sleeper interrupted =
        d -> {
          throw new InterruptedException("scan loop stopping");
        };

    try (TelegramAlertSink sink =
        TelegramAlertSink.builder(TOKEN, CHAT)
            .baseUri(receiver.uri(""))
            .sleeper(interrupted)
            .build()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .isInstanceOf(AlertDeliveryException.class)
          .hasMessage(
              "telegram sendMessage: interrupted while waiting to retry; last: HTTP 502: bad"
                  + " gateway")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void shouldFailAtOnceOnAnHtmlPageInsteadOfTheBotApiAnswer() {
    receiver.then(Reply.of(403, "<html><body>Forbidden by proxy</body></html>"));

    try (TelegramAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("BTC-USDT-SWAP", TEXT)))
          .hasMessage(
              "telegram sendMessage: HTTP 403: malformed response, not a Bot API JSON object:"
                  + " <html><body>Forbidden by proxy</body></html>");
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void shouldRejectAMalformedTokenWithoutShowingIt() {
    assertThatThrownBy(() -> TelegramAlertSink.builder("secret-but-wrong", CHAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "telegram bot token is malformed: expected <bot id digits>:<key> as given by BotFather,"
                + " got 16 characters");
    assertThatThrownBy(() -> TelegramAlertSink.builder(TOKEN + "\n", CHAT))
        .hasMessage(
            "telegram bot token is malformed: expected <bot id digits>:<key> as given by BotFather,"
                + " got 45 characters with leading/trailing whitespace");
  }

  @Test
  void shouldRejectABadChatId() {
    assertThatThrownBy(() -> TelegramAlertSink.builder(TOKEN, "my chat"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "telegram chat id must be a number (e.g. -1001234567890) or @channelname, was 'my"
                + " chat'");
  }

  @Test
  void shouldRefuseToSendTheTokenOverPlainHttpToARemoteHost() {
    assertThatThrownBy(
            () ->
                TelegramAlertSink.builder(TOKEN, CHAT)
                    .baseUri(URI.create("http://api.telegram.org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "telegram baseUri must use https (plain http only for a loopback host), was scheme"
                + " 'http' host 'api.telegram.org'");
  }

  @Test
  void shouldNotShowTheTokenInToString() {
    try (TelegramAlertSink sink = sink()) {
      assertThat(sink.toString()).doesNotContain(TOKEN).contains(CHAT);
      assertThat(sink.name()).isEqualTo("telegram");
    }
  }
}
