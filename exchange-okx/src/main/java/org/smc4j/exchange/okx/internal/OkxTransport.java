package org.smc4j.exchange.okx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxCall;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.ServerClock;
import org.smc4j.exchange.okx.auth.OkxSigner;
import org.smc4j.exchange.okx.auth.OkxTimestamp;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.error.OkxErrorClassifier;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.RateRule;

/**
 * Sends one {@link OkxRequest}: waits for a rate-limit token, signs it on the {@link ServerClock}
 * (with {@code expTime} for place/amend), sends the exact signed bytes, reads the envelope and
 * classifies failures. On {@code 50102} it re-measures the clock offset and sends the request once
 * more, re-signed. Thread-safe.
 */
public final class OkxTransport {

  private static final Logger log = LoggerFactory.getLogger(OkxTransport.class);

  /** The path of the server time endpoint. */
  public static final String TIME_PATH = "/api/v5/public/time";

  private final OkxClientConfig config;
  private final HttpClient http;
  private final ServerClock clock;
  private final OkxRateLimiter limiter;
  private final Optional<OkxSigner> signer;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Creates the transport.
   *
   * @param config the settings
   * @param http the HTTP client
   * @param clock the server clock
   * @param limiter the rate limiter
   */
  public OkxTransport(
      OkxClientConfig config, HttpClient http, ServerClock clock, OkxRateLimiter limiter) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.signer = config.credentials().map(OkxSigner::new);
  }

  /** Returns the JSON mapper the bodies are written and read with. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Sends a request.
   *
   * @param request the request
   * @return the envelope of a {@code code 0/1/2} answer, or the classified failure
   */
  public OkxResult<Envelope> send(OkxRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.signed() && signer.isEmpty()) {
      return failed(
          request,
          OkxErrorClass.FATAL,
          "",
          "no API credentials configured for a private endpoint",
          OptionalInt.empty(),
          clock.instant(),
          Optional.empty(),
          0);
    }
    int attempts = 0;
    while (true) {
      attempts++;
      OkxResult<Envelope> attempt = sendOnce(request, attempts);
      if (attempt instanceof OkxResult.Failed<Envelope> failed
          && failed.error().errorClass() == OkxErrorClass.TIMESTAMP_EXPIRED
          && attempts == 1) {
        log.warn(
            "{}: timestamp expired (50102) with clock offset {}; re-measuring and re-signing once",
            request.endpoint(),
            clock.offset());
        OkxResult<Duration> measured = measureClockOffset();
        if (!measured.isOk()) {
          return attempt;
        }
        continue;
      }
      return attempt;
    }
  }

  /**
   * Measures the server clock offset from {@code GET /api/v5/public/time} and stores it in the
   * {@link ServerClock}.
   *
   * @return the new offset, or the failure
   */
  public OkxResult<Duration> measureClockOffset() {
    OkxRequest request = OkxRequest.get(TIME_PATH, List.of(), RateRule.PUBLIC_TIME, "").unsigned();
    Optional<OkxResult<Envelope>> refused = acquire(request, 1);
    if (refused.isPresent()) {
      OkxResult.Failed<Envelope> failed = (OkxResult.Failed<Envelope>) refused.get();
      return new OkxResult.Failed<>(failed.error(), failed.call());
    }
    // Timed around the exchange only, so that a rate-limit wait does not shift the midpoint.
    Instant sent = clock.local().instant();
    OkxResult<Envelope> answer = exchange(request, 1);
    Instant received = clock.local().instant();
    return switch (answer) {
      case OkxResult.Failed<Envelope> failed ->
          new OkxResult.Failed<>(failed.error(), failed.call());
      case OkxResult.Ok<Envelope> ok -> {
        try {
          if (ok.value().data().isEmpty()) {
            throw new MalformedAnswerException("data[] is empty");
          }
          Instant serverTime = JsonFields.millis(ok.value().data().getFirst(), "ts");
          Duration offset = clock.update(serverTime, sent, received);
          log.debug("server clock offset measured: {}", offset);
          yield new OkxResult.Ok<>(offset, ok.call());
        } catch (MalformedAnswerException e) {
          yield malformed(request, ok.call(), ok.value().httpStatus(), e);
        }
      }
    };
  }

  /**
   * Turns a parse failure of a received answer into an {@code AMBIGUOUS} failure: the request
   * arrived and may have executed, but the answer cannot be read.
   *
   * @param request the request
   * @param call how it went out
   * @param httpStatus the answer's status
   * @param e the parse failure
   * @param <T> the expected answer type
   * @return the failure
   */
  public static <T> OkxResult<T> malformed(
      OkxRequest request, OkxCall call, int httpStatus, MalformedAnswerException e) {
    return new OkxResult.Failed<>(
        new OkxError(
            OkxErrorClass.AMBIGUOUS,
            "",
            "unreadable answer: " + e.getMessage(),
            OptionalInt.of(httpStatus),
            request.endpoint()),
        call);
  }

  private OkxResult<Envelope> sendOnce(OkxRequest request, int attemptNumber) {
    Optional<OkxResult<Envelope>> refused = acquire(request, attemptNumber);
    if (refused.isPresent()) {
      return refused.get();
    }
    return exchange(request, attemptNumber);
  }

  /** Waits for a rate-limit token; a failure only when interrupted while waiting. */
  private Optional<OkxResult<Envelope>> acquire(OkxRequest request, int attemptNumber) {
    try {
      limiter.acquire(request.rule(), request.scopeKey(), request.permits());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          failed(
              request,
              OkxErrorClass.NOT_SENT,
              "",
              "interrupted while waiting for a rate-limit token",
              OptionalInt.empty(),
              clock.instant(),
              Optional.empty(),
              attemptNumber - 1));
    }
  }

  /** Signs and sends one attempt and reads its answer. */
  private OkxResult<Envelope> exchange(OkxRequest request, int attemptNumber) {
    Instant serverNow = clock.instant();
    String requestPath = request.requestPath();
    String body = request.body().orElse("");
    Optional<Instant> expTime =
        request.expiring() ? Optional.of(serverNow.plus(config.expTimeWindow())) : Optional.empty();
    OkxCall call = new OkxCall(request.endpoint(), serverNow, expTime, attemptNumber);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(config.baseUri().toString().replaceAll("/$", "") + requestPath))
            .timeout(config.requestTimeout())
            .header("Accept", "application/json");
    if (request.method().equals("POST")) {
      builder
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .header("Content-Type", "application/json");
    } else {
      builder.GET();
    }
    if (request.signed()) {
      String timestamp = OkxTimestamp.format(serverNow);
      for (Map.Entry<String, String> header :
          signer.orElseThrow().headers(timestamp, request.method(), requestPath, body).entrySet()) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    if (config.environment() == OkxEnvironment.DEMO) {
      builder.header(OkxEnvironment.DEMO_HEADER, "1");
    }
    expTime.ifPresent(t -> builder.header("expTime", Long.toString(t.toEpochMilli())));

    HttpResponse<String> response;
    try {
      response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      return transportFailure(request, call, OkxErrorClass.NOT_SENT, e);
    } catch (HttpTimeoutException e) {
      return transportFailure(request, call, OkxErrorClass.AMBIGUOUS, e);
    } catch (IOException e) {
      return transportFailure(request, call, OkxErrorClass.AMBIGUOUS, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return transportFailure(request, call, OkxErrorClass.AMBIGUOUS, e);
    }
    return read(request, call, response.statusCode(), response.body());
  }

  private OkxResult<Envelope> read(OkxRequest request, OkxCall call, int status, String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.hasNonNull("code")) {
      OkxErrorClass errorClass = OkxErrorClassifier.classifyStatus(status);
      log.warn(
          "{}: HTTP {} without a readable OKX body: {}", request.endpoint(), status, errorClass);
      return new OkxResult.Failed<>(
          new OkxError(
              errorClass,
              "",
              "HTTP " + status + " without a readable OKX body (" + abbreviate(body) + ")",
              OptionalInt.of(status),
              request.endpoint()),
          call);
    }
    String code = root.get("code").asText();
    String msg = JsonFields.text(root, "msg");
    List<JsonNode> data = new ArrayList<>();
    JsonNode array = root.get("data");
    if (array != null && array.isArray()) {
      array.forEach(data::add);
    }
    log.debug("{} -> HTTP {} code {}", request.endpoint(), status, code);
    if (code.equals("0") || code.equals("1") || code.equals("2")) {
      return new OkxResult.Ok<>(new Envelope(code, msg, data, status), call);
    }
    return new OkxResult.Failed<>(
        new OkxError(
            OkxErrorClassifier.classify(code),
            code,
            msg,
            OptionalInt.of(status),
            request.endpoint()),
        call);
  }

  private static OkxResult<Envelope> transportFailure(
      OkxRequest request, OkxCall call, OkxErrorClass errorClass, Exception e) {
    log.warn("{}: transport failure {}: {}", request.endpoint(), errorClass, e.toString());
    return new OkxResult.Failed<>(
        new OkxError(errorClass, "", e.toString(), OptionalInt.empty(), request.endpoint()), call);
  }

  private static OkxResult<Envelope> failed(
      OkxRequest request,
      OkxErrorClass errorClass,
      String code,
      String message,
      OptionalInt status,
      Instant serverNow,
      Optional<Instant> expTime,
      int attempts) {
    return new OkxResult.Failed<>(
        new OkxError(errorClass, code, message, status, request.endpoint()),
        new OkxCall(request.endpoint(), serverNow, expTime, attempts));
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 80) + "...";
  }
}
