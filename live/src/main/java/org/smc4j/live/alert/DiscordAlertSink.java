package org.smc4j.live.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.smc4j.live.alert.internal.Endpoints;
import org.smc4j.live.alert.internal.MultipartBody;
import org.smc4j.live.alert.internal.Redactor;
import org.smc4j.live.alert.internal.RetryingPoster;
import org.smc4j.live.alert.internal.RetryingPoster.Verdict;
import org.smc4j.live.alert.internal.TextSplitter;

/**
 * Posts alerts to a Discord channel through an incoming webhook ({@code
 * https://discord.com/developers/docs/resources/webhook#execute-webhook}).
 *
 * <p>The text goes in {@code content} (shown in push notifications, unlike an embed), with {@code
 * allowed_mentions} empty so an {@code @everyone} in a text never pings anybody. A text longer than
 * Discord's 2000 characters is sent whole as several messages split at line breaks. With a chart,
 * the (last) message is multipart/form-data: {@code payload_json} (the JSON above plus {@code
 * attachments[0]}) and {@code files[0]}, the PNG named after the symbol; without a chart it is a
 * JSON body. The webhook is called with {@code wait=true}, so Discord reports errors instead of
 * accepting blindly.
 *
 * <p>Each call is checked: 2xx is delivered; HTTP 429 waits the body's {@code retry_after}
 * (seconds, fractional) or else the {@code Retry-After} header, then retries; 5xx answers, timeouts
 * and connection errors are retried with backoff; other 4xx answers fail at once with Discord's
 * {@code message} and {@code code}. All within the {@link AlertRetryPolicy}.
 *
 * <p>The webhook URL is a secret (anyone holding it can post): it and its token are masked in every
 * log line and exception message, and it must be https (plain http only to loopback).
 *
 * <p>Thread-safe (no mutable state besides the shared {@link java.net.http.HttpClient}); {@link
 * #close} releases the HTTP client.
 */
public final class DiscordAlertSink implements AlertSink {

  /** Discord's limit on a message's {@code content}. */
  public static final int CONTENT_LIMIT = 2000;

  private final URI postUri;
  private final HttpClient http;
  private final RetryingPoster poster;
  private final ObjectMapper json = new ObjectMapper();

  private DiscordAlertSink(Builder b) {
    this.postUri = b.postUri;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.poster =
        new RetryingPoster("discord", http, b.requestTimeout, b.retryPolicy, b.sleeper, b.redactor);
  }

  /**
   * Starts a builder.
   *
   * @param webhookUrl the webhook URL, {@code https://discord.com/api/webhooks/<id>/<token>}; a
   *     secret
   * @return the builder
   * @throws IllegalArgumentException when the URL is malformed or not https (the message does not
   *     show the URL)
   */
  public static Builder builder(String webhookUrl) {
    return new Builder(webhookUrl);
  }

  @Override
  public String name() {
    return "discord";
  }

  /**
   * Posts the alert (see the class comment for the calls made).
   *
   * @param alert the alert
   * @throws AlertDeliveryException when a call fails for good; the webhook URL is masked
   */
  @Override
  public void send(SignalAlert alert) {
    Objects.requireNonNull(alert, "alert");
    List<String> chunks = TextSplitter.split(alert.text(), CONTENT_LIMIT);
    for (int k = 0; k < chunks.size(); k++) {
      boolean last = k == chunks.size() - 1;
      if (last && alert.hasChart()) {
        postWithChart(alert, chunks.get(k));
      } else {
        postJson(chunks.get(k));
      }
    }
  }

  private ObjectNode payload(String content) {
    ObjectNode payload = json.createObjectNode();
    payload.put("content", content);
    payload.putObject("allowed_mentions").putArray("parse");
    return payload;
  }

  private void postJson(String content) {
    poster.post(
        "webhook",
        postUri,
        "application/json; charset=UTF-8",
        bytes(payload(content)),
        this::judge);
  }

  private void postWithChart(SignalAlert alert, String content) {
    String filename = MultipartBody.safeFilename(alert.symbol(), "png");
    ObjectNode payload = payload(content);
    ObjectNode attachment = payload.putArray("attachments").addObject();
    attachment.put("id", 0);
    attachment.put("filename", filename);
    MultipartBody.Encoded body =
        new MultipartBody()
            .field(
                "payload_json",
                new String(bytes(payload), StandardCharsets.UTF_8),
                "application/json; charset=UTF-8")
            .file("files[0]", filename, "image/png", alert.chartPng())
            .encode();
    poster.post("webhook", postUri, body.contentType(), body.body(), this::judge);
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON object of strings", e);
    }
  }

  private Verdict judge(int status, HttpHeaders headers, String body) {
    if (status >= 200 && status < 300) {
      return new Verdict.Delivered();
    }
    JsonNode root = parse(body);
    String message = describe(root, body);
    if (status == 429) {
      boolean global = root != null && root.path("global").asBoolean(false);
      String reason = "HTTP 429 (rate limited" + (global ? ", global" : "") + "): " + message;
      JsonNode retryAfter = root == null ? null : root.get("retry_after");
      if (retryAfter != null && retryAfter.isNumber() && retryAfter.asDouble() >= 0) {
        // Seconds with a fraction (e.g. 0.347); round up so the retry never comes early.
        long millis = (long) Math.ceil(retryAfter.asDouble() * 1000.0);
        return new Verdict.RetryAfter(Duration.ofMillis(millis), reason);
      }
      OptionalLong header = RetryingPoster.retryAfterHeaderMillis(headers);
      return header.isPresent()
          ? new Verdict.RetryAfter(Duration.ofMillis(header.getAsLong()), reason)
          : new Verdict.Retry(reason);
    }
    if (status >= 500) {
      return new Verdict.Retry("HTTP " + status + ": " + message);
    }
    return new Verdict.Fail("HTTP " + status + ": " + message);
  }

  private static String describe(JsonNode root, String body) {
    if (root != null && root.path("message").isTextual()) {
      String m = root.get("message").asText();
      JsonNode code = root.get("code");
      String detail =
          root.has("errors")
              ? "; errors: " + RetryingPoster.excerpt(root.get("errors").toString())
              : "";
      return code != null && code.canConvertToInt() && code.asInt() != 0
          ? m + " (code " + code.asInt() + ")" + detail
          : m + detail;
    }
    return RetryingPoster.excerpt(body);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = json.readTree(body.getBytes(StandardCharsets.UTF_8));
      return root != null && root.isObject() ? root : null;
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
    return "DiscordAlertSink[webhook=" + Redactor.MASK + "]";
  }

  /** Configures a {@link DiscordAlertSink}; every setting but the webhook URL has a default. */
  public static final class Builder {

    private final URI postUri;
    private final Redactor redactor;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private AlertRetryPolicy retryPolicy = AlertRetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(String webhookUrl) {
      Objects.requireNonNull(webhookUrl, "webhookUrl");
      URI uri;
      try {
        uri = new URI(webhookUrl);
      } catch (URISyntaxException e) {
        // The URISyntaxException message quotes the URL, a secret: only the position is shown.
        throw new IllegalArgumentException(
            "discord webhook URL is not a valid URI: "
                + e.getReason()
                + " at index "
                + e.getIndex(),
            null);
      }
      if (!uri.isAbsolute() || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
        throw new IllegalArgumentException(
            "discord webhook URL must be absolute with a path, like"
                + " https://discord.com/api/webhooks/<id>/<token>");
      }
      String insecure = Endpoints.insecureReason(uri);
      if (insecure != null) {
        throw new IllegalArgumentException("discord webhook URL " + insecure);
      }
      if (uri.getRawFragment() != null) {
        throw new IllegalArgumentException("discord webhook URL must have no fragment");
      }
      List<String> secrets = new ArrayList<>();
      secrets.add(webhookUrl);
      secrets.add(uri.getRawPath());
      String path = uri.getRawPath();
      String lastSegment = path.substring(path.lastIndexOf('/') + 1);
      if (lastSegment.length() >= 8) {
        secrets.add(lastSegment);
      }
      String query = uri.getRawQuery();
      String wait = query == null ? "?wait=true" : query.contains("wait=") ? "" : "&wait=true";
      String post = webhookUrl + wait;
      secrets.add(post);
      this.postUri = URI.create(post);
      this.redactor = new Redactor(secrets);
    }

    /**
     * The TCP connect timeout (default 10 s).
     *
     * @param timeout positive
     * @return this
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = TelegramAlertSink.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The timeout of each request, upload included (default 30 s).
     *
     * @param timeout positive
     * @return this
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = TelegramAlertSink.positive(timeout, "requestTimeout");
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
    public DiscordAlertSink build() {
      return new DiscordAlertSink(this);
    }
  }
}
