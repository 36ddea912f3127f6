package org.smc4j.live.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smc4j.live.alert.LoopbackReceiver.Received;
import org.smc4j.live.alert.LoopbackReceiver.Reply;
import org.smc4j.live.alert.MultipartParser.Part;

class DiscordAlertSinkTest {

  private static final String WEBHOOK_PATH =
      "/api/webhooks/1187654321098765432/Zx9_q-3kLmNoPqRsTuVwXyZ0123456789abcdefGHIJKLmnopq";
  private static final String WEBHOOK_TOKEN =
      WEBHOOK_PATH.substring(WEBHOOK_PATH.lastIndexOf('/') + 1);
  private static final String MESSAGE = "{\"id\":\"1\",\"content\":\"ok\"}";
  private static final String TEXT =
      "SOL-USDT-SWAP SHORT @everyone\nPOI 151.20-152.05, trigger FVG 151.64\n"
          + "entry 151.58 stop 152.31 target 149.95\ncontracts 1.36 for $1, score 6";

  private final ObjectMapper json = new ObjectMapper();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private LoopbackReceiver receiver;
  private String webhookUrl;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = new LoopbackReceiver(Reply.of(200, MESSAGE));
    webhookUrl = receiver.uri(WEBHOOK_PATH).toString();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private DiscordAlertSink sink() {
    return DiscordAlertSink.builder(webhookUrl)
        .sleeper(sleeper)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void shouldPostPayloadJsonAndTheChartAsFiles0() throws IOException {
    try (DiscordAlertSink sink = sink()) {
      sink.send(new SignalAlert("SOL-USDT-SWAP", TEXT, SignalAlertTest.PNG));
    }

    List<Received> requests = receiver.received();
    assertThat(requests).hasSize(1);
    Received r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo(WEBHOOK_PATH);
    assertThat(r.query()).isEqualTo("wait=true");
    List<Part> parts = MultipartParser.parse(r.contentType(), r.body());
    assertThat(parts).extracting(Part::name).containsExactly("payload_json", "files[0]");
    assertThat(parts.get(0).contentType()).startsWith("application/json");
    JsonNode payload = json.readTree(parts.get(0).content());
    assertThat(payload.get("content").asText()).isEqualTo(TEXT);
    assertThat(payload.get("allowed_mentions").get("parse")).isEmpty();
    assertThat(payload.get("attachments")).hasSize(1);
    assertThat(payload.get("attachments").get(0).get("id").asInt()).isZero();
    assertThat(payload.get("attachments").get(0).get("filename").asText())
        .isEqualTo("SOL-USDT-SWAP.png");
    assertThat(parts.get(1).filename()).isEqualTo("SOL-USDT-SWAP.png");
    assertThat(parts.get(1).contentType()).isEqualTo("image/png");
    assertThat(parts.get(1).content()).containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldPostAJsonBodyWhenThereIsNoChart() throws IOException {
    try (DiscordAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT));
    }

    Received r = receiver.received().get(0);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("content").asText()).isEqualTo(TEXT);
    assertThat(body.has("attachments")).isFalse();
  }

  @Test
  void shouldKeepAnExistingQueryAndAddWait() {
    webhookUrl = webhookUrl + "?thread_id=998877";

    try (DiscordAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT));
    }

    assertThat(receiver.received().get(0).query()).isEqualTo("thread_id=998877&wait=true");
  }

  @Test
  void shouldSendALongTextWholeInSeveralMessagesWithTheChartOnTheLast() throws IOException {
    // 90 lines of 49 characters (4499 with line breaks): 40 lines (1999) fit in 2000 per message.
    String text = ("x".repeat(49) + "\n").repeat(90).strip();

    try (DiscordAlertSink sink = sink()) {
      sink.send(new SignalAlert("BTC-USDT-SWAP", text, SignalAlertTest.PNG));
    }

    List<Received> requests = receiver.received();
    assertThat(requests).hasSize(3);
    String first = json.readTree(requests.get(0).body()).get("content").asText();
    String second = json.readTree(requests.get(1).body()).get("content").asText();
    List<Part> parts = MultipartParser.parse(requests.get(2).contentType(), requests.get(2).body());
    String third = json.readTree(parts.get(0).content()).get("content").asText();
    assertThat(first).hasSize(1999);
    assertThat(second).hasSize(1999);
    assertThat(first + "\n" + second + "\n" + third).isEqualTo(text);
    assertThat(parts.get(1).content()).containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldHonourAFractionalRetryAfterFromTheBody() {
    receiver.then(
        Reply.of(
            429,
            "{\"message\":\"You are being rate limited.\",\"retry_after\":0.347,\"global\":false}"));

    try (DiscordAlertSink sink = sink()) {
      sink.send(new SignalAlert("SOL-USDT-SWAP", TEXT, SignalAlertTest.PNG));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(347));
    assertThat(receiver.received()).hasSize(2);
    Received retried = receiver.received().get(1);
    assertThat(MultipartParser.parse(retried.contentType(), retried.body()).get(1).content())
        .containsExactly(SignalAlertTest.PNG);
  }

  @Test
  void shouldFallBackToTheRetryAfterHeaderWhenTheBodyHasNone() {
    receiver.then(Reply.of(429, "").withHeader("Retry-After", "3"));

    try (DiscordAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void shouldRetryServerErrorsThenSucceed() {
    receiver.then(Reply.of(500, "{\"message\":\"500: Internal Server Error\",\"code\":0}"));

    try (DiscordAlertSink sink = sink()) {
      sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void shouldFailAtOnceOnAnUnknownWebhookWithTheUrlRedacted() {
    // An error page that quotes the URL it was called with.
    receiver.then(
        Reply.of(404, "{\"message\":\"Unknown Webhook " + webhookUrl + "\",\"code\":10015}"));

    try (LogCapture logs = new LogCapture();
        DiscordAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT)))
          .isInstanceOf(AlertDeliveryException.class)
          .hasMessage("discord webhook: HTTP 404: Unknown Webhook <redacted> (code 10015)");
      assertThat(logs.allText()).doesNotContain(WEBHOOK_TOKEN);
    }
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void shouldReportDiscordsFieldErrorsOnAnInvalidForm() {
    receiver.then(
        Reply.of(
            400,
            "{\"message\": \"Invalid Form Body\", \"code\": 50035, \"errors\": {\"content\":"
                + " {\"_errors\": [{\"code\": \"BASE_TYPE_MAX_LENGTH\"}]}}}"));

    try (DiscordAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT)))
          .hasMessage(
              "discord webhook: HTTP 400: Invalid Form Body (code 50035); errors:"
                  + " {\"content\":{\"_errors\":[{\"code\":\"BASE_TYPE_MAX_LENGTH\"}]}}");
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void shouldRedactTheWebhookTokenWhereverItAppears() {
    receiver.then(Reply.of(401, "invalid token " + WEBHOOK_TOKEN));

    try (DiscordAlertSink sink = sink()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT)))
          .hasMessage("discord webhook: HTTP 401: invalid token <redacted>");
    }
  }

  @Test
  void shouldGiveUpAfterTimeouts() {
    receiver
        .then(Reply.of(200, MESSAGE).delayed(Duration.ofSeconds(3)))
        .then(Reply.of(200, MESSAGE).delayed(Duration.ofSeconds(3)));

    try (LogCapture logs = new LogCapture();
        DiscordAlertSink sink =
            DiscordAlertSink.builder(webhookUrl)
                .sleeper(sleeper)
                .requestTimeout(Duration.ofMillis(200))
                .retryPolicy(
                    new AlertRetryPolicy(
                        2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(1)))
                .build()) {
      assertThatThrownBy(() -> sink.send(SignalAlert.textOnly("SOL-USDT-SWAP", TEXT)))
          .isInstanceOfSatisfying(
              AlertDeliveryException.class, e -> assertThat(e.attempts()).isEqualTo(2))
          .hasMessage(
              "discord webhook: gave up after 2 attempts; last: timed out (request timeout 200"
                  + " ms)");
      assertThat(logs.allText()).contains("attempt 1/2 failed").doesNotContain(WEBHOOK_TOKEN);
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void shouldRejectAnInvalidUrlWithoutShowingIt() {
    String bad = "https://discord.com/api/webhooks/1/secret token";

    assertThatThrownBy(() -> DiscordAlertSink.builder(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("discord webhook URL is not a valid URI: Illegal character in path at index 41")
        .hasNoCause();
  }

  @Test
  void shouldRefusePlainHttpToARemoteHost() {
    assertThatThrownBy(() -> DiscordAlertSink.builder("http://discord.com/api/webhooks/1/abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "discord webhook URL must use https (plain http only for a loopback host), was scheme"
                + " 'http' host 'discord.com'");
  }

  @Test
  void shouldRejectARelativeUrl() {
    assertThatThrownBy(() -> DiscordAlertSink.builder("api/webhooks/1/abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "discord webhook URL must be absolute with a path, like"
                + " https://discord.com/api/webhooks/<id>/<token>");
  }

  @Test
  void shouldNotShowTheUrlInToString() {
    try (DiscordAlertSink sink = sink()) {
      assertThat(sink.toString()).isEqualTo("DiscordAlertSink[webhook=<redacted>]");
      assertThat(sink.name()).isEqualTo("discord");
    }
  }
}
