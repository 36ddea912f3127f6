package org.smc4j.exchange.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.error.OkxErrorClassifier;
import org.smc4j.exchange.okx.internal.AnswerParser;
import org.smc4j.exchange.okx.internal.BodyWriter;
import org.smc4j.exchange.okx.internal.Envelope;
import org.smc4j.exchange.okx.internal.JsonFields;
import org.smc4j.exchange.okx.internal.MalformedAnswerException;
import org.smc4j.exchange.okx.internal.OkxRequest;
import org.smc4j.exchange.okx.internal.OkxTransport;
import org.smc4j.exchange.okx.model.AccountConfig;
import org.smc4j.exchange.okx.model.AlgoAck;
import org.smc4j.exchange.okx.model.AlgoCancel;
import org.smc4j.exchange.okx.model.AlgoCancelResult;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderRequest;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AlgoRef;
import org.smc4j.exchange.okx.model.AmendOrderRequest;
import org.smc4j.exchange.okx.model.Balance;
import org.smc4j.exchange.okx.model.Bill;
import org.smc4j.exchange.okx.model.CancelAllAfterAck;
import org.smc4j.exchange.okx.model.ClosePositionAck;
import org.smc4j.exchange.okx.model.ClosePositionRequest;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.exchange.okx.model.LeverageSetting;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.MaxSize;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.model.PositionHistory;
import org.smc4j.exchange.okx.model.PriceLimit;
import org.smc4j.exchange.okx.model.SetLeverageRequest;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.RateRule;
import org.smc4j.exchange.okx.rate.Sleeper;

/**
 * The OKX v5 REST calls the trading bot needs, signed and rate-limited, each returning an {@link
 * OkxResult}: a typed answer or a classified {@link OkxError} (OKX-TRADING.md sections 1-13).
 * Nothing is retried here except the one re-signed retry after {@code 50102}; whether an ambiguous
 * write may be repeated is the caller's decision (query first).
 *
 * <p>Writes that carry one item ({@link #placeOrder}, {@link #cancelOrder}, {@link #placeAlgo})
 * succeed only when that item's {@code sCode} is {@code 0}; otherwise the failure carries the
 * item's {@code sCode}. Thread-safe.
 */
public final class OkxClient {

  private static final String INSTRUMENTS = "/api/v5/public/instruments";
  private static final String PRICE_LIMIT = "/api/v5/public/price-limit";
  private static final String ACCOUNT_CONFIG = "/api/v5/account/config";
  private static final String BALANCE = "/api/v5/account/balance";
  private static final String POSITIONS = "/api/v5/account/positions";
  private static final String SET_LEVERAGE = "/api/v5/account/set-leverage";
  private static final String LEVERAGE_INFO = "/api/v5/account/leverage-info";
  private static final String MAX_SIZE = "/api/v5/account/max-size";
  private static final String BILLS = "/api/v5/account/bills";
  private static final String ORDER = "/api/v5/trade/order";
  private static final String ORDERS_PENDING = "/api/v5/trade/orders-pending";
  private static final String ORDERS_HISTORY = "/api/v5/trade/orders-history";
  private static final String AMEND_ORDER = "/api/v5/trade/amend-order";
  private static final String POSITIONS_HISTORY = "/api/v5/account/positions-history";
  private static final String CANCEL_ORDER = "/api/v5/trade/cancel-order";
  private static final String ORDER_ALGO = "/api/v5/trade/order-algo";
  private static final String CANCEL_ALGOS = "/api/v5/trade/cancel-algos";
  private static final String ALGOS_PENDING = "/api/v5/trade/orders-algo-pending";
  private static final String FILLS = "/api/v5/trade/fills";
  private static final String CLOSE_POSITION = "/api/v5/trade/close-position";
  private static final String CANCEL_ALL_AFTER = "/api/v5/trade/cancel-all-after";

  /** The most rows OKX returns per page of fills, bills and history lists. */
  public static final int MAX_PAGE = 100;

  private static final String PAGE_LIMIT = Integer.toString(MAX_PAGE);

  private final OkxTransport transport;
  private final ServerClock clock;
  private final BodyWriter bodies;

  private OkxClient(OkxTransport transport, ServerClock clock) {
    this.transport = transport;
    this.clock = clock;
    this.bodies = new BodyWriter(transport.mapper());
  }

  /**
   * Creates a client on the system clock with half of OKX's rate limits.
   *
   * @param config the settings
   * @return the client; call {@link #measureClockOffset()} before the first private call
   */
  public static OkxClient create(OkxClientConfig config) {
    return create(
        config,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.requestTimeout())
            .build(),
        InstantSource.system(),
        OkxRateLimiter.halfOfPublished(InstantSource.system(), Sleeper.SYSTEM));
  }

  /**
   * Creates a client from its parts.
   *
   * @param config the settings
   * @param http the HTTP client
   * @param localClock the local clock the server offset is measured against
   * @param limiter the rate limiter
   * @return the client
   */
  public static OkxClient create(
      OkxClientConfig config, HttpClient http, InstantSource localClock, OkxRateLimiter limiter) {
    ServerClock clock = new ServerClock(localClock);
    return new OkxClient(new OkxTransport(config, http, clock, limiter), clock);
  }

  /** Returns the estimated server clock that requests are signed on. */
  public ServerClock serverClock() {
    return clock;
  }

  /**
   * Measures the offset between the local and the server clock ({@code GET /api/v5/public/time})
   * and signs later requests with it.
   *
   * @return server time minus local time
   */
  public OkxResult<Duration> measureClockOffset() {
    return transport.measureClockOffset();
  }

  /**
   * {@code GET /api/v5/public/time}.
   *
   * @return the server's time
   */
  public OkxResult<Instant> serverTime() {
    return first(
        OkxRequest.get("/api/v5/public/time", List.of(), RateRule.PUBLIC_TIME, "").unsigned(),
        n -> JsonFields.millis(n, "ts"));
  }

  /**
   * {@code GET /api/v5/public/instruments}.
   *
   * @param instType e.g. {@code SWAP}
   * @param instId one instrument, or empty for all
   * @return the instruments
   */
  public OkxResult<List<OkxInstrument>> instruments(String instType, String instId) {
    return list(
        OkxRequest.get(
                INSTRUMENTS,
                List.of(Map.entry("instType", instType), Map.entry("instId", instId)),
                RateRule.INSTRUMENTS,
                "")
            .unsigned(),
        AnswerParser::instrument);
  }

  /**
   * {@code GET /api/v5/public/price-limit}.
   *
   * @param instId the instrument
   * @return the price band
   */
  public OkxResult<PriceLimit> priceLimit(String instId) {
    return first(
        OkxRequest.get(PRICE_LIMIT, List.of(Map.entry("instId", instId)), RateRule.PRICE_LIMIT, "")
            .unsigned(),
        AnswerParser::priceLimit);
  }

  /**
   * {@code GET /api/v5/account/config}.
   *
   * @return the account configuration
   */
  public OkxResult<AccountConfig> accountConfig() {
    return first(
        OkxRequest.get(ACCOUNT_CONFIG, List.of(), RateRule.ACCOUNT_CONFIG, ""),
        AnswerParser::accountConfig);
  }

  /**
   * {@code GET /api/v5/account/balance}.
   *
   * @param ccy one currency (e.g. {@code USDT}), or empty for all
   * @return the balance
   */
  public OkxResult<Balance> balance(String ccy) {
    return first(
        OkxRequest.get(BALANCE, List.of(Map.entry("ccy", ccy)), RateRule.BALANCE, ""),
        AnswerParser::balance);
  }

  /**
   * {@code GET /api/v5/account/positions}.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @return the open positions
   */
  public OkxResult<List<Position>> positions(String instType, String instId) {
    return list(
        OkxRequest.get(
            POSITIONS,
            List.of(Map.entry("instType", instType), Map.entry("instId", instId)),
            RateRule.POSITIONS,
            ""),
        AnswerParser::position);
  }

  /**
   * {@code POST /api/v5/account/set-leverage}.
   *
   * @param request the setting
   * @return the setting OKX applied
   */
  public OkxResult<LeverageSetting> setLeverage(SetLeverageRequest request) {
    return first(
        OkxRequest.post(
            SET_LEVERAGE, bodies.setLeverage(request), RateRule.SET_LEVERAGE, "", 1, false),
        AnswerParser::leverage);
  }

  /**
   * {@code GET /api/v5/account/leverage-info}.
   *
   * @param instId the instrument
   * @param mgnMode the margin mode
   * @return the settings (one per side in isolated long/short mode)
   */
  public OkxResult<List<LeverageSetting>> leverageInfo(String instId, MarginMode mgnMode) {
    return list(
        OkxRequest.get(
            LEVERAGE_INFO,
            List.of(Map.entry("instId", instId), Map.entry("mgnMode", mgnMode.wire())),
            RateRule.LEVERAGE_INFO,
            ""),
        AnswerParser::leverage);
  }

  /**
   * {@code GET /api/v5/account/max-size}.
   *
   * @param instId the instrument
   * @param tdMode the margin mode
   * @return the largest buy and sell in contracts
   */
  public OkxResult<MaxSize> maxSize(String instId, MarginMode tdMode) {
    return first(
        OkxRequest.get(
            MAX_SIZE,
            List.of(Map.entry("instId", instId), Map.entry("tdMode", tdMode.wire())),
            RateRule.MAX_SIZE,
            ""),
        AnswerParser::maxSize);
  }

  /**
   * {@code POST /api/v5/trade/order} with an {@code expTime} header of server now plus the
   * configured window ({@link OkxCall#expTime()}).
   *
   * @param request the order
   * @return the accepted order (not necessarily filled)
   */
  public OkxResult<OrderAck> placeOrder(PlaceOrderRequest request) {
    return singleItem(
        OkxRequest.post(
            ORDER, bodies.placeOrder(request), RateRule.PLACE_ORDER, request.instId(), 1, true),
        AnswerParser::orderAck);
  }

  /**
   * {@code GET /api/v5/trade/order}.
   *
   * @param instId the instrument
   * @param ref the order, by {@code ordId} or {@code clOrdId}
   * @return the order, or {@link OkxErrorClass#NOT_FOUND} ({@code 51603})
   */
  public OkxResult<OrderDetails> order(String instId, OrderRef ref) {
    return first(
        OkxRequest.get(
            ORDER,
            List.of(Map.entry("instId", instId), Map.entry(ref.parameter(), ref.value())),
            RateRule.GET_ORDER,
            instId),
        AnswerParser::order);
  }

  /**
   * {@code GET /api/v5/trade/orders-pending}.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @return the live and partially filled orders (first page, up to 100)
   */
  public OkxResult<List<OrderDetails>> ordersPending(String instType, String instId) {
    return list(
        OkxRequest.get(
            ORDERS_PENDING,
            List.of(Map.entry("instType", instType), Map.entry("instId", instId)),
            RateRule.ORDERS_PENDING,
            ""),
        AnswerParser::order);
  }

  /**
   * {@code GET /api/v5/trade/orders-pending} one page back in time: the working orders older than
   * an {@code ordId} ({@code after}), newest first, at most 100.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param afterOrdId only orders older than this {@code ordId}, or empty for the newest page
   * @return the live and partially filled orders (one page, up to 100)
   */
  public OkxResult<List<OrderDetails>> ordersPendingBefore(
      String instType, String instId, String afterOrdId) {
    return list(
        OkxRequest.get(
            ORDERS_PENDING,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("after", afterOrdId),
                Map.entry("limit", PAGE_LIMIT)),
            RateRule.ORDERS_PENDING,
            ""),
        AnswerParser::order);
  }

  /**
   * {@code POST /api/v5/trade/amend-order} with an {@code expTime} header like {@link #placeOrder}.
   * Success means "accepted"; confirm by query. {@code 51503} (finished or absent) comes back as
   * {@link OkxErrorClass#QUERY}.
   *
   * @param request the amendment
   * @return the acknowledgement
   */
  public OkxResult<OrderAck> amendOrder(AmendOrderRequest request) {
    return singleItem(
        OkxRequest.post(
            AMEND_ORDER,
            bodies.amendOrder(request),
            RateRule.AMEND_ORDER,
            request.instId(),
            1,
            true),
        AnswerParser::orderAck);
  }

  /**
   * {@code GET /api/v5/trade/orders-history} (last 7 days; orders cancelled without a fill are kept
   * only 2 hours), newest first.
   *
   * @param instType e.g. {@code SWAP} (required by OKX)
   * @param instId one instrument, or empty
   * @return the finished orders (first page, up to 100)
   */
  public OkxResult<List<OrderDetails>> ordersHistory(String instType, String instId) {
    return list(
        OkxRequest.get(
            ORDERS_HISTORY,
            List.of(Map.entry("instType", instType), Map.entry("instId", instId)),
            RateRule.ORDERS_HISTORY,
            ""),
        AnswerParser::order);
  }

  /**
   * {@code GET /api/v5/account/positions-history} (3 months), newest first: the cross-check of a
   * closed trade's realised P&amp;L.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @return the closed positions (first page, up to 100)
   */
  public OkxResult<List<PositionHistory>> positionsHistory(String instType, String instId) {
    return list(
        OkxRequest.get(
            POSITIONS_HISTORY,
            List.of(Map.entry("instType", instType), Map.entry("instId", instId)),
            RateRule.POSITIONS_HISTORY,
            ""),
        AnswerParser::positionHistory);
  }

  /**
   * {@code GET /api/v5/account/positions-history} one page back in time: the closed positions
   * updated before a time ({@code after}, OKX's {@code uTime} in milliseconds), newest first, at
   * most 100.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param afterUTimeMillis only rows with an older {@code uTime}, or empty for the newest page
   * @return the closed positions (one page, up to 100)
   */
  public OkxResult<List<PositionHistory>> positionsHistoryBefore(
      String instType, String instId, String afterUTimeMillis) {
    return list(
        OkxRequest.get(
            POSITIONS_HISTORY,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("after", afterUTimeMillis),
                Map.entry("limit", PAGE_LIMIT)),
            RateRule.POSITIONS_HISTORY,
            ""),
        AnswerParser::positionHistory);
  }

  /**
   * {@code POST /api/v5/trade/cancel-order}. Success means "accepted"; confirm by query. {@code
   * 51400} (finished or absent) comes back as {@link OkxErrorClass#QUERY}.
   *
   * @param instId the instrument
   * @param ref the order
   * @return the acknowledgement
   */
  public OkxResult<OrderAck> cancelOrder(String instId, OrderRef ref) {
    return singleItem(
        OkxRequest.post(
            CANCEL_ORDER, bodies.cancelOrder(instId, ref), RateRule.CANCEL_ORDER, instId, 1, false),
        AnswerParser::orderAck);
  }

  /**
   * {@code POST /api/v5/trade/order-algo} (no {@code expTime}: OKX does not support it here).
   *
   * @param request the algo
   * @return the accepted algo
   */
  public OkxResult<AlgoAck> placeAlgo(AlgoOrderRequest request) {
    return singleItem(
        OkxRequest.post(
            ORDER_ALGO, bodies.placeAlgo(request), RateRule.PLACE_ALGO, request.instId(), 1, false),
        AnswerParser::algoAck);
  }

  /**
   * {@code GET /api/v5/trade/order-algo}, any state.
   *
   * @param ref the algo, by {@code algoId} or {@code algoClOrdId}
   * @return the algo, or {@link OkxErrorClass#NOT_FOUND}
   */
  public OkxResult<AlgoOrderDetails> algo(AlgoRef ref) {
    return first(
        OkxRequest.get(
            ORDER_ALGO, List.of(Map.entry(ref.parameter(), ref.value())), RateRule.GET_ALGO, ""),
        AnswerParser::algo);
  }

  /**
   * {@code POST /api/v5/trade/cancel-algos} for up to 10 algos of one instrument.
   *
   * @param cancels the algos
   * @return one result per item (each with its own class), or the failure of the whole request
   * @throws IllegalArgumentException when the list is empty, longer than 10 or mixes instruments
   */
  public OkxResult<List<AlgoCancelResult>> cancelAlgos(List<AlgoCancel> cancels) {
    Objects.requireNonNull(cancels, "cancels");
    if (cancels.isEmpty() || cancels.size() > 10) {
      throw new IllegalArgumentException("cancel-algos takes 1 to 10 algos, was " + cancels.size());
    }
    String instId = cancels.getFirst().instId();
    if (!cancels.stream().allMatch(c -> c.instId().equals(instId))) {
      throw new IllegalArgumentException("cancel-algos items must share one instId");
    }
    OkxRequest request =
        OkxRequest.post(
            CANCEL_ALGOS,
            bodies.cancelAlgos(cancels),
            RateRule.CANCEL_ALGOS,
            instId,
            cancels.size(),
            false);
    return parse(
        request,
        envelope -> {
          if (envelope.data().isEmpty() && !envelope.code().equals("0")) {
            return null;
          }
          List<AlgoCancelResult> results = new ArrayList<>();
          envelope.data().forEach(n -> results.add(AnswerParser.algoCancel(n)));
          return results;
        });
  }

  /**
   * {@code GET /api/v5/trade/orders-algo-pending}.
   *
   * @param ordTypes the algo types; only {@code conditional} and {@code oco} may be combined
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @return the untriggered algos (first page, up to 100)
   */
  public OkxResult<List<AlgoOrderDetails>> algosPending(
      Collection<AlgoOrderType> ordTypes, String instType, String instId) {
    String types = ordTypes.stream().map(AlgoOrderType::wire).collect(Collectors.joining(","));
    if (types.isEmpty()) {
      throw new IllegalArgumentException("orders-algo-pending needs at least one ordType");
    }
    return list(
        OkxRequest.get(
            ALGOS_PENDING,
            List.of(
                Map.entry("ordType", types),
                Map.entry("instType", instType),
                Map.entry("instId", instId)),
            RateRule.ALGOS_PENDING,
            ""),
        AnswerParser::algo);
  }

  /**
   * {@code GET /api/v5/trade/fills} (last 3 days), newest first.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param beforeBillId only fills newer than this {@code billId}, or empty
   * @return the fills (one page, up to 100)
   */
  public OkxResult<List<Fill>> fills(String instType, String instId, String beforeBillId) {
    return list(
        OkxRequest.get(
            FILLS,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("before", beforeBillId)),
            RateRule.FILLS,
            ""),
        AnswerParser::fill);
  }

  /**
   * {@code GET /api/v5/trade/fills} one page back in time: the fills older than a {@code billId}
   * ({@code after}), newest first, at most 100.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param afterBillId only fills older than this {@code billId}, or empty for the newest page
   * @return the fills (one page, up to 100)
   */
  public OkxResult<List<Fill>> fillsBefore(String instType, String instId, String afterBillId) {
    return list(
        OkxRequest.get(
            FILLS,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("after", afterBillId),
                Map.entry("limit", PAGE_LIMIT)),
            RateRule.FILLS,
            ""),
        AnswerParser::fill);
  }

  /**
   * {@code GET /api/v5/account/bills?type=8} one page back in time: the funding bills older than a
   * {@code billId} ({@code after}), newest first, at most 100.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param afterBillId only bills older than this {@code billId}, or empty for the newest page
   * @return the funding bills (one page, up to 100)
   */
  public OkxResult<List<Bill>> fundingBillsBefore(
      String instType, String instId, String afterBillId) {
    return list(
        OkxRequest.get(
            BILLS,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("type", Bill.TYPE_FUNDING),
                Map.entry("after", afterBillId),
                Map.entry("limit", PAGE_LIMIT)),
            RateRule.BILLS,
            ""),
        AnswerParser::bill);
  }

  /**
   * {@code GET /api/v5/account/bills?type=8}: funding fee bills (last 7 days), newest first.
   *
   * @param instType e.g. {@code SWAP}, or empty
   * @param instId one instrument, or empty
   * @param beforeBillId only bills newer than this {@code billId}, or empty
   * @return the funding bills (one page, up to 100)
   */
  public OkxResult<List<Bill>> fundingBills(String instType, String instId, String beforeBillId) {
    return list(
        OkxRequest.get(
            BILLS,
            List.of(
                Map.entry("instType", instType),
                Map.entry("instId", instId),
                Map.entry("type", Bill.TYPE_FUNDING),
                Map.entry("before", beforeBillId)),
            RateRule.BILLS,
            ""),
        AnswerParser::bill);
  }

  /**
   * {@code POST /api/v5/trade/close-position}: market close of a whole position.
   *
   * @param request the position
   * @return the acknowledgement
   */
  public OkxResult<ClosePositionAck> closePosition(ClosePositionRequest request) {
    return first(
        OkxRequest.post(
            CLOSE_POSITION,
            bodies.closePosition(request),
            RateRule.CLOSE_POSITION,
            request.instId(),
            1,
            false),
        AnswerParser::closePosition);
  }

  /**
   * {@code POST /api/v5/trade/cancel-all-after}: the dead-man's switch.
   *
   * @param timeOut 0 to switch off, else 10 to 120 s
   * @param tag only orders with this tag, or empty for all
   * @return when OKX will cancel
   * @throws IllegalArgumentException when the timeout is not 0 and outside 10-120 s
   */
  public OkxResult<CancelAllAfterAck> cancelAllAfter(Duration timeOut, String tag) {
    long seconds = timeOut.toSeconds();
    if (seconds != 0 && (seconds < 10 || seconds > 120)) {
      throw new IllegalArgumentException("timeOut must be 0 or 10..120 s, was " + seconds + " s");
    }
    return first(
        OkxRequest.post(
            CANCEL_ALL_AFTER,
            bodies.cancelAllAfter(seconds, tag),
            RateRule.CANCEL_ALL_AFTER,
            tag,
            1,
            false),
        AnswerParser::cancelAllAfter);
  }

  // ---- envelope handling ----

  private <T> OkxResult<List<T>> list(OkxRequest request, Function<JsonNode, T> parser) {
    return parse(
        request,
        envelope -> {
          if (!envelope.code().equals("0")) {
            return null;
          }
          List<T> items = new ArrayList<>();
          envelope.data().forEach(n -> items.add(parser.apply(n)));
          return items;
        });
  }

  private <T> OkxResult<T> first(OkxRequest request, Function<JsonNode, T> parser) {
    return parse(
        request,
        envelope -> {
          if (!envelope.code().equals("0")) {
            return null;
          }
          if (envelope.data().isEmpty()) {
            throw new NotFound();
          }
          return parser.apply(envelope.data().getFirst());
        });
  }

  private <T> OkxResult<T> singleItem(OkxRequest request, Function<JsonNode, T> parser) {
    return parse(
        request,
        envelope -> {
          if (envelope.data().isEmpty()) {
            if (envelope.code().equals("0")) {
              throw new MalformedAnswerException("code 0 with an empty data[]");
            }
            return null;
          }
          JsonNode item = envelope.data().getFirst();
          String sCode = JsonFields.text(item, "sCode");
          if (!sCode.isEmpty() && !sCode.equals("0")) {
            throw new ItemFailed(sCode, JsonFields.text(item, "sMsg"));
          }
          if (!envelope.code().equals("0")) {
            return null;
          }
          return parser.apply(item);
        });
  }

  /**
   * Runs a request and an envelope reader. The reader returns null to mean "the top-level code is a
   * failure", throws {@link ItemFailed} for a failed item, {@link NotFound} for an empty answer to
   * a single-object query and {@link MalformedAnswerException} for an unreadable answer.
   */
  private <T> OkxResult<T> parse(OkxRequest request, Function<Envelope, T> reader) {
    OkxResult<Envelope> answer = transport.send(request);
    return switch (answer) {
      case OkxResult.Failed<Envelope> failed ->
          new OkxResult.Failed<>(failed.error(), failed.call());
      case OkxResult.Ok<Envelope> ok -> {
        Envelope envelope = ok.value();
        OptionalInt status = OptionalInt.of(envelope.httpStatus());
        try {
          T value = reader.apply(envelope);
          if (value == null) {
            yield new OkxResult.Failed<>(
                new OkxError(
                    OkxErrorClassifier.classify(envelope.code()),
                    envelope.code(),
                    envelope.msg(),
                    status,
                    request.endpoint()),
                ok.call());
          }
          yield new OkxResult.Ok<>(value, ok.call());
        } catch (ItemFailed e) {
          yield new OkxResult.Failed<>(
              new OkxError(
                  OkxErrorClassifier.classify(e.sCode),
                  e.sCode,
                  e.sMsg,
                  status,
                  request.endpoint()),
              ok.call());
        } catch (NotFound e) {
          yield new OkxResult.Failed<>(
              new OkxError(OkxErrorClass.NOT_FOUND, "", "empty data[]", status, request.endpoint()),
              ok.call());
        } catch (MalformedAnswerException e) {
          yield OkxTransport.malformed(request, ok.call(), envelope.httpStatus(), e);
        }
      }
    };
  }

  /** A failed item of a write. */
  private static final class ItemFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sCode;
    private final String sMsg;

    ItemFailed(String sCode, String sMsg) {
      super(sCode, null, false, false);
      this.sCode = sCode;
      this.sMsg = sMsg;
    }
  }

  /** An empty answer to a single-object query. */
  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound() {
      super("not found", null, false, false);
    }
  }
}
