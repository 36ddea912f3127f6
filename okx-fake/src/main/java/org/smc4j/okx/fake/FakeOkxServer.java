package org.smc4j.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake OKX v5 REST server for tests, on {@code 127.0.0.1} and an ephemeral port. It checks the
 * {@code OK-ACCESS-*} signature of every private request (HMAC-SHA256 over timestamp, method, path
 * with query and body; {@code 50111}, {@code 50105}, {@code 50113}), the timestamp against its own
 * clock ({@code 50102} beyond 30 s) and the demo header ({@code 50101}); serves the public
 * endpoints, the account balance and the positions history from the {@code okx-fixtures} folder
 * (these are not tied to the exchange state); and runs the trading endpoints on a scriptable {@link
 * FakeExchange}. A {@link FaultScript} injects at most one {@link Fault} per request.
 *
 * <p>Use in tests only: {@code try (FakeOkxServer server = FakeOkxServer.start(...)) { ... }}.
 */
public final class FakeOkxServer implements AutoCloseable {

  /** How far a signed timestamp may be from server time (OKX-TRADING.md section 1). */
  public static final Duration TIMESTAMP_TOLERANCE = Duration.ofSeconds(30);

  /**
   * The API key the fake accepts.
   *
   * @param apiKey the key
   * @param secretKey the secret the requests must be signed with
   * @param passphrase the passphrase
   * @param demo true when the key is a demo key (requests must carry {@code x-simulated-trading:
   *     1}), false for a live key (they must not)
   */
  public record Account(String apiKey, String secretKey, String passphrase, boolean demo) {
    /** Validates the account. */
    public Account {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(passphrase, "passphrase");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Path fixtures;
  private final Account account;
  private final InstantSource clock;
  private final AtomicLong skewMillis = new AtomicLong();
  private final ObjectMapper mapper = new ObjectMapper();
  private final FakeExchange exchange;
  private final FaultScript faults = new FaultScript();
  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final Map<String, List<List<String>>> candles = new ConcurrentHashMap<>();

  private FakeOkxServer(Path fixtures, Account account, InstantSource clock) throws IOException {
    this.fixtures = fixtures;
    this.account = account;
    this.clock = clock;
    this.exchange =
        new FakeExchange(mapper, this::now, readFixture("public-instruments-SWAP.json"));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "fake-okx");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a server on the system clock.
   *
   * @param fixtures the {@code okx-fixtures} folder
   * @param account the key it accepts
   * @return the running server
   * @throws UncheckedIOException when the fixtures cannot be read or the port cannot be bound
   */
  public static FakeOkxServer start(Path fixtures, Account account) {
    return start(fixtures, account, InstantSource.system());
  }

  /**
   * Starts a server.
   *
   * @param fixtures the {@code okx-fixtures} folder
   * @param account the key it accepts
   * @param clock the real time the server's clock skew is added to
   * @return the running server
   * @throws UncheckedIOException when the fixtures cannot be read or the port cannot be bound
   */
  public static FakeOkxServer start(Path fixtures, Account account, InstantSource clock) {
    try {
      return new FakeOkxServer(
          Objects.requireNonNull(fixtures, "fixtures"),
          Objects.requireNonNull(account, "account"),
          Objects.requireNonNull(clock, "clock"));
    } catch (IOException e) {
      throw new UncheckedIOException("fake OKX server could not start", e);
    }
  }

  /** Returns the base URI, e.g. {@code http://127.0.0.1:54321}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns the exchange state. */
  public FakeExchange exchange() {
    return exchange;
  }

  /** Returns the fault queue. */
  public FaultScript faults() {
    return faults;
  }

  /** Returns the server's time: the clock plus the current skew. */
  public Instant now() {
    return clock.instant().plusMillis(skewMillis.get());
  }

  /**
   * Sets the server clock's skew.
   *
   * @param skew server time minus real time
   */
  public void setClockSkew(Duration skew) {
    skewMillis.set(skew.toMillis());
  }

  /**
   * Serves an instrument's candles on {@code /market/candles} and {@code /market/history-candles}
   * instead of the fixture, paged as OKX does: newest first, rows older than {@code after} and
   * newer than {@code before}, at most {@code limit} (default 100). Other instruments keep the
   * fixture.
   *
   * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
   * @param rows OKX candle rows oldest first: {@code ts, o, h, l, c, vol, volCcy, volCcyQuote,
   *     confirm}
   */
  public void setCandles(String instId, List<List<String>> rows) {
    Objects.requireNonNull(instId, "instId");
    candles.put(instId, rows.stream().map(List::copyOf).toList());
  }

  /** Returns every request received so far, oldest first. */
  public List<ReceivedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Returns the requests received for one path.
   *
   * @param method the HTTP method
   * @param path the path without query
   * @return the requests, oldest first
   */
  public List<ReceivedRequest> requests(String method, String path) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- request handling ----

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      String method = http.getRequestMethod();
      String path = http.getRequestURI().getRawPath();
      String rawQuery = http.getRequestURI().getRawQuery();
      String requestPath = rawQuery == null ? path : path + "?" + rawQuery;
      String body;
      try (InputStream in = http.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      http.getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
      synchronized (requests) {
        requests.add(new ReceivedRequest(method, requestPath, headers, body, now()));
      }

      exchange.runTimers();
      Optional<Fault> fault = faults.take(method, path);
      if (fault.isPresent() && fault.get() instanceof Fault.ClockSkew skew) {
        setClockSkew(skew.skew());
        fault = Optional.empty();
      }
      if (fault.isPresent()) {
        switch (fault.get()) {
          case Fault.DropBeforeExecute drop -> {
            return;
          }
          case Fault.HttpStatusWithoutJson status when !status.executeFirst() -> {
            sendHtml(http, status.status());
            return;
          }
          case Fault.ErrorCode error -> {
            send(http, error.httpStatus(), errorBody(error, body));
            return;
          }
          case Fault.AttachedAlgoFails failing -> exchange.failNextAttachedAlgo(failing.failCode());
          default -> {
            // The remaining faults act after the request was executed.
          }
        }
      }

      boolean isPublic = path.startsWith("/api/v5/public/") || path.startsWith("/api/v5/market/");
      Answer answer;
      if (!isPublic) {
        Optional<Answer> refused = authenticate(http, method, requestPath, body);
        answer = refused.orElseGet(() -> route(method, path, rawQuery, body));
      } else {
        answer = route(method, path, rawQuery, body);
      }

      if (fault.isPresent()) {
        switch (fault.get()) {
          case Fault.DropAfterExecute drop -> {
            return;
          }
          case Fault.HttpStatusWithoutJson status -> {
            sendHtml(http, status.status());
            return;
          }
          case Fault.TruncatedJson truncated -> {
            byte[] bytes = mapper.writeValueAsBytes(answer.body());
            http.getResponseHeaders().add("Content-Type", "application/json");
            http.sendResponseHeaders(200, 0);
            try (OutputStream out = http.getResponseBody()) {
              out.write(bytes, 0, bytes.length / 2);
            }
            return;
          }
          case Fault.SlowAnswer slow -> sleep(slow.delay());
          default -> {
            // Faults acting before execution were handled above.
          }
        }
      }
      send(http, answer.status(), answer.body());
    } catch (RuntimeException e) {
      // A bug in the fake or a scripting error: answer 500 so the test sees it, and keep serving.
      sendHtml(http, 500);
      throw e;
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Optional<Answer> authenticate(
      HttpExchange http, String method, String requestPath, String body) {
    String key = http.getRequestHeaders().getFirst("OK-ACCESS-KEY");
    String sign = http.getRequestHeaders().getFirst("OK-ACCESS-SIGN");
    String timestamp = http.getRequestHeaders().getFirst("OK-ACCESS-TIMESTAMP");
    String passphrase = http.getRequestHeaders().getFirst("OK-ACCESS-PASSPHRASE");
    String simulated = http.getRequestHeaders().getFirst("x-simulated-trading");
    if (key == null || sign == null || timestamp == null || passphrase == null) {
      return Optional.of(unauthorized("50103", "Request header OK-ACCESS-KEY can not be empty."));
    }
    if (!key.equals(account.apiKey())) {
      return Optional.of(unauthorized("50111", "Invalid OK-ACCESS-KEY."));
    }
    if (account.demo() != "1".equals(simulated)) {
      return Optional.of(unauthorized("50101", "APIKey does not match current environment."));
    }
    if (!passphrase.equals(account.passphrase())) {
      return Optional.of(unauthorized("50105", "Invalid OK-ACCESS-PASSPHRASE."));
    }
    Instant signedAt;
    try {
      signedAt = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Optional.of(unauthorized("50112", "Invalid OK-ACCESS-TIMESTAMP."));
    }
    if (!timestamp.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")) {
      return Optional.of(unauthorized("50112", "Invalid OK-ACCESS-TIMESTAMP."));
    }
    if (Duration.between(signedAt, now()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
      // The captured body of a real 50102 has no data and no full stop.
      ObjectNode expired = mapper.createObjectNode();
      expired.put("msg", "Timestamp request expired");
      expired.put("code", "50102");
      return Optional.of(new Answer(401, expired));
    }
    if (!sign.equals(hmac(timestamp + method + requestPath + body))) {
      return Optional.of(unauthorized("50113", "Invalid Sign."));
    }
    return Optional.empty();
  }

  private Answer unauthorized(String code, String msg) {
    ObjectNode body = mapper.createObjectNode();
    body.put("msg", msg);
    body.put("code", code);
    return new Answer(401, body);
  }

  private String hmac(String prehash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(account.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private Answer route(String method, String path, String rawQuery, String body) {
    Map<String, String> query = parseQuery(rawQuery);
    JsonNode json = body.isEmpty() ? mapper.createObjectNode() : readJson(body);
    String route = method + " " + path;
    JsonNode answer =
        switch (route) {
          case "GET /api/v5/public/time" -> time();
          case "GET /api/v5/public/instruments" -> instruments(query);
          case "GET /api/v5/public/price-limit" -> priceLimit(query);
          case "GET /api/v5/public/funding-rate" -> readFixture("public-funding-rate.json");
          case "GET /api/v5/public/mark-price" -> readFixture("public-mark-price.json");
          case "GET /api/v5/market/candles" -> candles(query, "market-candles.json");
          case "GET /api/v5/market/history-candles" ->
              candles(query, "market-history-candles.json");
          case "GET /api/v5/market/tickers" -> readFixture("market-tickers-SWAP.json");
          case "GET /api/v5/account/balance" -> readFixture("account-balance.json");
          case "GET /api/v5/account/trade-fee" -> readFixture("account-trade-fee.json");
          case "GET /api/v5/asset/currencies" -> readFixture("asset-currencies.json");
          case "GET /api/v5/account/config" ->
              exchange.accountConfig(readFixture("account-config.json"));
          case "GET /api/v5/account/positions" -> exchange.positionsAnswer(query);
          case "POST /api/v5/account/set-leverage" -> exchange.setLeverage(json);
          case "GET /api/v5/account/leverage-info" -> exchange.leverageInfo(query);
          case "GET /api/v5/account/max-size" -> exchange.maxSize(query);
          case "GET /api/v5/account/bills" -> exchange.bills(query);
          case "POST /api/v5/trade/order" -> exchange.placeOrder(json);
          case "GET /api/v5/trade/order" -> exchange.getOrder(query);
          case "GET /api/v5/trade/orders-pending" -> exchange.ordersPending(query);
          case "GET /api/v5/trade/orders-history" -> exchange.ordersHistory(query);
          case "POST /api/v5/trade/amend-order" -> exchange.amendOrder(json);
          case "GET /api/v5/account/positions-history" ->
              exchange.positionsHistory(query, readFixture("account-positions-history-SWAP.json"));
          case "POST /api/v5/trade/cancel-order" -> exchange.cancelOrder(json);
          case "POST /api/v5/trade/order-algo" -> exchange.placeAlgo(json);
          case "GET /api/v5/trade/order-algo" -> exchange.getAlgo(query);
          case "POST /api/v5/trade/cancel-algos" -> exchange.cancelAlgos(json);
          case "GET /api/v5/trade/orders-algo-pending" -> exchange.algosPending(query);
          case "GET /api/v5/trade/fills" -> exchange.fills(query);
          case "POST /api/v5/trade/close-position" -> exchange.closePosition(json);
          case "POST /api/v5/trade/cancel-all-after" -> exchange.cancelAllAfter(json);
          default -> null;
        };
    if (answer == null) {
      return new Answer(404, exchange.topLevel("50000", "fake OKX: no route for " + route));
    }
    return new Answer(200, answer);
  }

  private JsonNode time() {
    ObjectNode answer = exchange.topLevel("0", "");
    ((ArrayNode) answer.get("data")).addObject().put("ts", Long.toString(now().toEpochMilli()));
    return answer;
  }

  private JsonNode candles(Map<String, String> query, String fixture) {
    List<List<String>> rows = candles.get(query.getOrDefault("instId", ""));
    if (rows == null) {
      return readFixture(fixture);
    }
    long after = Long.parseLong(query.getOrDefault("after", Long.toString(Long.MAX_VALUE)));
    long before = Long.parseLong(query.getOrDefault("before", Long.toString(Long.MIN_VALUE)));
    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    ObjectNode answer = exchange.topLevel("0", "");
    ArrayNode data = (ArrayNode) answer.get("data");
    for (int i = rows.size() - 1; i >= 0 && data.size() < limit; i--) {
      long ts = Long.parseLong(rows.get(i).get(0));
      if (ts < after && ts > before) {
        ArrayNode row = data.addArray();
        rows.get(i).forEach(row::add);
      }
    }
    return answer;
  }

  private JsonNode instruments(Map<String, String> query) {
    String instType = query.getOrDefault("instType", "SWAP");
    JsonNode all = readFixture("public-instruments-" + instType + ".json");
    String instId = query.get("instId");
    if (instId == null) {
      return all;
    }
    ObjectNode filtered = all.deepCopy();
    ArrayNode data = filtered.putArray("data");
    all.path("data")
        .forEach(
            i -> {
              if (i.path("instId").asText().equals(instId)) {
                data.add(i);
              }
            });
    return filtered;
  }

  private JsonNode priceLimit(Map<String, String> query) {
    ObjectNode answer = (ObjectNode) readFixture("public-price-limit.json");
    ((ObjectNode) answer.path("data").get(0))
        .put("instId", query.getOrDefault("instId", "BTC-USDT-SWAP"));
    return answer;
  }

  private JsonNode errorBody(Fault.ErrorCode error, String requestBody) {
    String msg =
        switch (error.code()) {
          case "50011" -> "Too Many Requests";
          case "50013" -> "Systems are busy. Please try again later.";
          case "50026" -> "System error. Try again later.";
          case "50101" -> "APIKey does not match current environment.";
          case "50102" -> "Timestamp request expired";
          case "51016" -> "Client order ID already exists.";
          case "51280" -> "SL trigger price cannot be higher than the last price.";
          case "51400" ->
              "Order cancellation failed as the order has been filled, canceled or does not exist.";
          case "51603" -> "Order does not exist.";
          default -> "fake OKX error " + error.code();
        };
    if (!error.inItem()) {
      return exchange.topLevel(error.code(), msg);
    }
    ObjectNode answer = exchange.topLevel("1", "All operations failed");
    ObjectNode item = ((ArrayNode) answer.get("data")).addObject();
    JsonNode request = requestBody.isEmpty() ? mapper.createObjectNode() : readJson(requestBody);
    if (request.has("algoClOrdId")) {
      item.put("algoClOrdId", request.path("algoClOrdId").asText());
      item.put("algoId", "");
    } else {
      item.put("clOrdId", request.path("clOrdId").asText());
      item.put("ordId", "");
    }
    item.put("tag", request.path("tag").asText());
    item.put("ts", Long.toString(now().toEpochMilli()));
    item.put("sCode", error.code());
    item.put("sMsg", msg);
    item.put("subCode", "");
    return answer;
  }

  private JsonNode readFixture(String name) {
    try {
      return mapper.readTree(Files.readString(fixtures.resolve(name), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("fake OKX: cannot read fixture " + name, e);
    }
  }

  private JsonNode readJson(String body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("fake OKX: request body is not JSON: " + body, e);
    }
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private void send(HttpExchange http, int status, JsonNode body) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    http.getResponseHeaders().add("Content-Type", "application/json");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendHtml(HttpExchange http, int status) throws IOException {
    byte[] bytes =
        ("<html><body><h1>" + status + " Bad Gateway</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    http.getResponseHeaders().add("Content-Type", "text/html");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
