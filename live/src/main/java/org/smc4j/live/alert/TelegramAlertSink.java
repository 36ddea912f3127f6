package org.smc4j.live.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.smc4j.live.alert.internal.Endpoints;
import org.smc4j.live.alert.internal.MultipartBody;
import org.smc4j.live.alert.internal.Redactor;
import org.smc4j.live.alert.internal.RetryingPoster;
import org.smc4j.live.alert.internal.RetryingPoster.Verdict;
import org.smc4j.live.alert.internal.TextSplitter;

/**
 * Posts alerts to a Telegram chat through the Bot API ({@code https://core.telegram.org/bots/api}).
 *
 * <p>An alert with a chart whose text fits a photo caption (1024 characters) is one {@code
 * sendPhoto} (multipart/form-data: {@code chat_id}, {@code caption}, {@code photo} as a file named
 * after the symbol). A longer text is sent whole as {@code sendMessage} call(s) of at most 4096
 * characters (split at line breaks), followed by the photo captioned with the symbol. An alert
 * without chart is only {@code sendMessage}. The text is sent as plain text (no {@code
 * parse_mode}), so characters such as {@code _} or {@code *} in symbols never break the message.
 *
 * <p>Each call is checked: HTTP 200 with {@code "ok": true} is delivered; HTTP 429 waits {@code
 * parameters.retry_after} seconds and retries; 5xx answers, timeouts and connection errors are
 * retried with backoff; other answers ({@code "ok": false} with 400/401/403...) fail at once with
 * Telegram's {@code description}. All within the {@link AlertRetryPolicy}.
 *
 * <p>The bot token is part of every request path ({@code /bot<token>/sendPhoto}); it is masked in
 * every log line and exception message. The token is only sent over https (plain http only to a
 * loopback base URI, e.g. a local Bot API server or a test receiver).
 *
 * <p>Thread-safe (no mutable state besides the shared {@link java.net.http.HttpClient}); {@link
 * #close} releases the HTTP client.
 */
public final class TelegramAlertSink implements AlertSink {

  /** The official Bot API endpoint. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.telegram.org");

  /** Telegram's limit on a photo caption, in UTF-16 units after entity parsing. */
  public static final int CAPTION_LIMIT = 1024;

  /** Telegram's limit on a text message, in UTF-16 units after entity parsing. */
  public static final int MESSAGE_LIMIT = 4096;

  // Bot API tokens are "<bot id>:<key>" (BotFather's format); anything else cannot be a token.
  private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{8,}");
  // A numeric chat id (negative for groups and channels) or a public channel's @username.
  private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,}");

  private final String botToken;
  private final String chatId;
  private final String apiPrefix;
  private final HttpClient http;
  private final RetryingPoster poster;
  private final ObjectMapper json = new ObjectMapper();

  private TelegramAlertSink(Builder b) {
    this.chatId = b.chatId;
    String base = b.baseUri.toString();
    this.apiPrefix = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/bot";
    String token = b.botToken;
    Redactor redactor = new Redactor(List.of(token, token.substring(token.indexOf(':') + 1)));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.poster =
        new RetryingPoster("telegram", http, b.requestTimeout, b.retryPolicy, b.sleeper, redactor);
    this.botToken = token;
  }

  /**
   * Starts a builder.
   *
   * @param botToken the bot token from BotFather ({@code <digits>:<key>}); a secret
   * @param chatId the chat: a numeric id ({@code -100...} for channels and supergroups) or a public
   *     channel's {@code @username}
   * @return the builder
   * @throws IllegalArgumentException when the token or chat id is malformed (the message does not
   *     show the token)
   */
  public static Builder builder(String botToken, String chatId) {
    return new Builder(botToken, chatId);
  }

  @Override
  public String name() {
    return "telegram";
  }

  /**
   * The chat alerts go to.
   *
   * @return the chat id
   */
  public String chatId() {
    return chatId;
  }

  /**
   * Posts the alert (see the class comment for the calls made).
   *
   * @param alert the alert
   * @throws AlertDeliveryException when a call fails for good; the token is masked
   */
  @Override
  public void send(SignalAlert alert) {
    Objects.requireNonNull(alert, "alert");
    String text = alert.text();
    if (alert.hasChart() && text.length() <= CAPTION_LIMIT) {
      sendPhoto(alert, text);
      return;
    }
    for (String chunk : TextSplitter.split(text, MESSAGE_LIMIT)) {
      sendMessage(chunk);
    }
    if (alert.hasChart()) {
      sendPhoto(alert, alert.symbol());
    }
  }

  private void sendMessage(String text) {
    ObjectNode body = json.createObjectNode();
    body.put("chat_id", chatId);
    body.put("text", text);
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON object of two strings", e);
    }
    poster.post(
        "sendMessage", uri("sendMessage"), "application/json; charset=UTF-8", bytes, this::judge);
  }

  private void sendPhoto(SignalAlert alert, String caption) {
    MultipartBody.Encoded body =
        new MultipartBody()
            .field("chat_id", chatId, "text/plain; charset=UTF-8")
            .field("caption", caption, "text/plain; charset=UTF-8")
            .file(
                "photo",
                MultipartBody.safeFilename(alert.symbol(), "png"),
                "image/png",
                alert.chartPng())
            .encode();
    poster.post("sendPhoto", uri("sendPhoto"), body.contentType(), body.body(), this::judge);
  }

  private URI uri(String method) {
    return URI.create(apiPrefix + botToken + "/" + method);
  }

  private Verdict judge(int status, HttpHeaders headers, String body) {
    JsonNode root = parse(body);
    String description =
        root == null ? RetryingPoster.excerpt(body) : root.path("description").asText("");
    if (status == 429 || (root != null && root.path("error_code").asInt() == 429)) {
      String reason = "HTTP " + status + " (rate limited): " + description;
      JsonNode retryAfter = root == null ? null : root.path("parameters").get("retry_after");
      if (retryAfter != null && retryAfter.canConvertToLong() && retryAfter.asLong() >= 0) {
        return new Verdict.RetryAfter(Duration.ofSeconds(retryAfter.asLong()), reason);
      }
      OptionalLong header = RetryingPoster.retryAfterHeaderMillis(headers);
      return header.isPresent()
          ? new Verdict.RetryAfter(Duration.ofMillis(header.getAsLong()), reason)
          : new Verdict.Retry(reason);
    }
    if (status >= 500) {
      return new Verdict.Retry("HTTP " + status + ": " + description);
    }
    if (root == null || !root.isObject()) {
      return new Verdict.Fail(
          "HTTP " + status + ": malformed response, not a Bot API JSON object: " + excerpt(body));
    }
    JsonNode ok = root.get("ok");
    if (ok == null || !ok.isBoolean()) {
      return new Verdict.Fail(
          "HTTP " + status + ": malformed response, no boolean \"ok\": " + excerpt(body));
    }
    if (ok.asBoolean() && status == 200) {
      return new Verdict.Delivered();
    }
    StringBuilder reason = new StringBuilder("HTTP ").append(status);
    if (root.has("error_code")) {
      reason.append(", error_code ").append(root.path("error_code").asText());
    }
    reason.append(": ").append(description.isEmpty() ? excerpt(body) : description);
    JsonNode migrated = root.path("parameters").get("migrate_to_chat_id");
    if (migrated != null) {
      reason
          .append(" (the group became a supergroup: use chat id ")
          .append(migrated.asText())
          .append(")");
    }
    return new Verdict.Fail(reason.toString());
  }

  private static String excerpt(String body) {
    return RetryingPoster.excerpt(body);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "TelegramAlertSink[chatId=" + chatId + ", token=" + Redactor.MASK + "]";
  }

  /** Configures a {@link TelegramAlertSink}; every setting but token and chat has a default. */
  public static final class Builder {

    private final String botToken;
    private final String chatId;
    private URI baseUri = DEFAULT_BASE_URI;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private AlertRetryPolicy retryPolicy = AlertRetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(String botToken, String chatId) {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(chatId, "chatId");
      if (!TOKEN.matcher(botToken).matches()) {
        // The value is a secret even when malformed: only its shape is described.
        throw new IllegalArgumentException(
            "telegram bot token is malformed: expected <bot id digits>:<key> as given by"
                + " BotFather, got "
                + botToken.length()
                + " characters"
                + (botToken.strip().length() != botToken.length()
                    ? " with leading/trailing whitespace"
                    : ""));
      }
      if (!CHAT_ID.matcher(chatId).matches()) {
        throw new IllegalArgumentException(
            "telegram chat id must be a number (e.g. -1001234567890) or @channelname, was '"
                + chatId
                + "'");
      }
      this.botToken = botToken;
      this.chatId = chatId;
    }

    /**
     * The Bot API base URI (default {@link #DEFAULT_BASE_URI}); https, or http to loopback.
     *
     * @param baseUri the base, e.g. {@code http://127.0.0.1:8081} for a local Bot API server
     * @return this
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      if (!baseUri.isAbsolute()) {
        throw new IllegalArgumentException("telegram baseUri must be absolute, was " + baseUri);
      }
      String insecure = Endpoints.insecureReason(baseUri);
      if (insecure != null) {
        throw new IllegalArgumentException("telegram baseUri " + insecure);
      }
      if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "telegram baseUri must have no query or fragment, was " + baseUri);
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * The TCP connect timeout (default 10 s).
     *
     * @param timeout positive
     * @return this
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The timeout of each request, upload included (default 30 s).
     *
     * @param timeout positive
     * @return this
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The retry policy (default {@link AlertRetryPolicy#DEFAULT}).
     *
     * @param policy the policy
     * @return this
     */
    public Builder retryPolicy(AlertRetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * What waits between retries (default {@link Sleeper#SYSTEM}).
     *
     * @param sleeper the sleeper
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the sink (creating its HTTP client; close the sink to release it).
     *
     * @return the sink
     */
    public TelegramAlertSink build() {
      return new TelegramAlertSink(this);
    }
  }

  static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + d);
    }
    return d;
  }
}
