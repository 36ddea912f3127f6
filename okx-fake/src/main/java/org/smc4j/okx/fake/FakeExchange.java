package org.smc4j.okx.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scriptable state of the fake OKX exchange: orders, algo orders, net-mode positions, fills and
 * funding bills, acted on by the place/cancel/query endpoints and by the scripting methods below.
 * Net mode only. Market orders fill at the scripted last price (taker fee 0.05 %), limit orders
 * rest until {@link #fillOrder} (maker fee 0.02 %); an attached TP/SL spawns an {@code oco} algo,
 * carrying the {@code attachAlgoClOrdId} as its {@code algoClOrdId}, when its parent is completely
 * filled. Thread-safe (every method locks the exchange).
 */
public final class FakeExchange {

  private static final BigDecimal TAKER = new BigDecimal("0.0005");
  private static final BigDecimal MAKER = new BigDecimal("0.0002");
  private static final BigDecimal MAINTENANCE_MARGIN_RATE = new BigDecimal("0.004");

  private final ObjectMapper mapper;
  private final Supplier<Instant> clock;
  private final Map<String, BigDecimal> contractValues = new HashMap<>();
  private final Map<String, BigDecimal> maxLeverages = new HashMap<>();
  private final Map<String, BigDecimal> lastPrices = new HashMap<>();
  private final List<Order> orders = new ArrayList<>();
  private final List<Algo> algos = new ArrayList<>();
  private final Map<String, Position> positions = new HashMap<>();
  private final List<FakeFill> fills = new ArrayList<>();
  private final List<ObjectNode> bills = new ArrayList<>();
  private final List<ObjectNode> positionsHistory = new ArrayList<>();
  private final Map<String, String> leverages = new HashMap<>();
  private final Map<String, Instant> cancelAllAfter = new HashMap<>();
  private long nextId = 1_540_900_000_000_000_000L;
  private String posMode = "net_mode";
  private String acctLv = "2";
  private String perm = "read_only,trade";
  private BigDecimal nextMarketFillFraction = BigDecimal.ONE;
  private Optional<String> nextAttachedFailCode = Optional.empty();

  FakeExchange(ObjectMapper mapper, Supplier<Instant> clock, JsonNode swapInstruments) {
    this.mapper = mapper;
    this.clock = clock;
    for (JsonNode instrument : swapInstruments.path("data")) {
      contractValues.put(
          instrument.path("instId").asText(), new BigDecimal(instrument.path("ctVal").asText()));
      String lever = instrument.path("lever").asText("");
      if (!lever.isEmpty()) {
        maxLeverages.put(instrument.path("instId").asText(), new BigDecimal(lever));
      }
    }
  }

  // ---- scripting ----

  /**
   * Sets the last traded price: market orders fill at it, and algo triggers are checked against it.
   *
   * @param instId the instrument
   * @param price the price
   */
  public synchronized void setLastPrice(String instId, BigDecimal price) {
    lastPrices.put(instId, price);
  }

  /**
   * Sets what {@code GET /api/v5/account/config} reports.
   *
   * @param posMode {@code net_mode} or {@code long_short_mode}
   * @param acctLv {@code 1} to {@code 4}
   * @param perm comma list, e.g. {@code read_only,trade}
   */
  public synchronized void setAccount(String posMode, String acctLv, String perm) {
    this.posMode = posMode;
    this.acctLv = acctLv;
    this.perm = perm;
  }

  /**
   * Makes the next market order fill only a fraction of its size (rounded down to 0.01); the rest
   * stays working as {@code partially_filled}.
   *
   * @param fraction between 0 and 1
   */
  public synchronized void scriptNextMarketFill(BigDecimal fraction) {
    this.nextMarketFillFraction = fraction;
  }

  /**
   * Fills a working order in part or in full, as a maker.
   *
   * @param clOrdIdOrOrdId the order's client id or exchange id
   * @param sz contracts to fill
   * @param px the price
   * @throws IllegalStateException when the order is unknown or finished
   */
  public synchronized void fillOrder(String clOrdIdOrOrdId, BigDecimal sz, BigDecimal px) {
    Order order =
        findOrder(clOrdIdOrOrdId)
            .orElseThrow(() -> new IllegalStateException("no order " + clOrdIdOrOrdId));
    if (!order.working()) {
      throw new IllegalStateException("order " + clOrdIdOrOrdId + " is " + order.state);
    }
    fill(order, sz, px, "M");
  }

  /**
   * Another trader on the same account (no tag, no client id) buys and sells {@code sz} contracts
   * at {@code px}, {@code count} times, as takers: two fills per round trip and the position as it
   * was after each one. From flat, each round trip leaves a positions-history row.
   *
   * @param instId the instrument
   * @param count round trips
   * @param sz contracts per order
   * @param px the price of every fill
   */
  public synchronized void tradeRoundTrips(String instId, int count, BigDecimal sz, BigDecimal px) {
    for (int i = 0; i < count; i++) {
      for (String side : List.of("buy", "sell")) {
        Order order = newOrder(instId, "", "", side, "market");
        order.sz = sz;
        fill(order, sz, px, "T");
      }
    }
  }

  /**
   * Another trader on the same account (no tag, no client id) rests {@code count} buy limit orders
   * of {@code sz} contracts at {@code px}; they stay live until cancelled.
   *
   * @param instId the instrument
   * @param count orders
   * @param sz contracts per order
   * @param px the limit price
   */
  public synchronized void restForeignBuyOrders(
      String instId, int count, BigDecimal sz, BigDecimal px) {
    for (int i = 0; i < count; i++) {
      Order order = newOrder(instId, "", "", "buy", "limit");
      order.sz = sz;
      order.px = px;
    }
  }

  /**
   * Opens a position directly (as if left from an earlier run).
   *
   * @param instId the instrument
   * @param pos signed contracts
   * @param avgPx the entry price
   */
  public synchronized void putPosition(String instId, BigDecimal pos, BigDecimal avgPx) {
    Position position = positions.computeIfAbsent(instId, Position::new);
    position.pos = pos;
    position.avgPx = avgPx;
    position.cTime = clock.get();
    position.uTime = clock.get();
  }

  /**
   * Closes a position by a market order that did not come from the bot (no client id, no tag),
   * leaving algos that are not {@code cxlOnClosePos} live.
   *
   * @param instId the instrument
   * @param px the fill price
   */
  public synchronized void closePositionExternally(String instId, BigDecimal px) {
    Position position = positions.get(instId);
    if (position == null || position.pos.signum() == 0) {
      throw new IllegalStateException("no position in " + instId);
    }
    Order order = newOrder(instId, "", "", position.pos.signum() > 0 ? "sell" : "buy", "market");
    order.sz = position.pos.abs();
    order.reduceOnly = true;
    fill(order, order.sz, px, "T");
  }

  /**
   * Triggers a live algo: it becomes {@code effective} and its market order fills at {@code px}.
   *
   * @param algoClOrdIdOrAlgoId the algo
   * @param stopLoss true for the SL leg, false for the TP leg
   * @param px the fill price
   */
  public synchronized void triggerAlgo(
      String algoClOrdIdOrAlgoId, boolean stopLoss, BigDecimal px) {
    Algo algo =
        findAlgo(algoClOrdIdOrAlgoId)
            .filter(a -> a.state.equals("live"))
            .orElseThrow(() -> new IllegalStateException("no live algo " + algoClOrdIdOrAlgoId));
    algo.state = "effective";
    algo.actualSide = stopLoss ? "sl" : "tp";
    algo.triggerTime = clock.get();
    Order order = newOrder(algo.instId, "", "", algo.side, "market");
    order.sz = algo.sz;
    order.reduceOnly = true;
    order.source = "7";
    order.algoId = algo.algoId;
    order.algoClOrdId = algo.algoClOrdId;
    algo.ordIdList.add(order.ordId);
    fill(order, algo.sz, px, "T");
  }

  /**
   * Moves the last price and triggers every live algo of the instrument it crosses (a sell algo's
   * SL at or above the price, its TP at or below it; the reverse for a buy algo), filling the
   * spawned market order at the new price.
   *
   * @param instId the instrument
   * @param price the new last price
   * @return the algo ids that triggered
   */
  public synchronized List<String> moveLastPrice(String instId, BigDecimal price) {
    lastPrices.put(instId, price);
    List<String> triggered = new ArrayList<>();
    for (Algo algo : List.copyOf(algos)) {
      if (!algo.instId.equals(instId) || !algo.state.equals("live")) {
        continue;
      }
      boolean sell = algo.side.equals("sell");
      boolean slHit =
          algo.sl.signum() > 0
              && (sell ? price.compareTo(algo.sl) <= 0 : price.compareTo(algo.sl) >= 0);
      boolean tpHit =
          algo.tp.signum() > 0
              && (sell ? price.compareTo(algo.tp) >= 0 : price.compareTo(algo.tp) <= 0);
      if (slHit || tpHit) {
        triggerAlgo(algo.algoId, slHit, price);
        triggered.add(algo.algoId);
      }
    }
    return triggered;
  }

  /**
   * Closes a position by liquidation or auto-deleveraging: a fill with a negative trade id and a
   * bill of type 5 (liquidation) or 9 (ADL).
   *
   * @param instId the instrument
   * @param px the fill price
   * @param adl true for ADL, false for liquidation
   */
  public synchronized void liquidate(String instId, BigDecimal px, boolean adl) {
    Position position = positions.get(instId);
    if (position == null || position.pos.signum() == 0) {
      throw new IllegalStateException("no position in " + instId);
    }
    Order order = newOrder(instId, "", "", position.pos.signum() > 0 ? "sell" : "buy", "market");
    order.sz = position.pos.abs();
    order.reduceOnly = true;
    order.category = adl ? "adl" : "full_liquidation";
    fill(order, order.sz, px, "T");
    FakeFill last = fills.removeLast();
    FakeFill negative =
        new FakeFill(
            "-" + last.tradeId(),
            last.billId(),
            last.ordId(),
            last.clOrdId(),
            last.instId(),
            last.side(),
            last.fillPx(),
            last.fillSz(),
            last.fee(),
            last.fillPnl(),
            last.execType(),
            last.fillTime());
    fills.add(negative);
    ObjectNode bill = mapper.createObjectNode();
    bill.put("billId", last.billId());
    bill.put("instId", instId);
    bill.put("instType", "SWAP");
    bill.put("ccy", "USDT");
    bill.put("type", adl ? "9" : "5");
    // The sub-types of liquidation and ADL bills are not in the fixtures; left empty.
    bill.put("subType", "");
    bill.put("pnl", last.fillPnl().toPlainString());
    bill.put("fee", last.fee().toPlainString());
    bill.put("balChg", last.fillPnl().add(last.fee()).toPlainString());
    bill.put("bal", "0");
    bill.put("px", px.toPlainString());
    bill.put("sz", last.fillSz().toPlainString());
    bill.put("mgnMode", "cross");
    bill.put("ordId", last.ordId());
    bill.put("tradeId", negative.tradeId());
    bill.put("ts", Long.toString(last.fillTime().toEpochMilli()));
    bills.add(bill);
  }

  /**
   * Puts a live algo directly (as if left from an earlier run).
   *
   * @param instId the instrument
   * @param algoClOrdId its client id
   * @param side the closing side, {@code buy} or {@code sell}
   * @param sz contracts
   * @param slTriggerPx the SL trigger
   * @param tpTriggerPx the TP trigger
   * @return the algo id
   */
  public synchronized String putAlgo(
      String instId,
      String algoClOrdId,
      String side,
      BigDecimal sz,
      BigDecimal slTriggerPx,
      BigDecimal tpTriggerPx) {
    Algo algo = new Algo(Long.toString(nextId++), algoClOrdId, instId);
    algo.ordType = "oco";
    algo.side = side;
    algo.sz = sz;
    algo.reduceOnly = true;
    algo.cxlOnClosePos = true;
    algo.sl = slTriggerPx;
    algo.tp = tpTriggerPx;
    algo.tag = "smc4j";
    algos.add(algo);
    return algo.algoId;
  }

  /**
   * Runs the cancel-all-after timers: a timer whose trigger time has passed cancels the working
   * orders with its tag (every order for an empty tag) with {@code cancelSource 20}, then stops.
   * Called before every request; tests may call it after moving the clock.
   */
  public synchronized void runTimers() {
    Instant now = clock.get();
    for (Map.Entry<String, Instant> timer : List.copyOf(cancelAllAfter.entrySet())) {
      if (!timer.getValue().isAfter(now)) {
        for (Order order : orders) {
          if (order.working() && (timer.getKey().isEmpty() || order.tag.equals(timer.getKey()))) {
            order.state = "canceled";
            order.cancelSource = "20";
            order.uTime = now;
          }
        }
        cancelAllAfter.remove(timer.getKey());
      }
    }
  }

  /**
   * Drops every fill from what {@code GET /trade/fills} serves, as if more than its three days had
   * passed (positions-history and bills are kept).
   *
   * @return how many fills were dropped
   */
  public synchronized int ageOutFills() {
    int n = fills.size();
    fills.clear();
    return n;
  }

  /**
   * Cancels a live algo from outside the bot (as a human in the web interface would).
   *
   * @param algoClOrdIdOrAlgoId the algo
   * @throws IllegalStateException when no such live algo exists
   */
  public synchronized void cancelAlgo(String algoClOrdIdOrAlgoId) {
    Algo algo =
        findAlgo(algoClOrdIdOrAlgoId)
            .filter(a -> a.state.equals("live"))
            .orElseThrow(() -> new IllegalStateException("no live algo " + algoClOrdIdOrAlgoId));
    algo.state = "canceled";
    algo.uTime = clock.get();
  }

  /**
   * Ends every armed cancel-all-after countdown now, as if the bot had stopped refreshing it: the
   * working orders with the timer's tag are cancelled with {@code cancelSource 20}.
   *
   * @return the tags whose timers fired
   */
  public synchronized List<String> expireCancelAllAfter() {
    List<String> tags = List.copyOf(cancelAllAfter.keySet());
    for (String tag : tags) {
      cancelAllAfter.put(tag, Instant.MIN);
    }
    runTimers();
    return tags;
  }

  /**
   * Returns the armed cancel-all-after countdowns.
   *
   * @return when each tag's timer fires (tag {@code ""} = every order)
   */
  public synchronized Map<String, Instant> cancelAllAfterTimers() {
    return Map.copyOf(cancelAllAfter);
  }

  /**
   * Adds a funding fee bill (type 8; subType 174 income when {@code pnl} is positive, 173 expense
   * otherwise).
   *
   * @param instId the instrument
   * @param pnl the amount
   * @param markPx the mark price
   * @param sz the position in contracts
   * @param ts the funding time
   * @return the bill id
   */
  public synchronized String addFundingBill(
      String instId, BigDecimal pnl, BigDecimal markPx, BigDecimal sz, Instant ts) {
    ObjectNode bill = mapper.createObjectNode();
    String billId = Long.toString(nextId++);
    bill.put("bal", "0");
    bill.put("balChg", pnl.toPlainString());
    bill.put("billId", billId);
    bill.put("ccy", "USDT");
    bill.put("execType", "");
    bill.put("fee", "0");
    bill.put("instId", instId);
    bill.put("instType", "SWAP");
    bill.put("mgnMode", "cross");
    bill.put("ordId", "");
    bill.put("pnl", pnl.toPlainString());
    bill.put("px", markPx.toPlainString());
    bill.put("subType", pnl.signum() > 0 ? "174" : "173");
    bill.put("sz", sz.toPlainString());
    bill.put("tradeId", "");
    bill.put("ts", Long.toString(ts.toEpochMilli()));
    bill.put("type", "8");
    bills.add(bill);
    Position position = positions.get(instId);
    if (position != null && position.pos.signum() != 0) {
      position.lifeFunding = position.lifeFunding.add(pnl);
    }
    return billId;
  }

  // ---- snapshots ----

  /** Returns every order, oldest first. */
  public synchronized List<FakeOrder> orders() {
    return orders.stream().map(Order::view).toList();
  }

  /** Returns every algo order, oldest first. */
  public synchronized List<FakeAlgo> algos() {
    return algos.stream().map(Algo::view).toList();
  }

  /** Returns the open positions. */
  public synchronized List<FakePosition> positions() {
    return positions.values().stream()
        .filter(p -> p.pos.signum() != 0)
        .map(p -> new FakePosition(p.instId, p.pos, p.avgPx))
        .toList();
  }

  /** Returns every fill, oldest first. */
  public synchronized List<FakeFill> fills() {
    return List.copyOf(fills);
  }

  // ---- endpoints (called by the server) ----

  synchronized ObjectNode accountConfig(JsonNode fixture) {
    ObjectNode answer = fixture.deepCopy();
    ObjectNode item = (ObjectNode) answer.path("data").get(0);
    item.put("posMode", posMode);
    item.put("acctLv", acctLv);
    item.put("perm", perm);
    return answer;
  }

  synchronized ObjectNode placeOrder(JsonNode body) {
    String instId = body.path("instId").asText();
    String clOrdId = body.path("clOrdId").asText();
    if (!contractValues.containsKey(instId)) {
      return itemError("51001", "Instrument ID does not exist.", clOrdId);
    }
    if (!clOrdId.isEmpty()
        && orders.stream().anyMatch(o -> o.clOrdId.equals(clOrdId) && o.working())) {
      return itemError("51016", "Client order ID already exists.", clOrdId);
    }
    String ordType = body.path("ordType").asText();
    Order order =
        newOrder(instId, clOrdId, body.path("tag").asText(), body.path("side").asText(), ordType);
    order.tdMode = body.path("tdMode").asText("cross");
    order.sz = new BigDecimal(body.path("sz").asText());
    if (body.hasNonNull("px")) {
      order.px = new BigDecimal(body.path("px").asText());
    }
    order.reduceOnly = body.path("reduceOnly").asBoolean(false);
    JsonNode attach = body.path("attachAlgoOrds");
    if (attach.isArray() && !attach.isEmpty()) {
      order.attach = attach.get(0).deepCopy();
      order.attachAlgoId = Long.toString(nextId++);
      nextAttachedFailCode.ifPresent(code -> order.attachFailCode = code);
      nextAttachedFailCode = Optional.empty();
    }
    if (ordType.equals("market")) {
      BigDecimal last = lastPrices.get(instId);
      if (last == null) {
        throw new IllegalStateException("fake exchange: no last price scripted for " + instId);
      }
      BigDecimal filled = order.sz.multiply(nextMarketFillFraction).setScale(2, RoundingMode.FLOOR);
      nextMarketFillFraction = BigDecimal.ONE;
      if (filled.signum() > 0) {
        fill(order, filled, last, "T");
      }
    }
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("clOrdId", clOrdId);
    item.put("ordId", order.ordId);
    item.put("sCode", "0");
    item.put("sMsg", "Order placed");
    item.put("tag", order.tag);
    item.put("ts", Long.toString(clock.get().toEpochMilli()));
    return answer;
  }

  synchronized void failNextAttachedAlgo(String failCode) {
    nextAttachedFailCode = Optional.of(failCode);
  }

  synchronized ObjectNode getOrder(Map<String, String> query) {
    Optional<Order> order = lookupOrder(query.get("ordId"), query.get("clOrdId"));
    if (order.isEmpty()) {
      return topLevel("51603", "Order does not exist.");
    }
    ObjectNode answer = ok();
    answer.withArray("data").add(order.get().toJson());
    return answer;
  }

  synchronized ObjectNode ordersPending(Map<String, String> query) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    Page page = Page.of(query);
    for (int i = orders.size() - 1; i >= 0 && data.size() < page.limit(); i--) {
      Order order = orders.get(i);
      if (order.working()
          && matches(query.get("instId"), order.instId)
          && page.admits(order.ordId)) {
        data.add(order.toJson());
      }
    }
    return answer;
  }

  synchronized ObjectNode cancelOrder(JsonNode body) {
    Optional<Order> order = lookupOrder(textOrNull(body, "ordId"), textOrNull(body, "clOrdId"));
    String clOrdId = body.path("clOrdId").asText();
    if (order.isEmpty() || !order.get().working()) {
      ObjectNode answer = topLevel("1", "All operations failed");
      ObjectNode item = answer.withArray("data").addObject();
      item.put("clOrdId", clOrdId);
      item.put("ordId", order.map(o -> o.ordId).orElse(body.path("ordId").asText()));
      item.put("ts", Long.toString(clock.get().toEpochMilli()));
      item.put("sCode", "51400");
      item.put(
          "sMsg",
          "Order cancellation failed as the order has been filled, canceled or does not exist.");
      return answer;
    }
    Order o = order.get();
    o.state = "canceled";
    o.cancelSource = "1";
    o.uTime = clock.get();
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("clOrdId", o.clOrdId);
    item.put("ordId", o.ordId);
    item.put("ts", Long.toString(clock.get().toEpochMilli()));
    item.put("sCode", "0");
    item.put("sMsg", "");
    return answer;
  }

  synchronized ObjectNode amendOrder(JsonNode body) {
    Optional<Order> order = lookupOrder(textOrNull(body, "ordId"), textOrNull(body, "clOrdId"));
    if (order.isEmpty() || !order.get().working()) {
      ObjectNode answer = topLevel("1", "All operations failed");
      ObjectNode item = answer.withArray("data").addObject();
      item.put("clOrdId", body.path("clOrdId").asText());
      item.put("ordId", order.map(o -> o.ordId).orElse(body.path("ordId").asText()));
      item.put("reqId", "");
      item.put("ts", Long.toString(clock.get().toEpochMilli()));
      item.put("sCode", "51503");
      item.put(
          "sMsg",
          "Order modification failed as the order has been filled, canceled or does not exist.");
      return answer;
    }
    Order o = order.get();
    if (body.hasNonNull("newSz")) {
      o.sz = new BigDecimal(body.path("newSz").asText());
    }
    if (body.hasNonNull("newPx")) {
      o.px = new BigDecimal(body.path("newPx").asText());
    }
    o.uTime = clock.get();
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("clOrdId", o.clOrdId);
    item.put("ordId", o.ordId);
    item.put("reqId", "");
    item.put("ts", Long.toString(clock.get().toEpochMilli()));
    item.put("sCode", "0");
    item.put("sMsg", "");
    return answer;
  }

  synchronized ObjectNode ordersHistory(Map<String, String> query) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    for (int i = orders.size() - 1; i >= 0; i--) {
      Order order = orders.get(i);
      if (!order.working() && matches(query.get("instId"), order.instId)) {
        data.add(order.toJson());
      }
    }
    return answer;
  }

  synchronized ObjectNode placeAlgo(JsonNode body) {
    String instId = body.path("instId").asText();
    String algoClOrdId = body.path("algoClOrdId").asText();
    if (algos.stream().anyMatch(a -> a.algoClOrdId.equals(algoClOrdId) && a.state.equals("live"))) {
      return algoError("51065", "Algo order client ID already exists.", algoClOrdId);
    }
    if (orders.stream()
        .anyMatch(
            o ->
                o.attach != null
                    && o.attach.path("attachAlgoClOrdId").asText().equals(algoClOrdId))) {
      return algoError("51068", "algoClOrdId already exists as attachAlgoClOrdId.", algoClOrdId);
    }
    String side = body.path("side").asText();
    BigDecimal last = lastPrices.get(instId);
    BigDecimal sl = decimal(body, "slTriggerPx");
    BigDecimal tp = decimal(body, "tpTriggerPx");
    if (last != null && sl.signum() > 0) {
      if (side.equals("sell") && sl.compareTo(last) >= 0) {
        return algoError(
            "51280", "SL trigger price cannot be higher than the last price.", algoClOrdId);
      }
      if (side.equals("buy") && sl.compareTo(last) <= 0) {
        return algoError(
            "51278", "SL trigger price cannot be lower than the last price.", algoClOrdId);
      }
    }
    if (last != null && tp.signum() > 0) {
      if (side.equals("sell") && tp.compareTo(last) <= 0) {
        return algoError(
            "51279", "TP trigger price cannot be lower than the last price.", algoClOrdId);
      }
      if (side.equals("buy") && tp.compareTo(last) >= 0) {
        return algoError(
            "51277", "TP trigger price cannot be higher than the last price.", algoClOrdId);
      }
    }
    Algo algo = new Algo(Long.toString(nextId++), algoClOrdId, instId);
    algo.ordType = body.path("ordType").asText();
    algo.side = side;
    algo.tdMode = body.path("tdMode").asText("cross");
    algo.sz = decimal(body, "sz");
    algo.reduceOnly = body.path("reduceOnly").asBoolean(false);
    algo.cxlOnClosePos = body.path("cxlOnClosePos").asBoolean(false);
    algo.sl = sl;
    algo.tp = tp;
    algo.tag = body.path("tag").asText();
    algos.add(algo);
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("algoClOrdId", algoClOrdId);
    item.put("algoId", algo.algoId);
    item.put("clOrdId", "");
    item.put("sCode", "0");
    item.put("sMsg", "");
    item.put("tag", algo.tag);
    return answer;
  }

  synchronized ObjectNode getAlgo(Map<String, String> query) {
    String algoId = query.get("algoId");
    String algoClOrdId = query.get("algoClOrdId");
    Optional<Algo> algo = Optional.empty();
    for (int i = algos.size() - 1; i >= 0 && algo.isEmpty(); i--) {
      Algo a = algos.get(i);
      if ((algoId != null && a.algoId.equals(algoId))
          || (algoClOrdId != null && a.algoClOrdId.equals(algoClOrdId))) {
        algo = Optional.of(a);
      }
    }
    if (algo.isEmpty()) {
      // What OKX answers for an unknown algo is not documented; the order code is used.
      return topLevel("51603", "Order does not exist.");
    }
    ObjectNode answer = ok();
    answer.withArray("data").add(algo.get().toJson());
    return answer;
  }

  synchronized ObjectNode cancelAlgos(JsonNode body) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    int failed = 0;
    for (JsonNode item : body) {
      String algoId = item.path("algoId").asText();
      String algoClOrdId = item.path("algoClOrdId").asText();
      Optional<Algo> algo =
          algos.stream()
              .filter(a -> a.state.equals("live"))
              .filter(
                  a ->
                      (!algoId.isEmpty() && a.algoId.equals(algoId))
                          || (!algoClOrdId.isEmpty() && a.algoClOrdId.equals(algoClOrdId)))
              .findFirst();
      ObjectNode out = data.addObject();
      out.put("algoId", algo.map(a -> a.algoId).orElse(algoId));
      out.put("algoClOrdId", algoClOrdId);
      if (algo.isPresent()) {
        algo.get().state = "canceled";
        algo.get().uTime = clock.get();
        out.put("sCode", "0");
        out.put("sMsg", "");
      } else {
        failed++;
        out.put("sCode", "51400");
        out.put(
            "sMsg",
            "Cancellation failed as the order has been filled, canceled or does not exist.");
      }
    }
    if (failed > 0) {
      answer.put("code", failed == data.size() ? "1" : "2");
    }
    return answer;
  }

  synchronized ObjectNode algosPending(Map<String, String> query) {
    List<String> types = List.of(query.getOrDefault("ordType", "").split(","));
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    for (int i = algos.size() - 1; i >= 0; i--) {
      Algo algo = algos.get(i);
      if (algo.state.equals("live")
          && types.contains(algo.ordType)
          && matches(query.get("instId"), algo.instId)) {
        data.add(algo.toJson());
      }
    }
    return answer;
  }

  synchronized ObjectNode fills(Map<String, String> query) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    Page page = Page.of(query);
    for (int i = fills.size() - 1; i >= 0 && data.size() < page.limit(); i--) {
      FakeFill fill = fills.get(i);
      if (matches(query.get("instId"), fill.instId()) && page.admits(fill.billId())) {
        data.add(fillJson(fill));
      }
    }
    return answer;
  }

  synchronized ObjectNode bills(Map<String, String> query) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    Page page = Page.of(query);
    for (int i = bills.size() - 1; i >= 0 && data.size() < page.limit(); i--) {
      ObjectNode bill = bills.get(i);
      if (matches(query.get("instId"), bill.path("instId").asText())
          && matches(query.get("type"), bill.path("type").asText())
          && page.admits(bill.path("billId").asText())) {
        data.add(bill.deepCopy());
      }
    }
    return answer;
  }

  /**
   * OKX's paging of fills and bills (by {@code billId}), pending orders (by {@code ordId}) and
   * positions-history (by {@code uTime}): newest first, {@code after} = older than that value,
   * {@code before} = newer than that value, {@code limit} at most 100 (default 100).
   */
  private record Page(long after, long before, int limit) {
    static Page of(Map<String, String> query) {
      String after = query.get("after");
      String before = query.get("before");
      int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
      return new Page(
          after == null ? Long.MAX_VALUE : Long.parseLong(after),
          before == null ? Long.MIN_VALUE : Long.parseLong(before),
          Math.max(1, Math.min(100, limit)));
    }

    boolean admits(String id) {
      long value = Long.parseLong(id);
      return value < after && value > before;
    }
  }

  synchronized ObjectNode positionsAnswer(Map<String, String> query) {
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    for (Position position : positions.values()) {
      if (position.pos.signum() != 0 && matches(query.get("instId"), position.instId)) {
        ObjectNode p = data.addObject();
        p.put("instId", position.instId);
        p.put("instType", "SWAP");
        p.put("mgnMode", "cross");
        p.put("posId", position.posId);
        p.put("posSide", "net");
        p.put("pos", position.pos.toPlainString());
        p.put("avgPx", position.avgPx.toPlainString());
        p.put("markPx", lastPrices.getOrDefault(position.instId, position.avgPx).toPlainString());
        String lever = leverages.getOrDefault(position.instId, "10");
        p.put("liqPx", liquidationPrice(position, new BigDecimal(lever)).toPlainString());
        p.put("lever", lever);
        p.put("upl", "0");
        p.put("realizedPnl", position.realizedPnl.toPlainString());
        p.put("fee", position.fee.toPlainString());
        p.put("fundingFee", "0");
        p.put("cTime", Long.toString(position.cTime.toEpochMilli()));
        p.put("uTime", Long.toString(position.uTime.toEpochMilli()));
      }
    }
    return answer;
  }

  /**
   * The positions closed on this fake (newest first), then the fixture's rows; filtered by {@code
   * instId}, at most 100.
   */
  synchronized ObjectNode positionsHistory(Map<String, String> query, JsonNode fixture) {
    List<JsonNode> rows = new ArrayList<>(positionsHistory);
    fixture.path("data").forEach(rows::add);
    // newest uTime first; rows of one millisecond keep their recording order, newest first
    List<JsonNode> newestFirst = new ArrayList<>(rows.reversed());
    newestFirst.sort(Comparator.comparingLong((JsonNode r) -> r.path("uTime").asLong()).reversed());
    Page page = Page.of(query);
    ObjectNode answer = ok();
    ArrayNode data = answer.withArray("data");
    for (JsonNode row : newestFirst) {
      if (data.size() < page.limit()
          && matches(query.get("instId"), row.path("instId").asText())
          && page.admits(row.path("uTime").asText())) {
        data.add(row.deepCopy());
      }
    }
    return answer;
  }

  synchronized ObjectNode setLeverage(JsonNode body) {
    String instId = body.path("instId").asText();
    BigDecimal requested = decimal(body, "lever");
    BigDecimal max = maxLeverages.getOrDefault(instId, new BigDecimal("100"));
    if (requested.compareTo(BigDecimal.ONE) < 0 || requested.compareTo(max) > 0) {
      return topLevel("59102", "Leverage exceeds the maximum limit for this instrument.");
    }
    leverages.put(instId, body.path("lever").asText());
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("lever", body.path("lever").asText());
    item.put("mgnMode", body.path("mgnMode").asText());
    item.put("instId", instId);
    item.put("posSide", body.path("posSide").asText(""));
    return answer;
  }

  synchronized ObjectNode leverageInfo(Map<String, String> query) {
    String instId = query.getOrDefault("instId", "");
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("instId", instId);
    item.put("mgnMode", query.getOrDefault("mgnMode", "cross"));
    item.put("posSide", "");
    item.put("lever", leverages.getOrDefault(instId, "10"));
    return answer;
  }

  synchronized ObjectNode maxSize(Map<String, String> query) {
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("ccy", "USDT");
    item.put("instId", query.getOrDefault("instId", ""));
    item.put("maxBuy", "12.34");
    item.put("maxSell", "12.34");
    return answer;
  }

  synchronized ObjectNode closePosition(JsonNode body) {
    String instId = body.path("instId").asText();
    Position position = positions.get(instId);
    if (position == null || position.pos.signum() == 0) {
      return topLevel("51023", "Position does not exist.");
    }
    BigDecimal last = lastPrices.getOrDefault(instId, position.avgPx);
    Order order =
        newOrder(
            instId,
            body.path("clOrdId").asText(),
            body.path("tag").asText(),
            position.pos.signum() > 0 ? "sell" : "buy",
            "market");
    order.sz = position.pos.abs();
    order.reduceOnly = true;
    fill(order, order.sz, last, "T");
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("clOrdId", order.clOrdId);
    item.put("instId", instId);
    item.put("posSide", "net");
    item.put("tag", order.tag);
    return answer;
  }

  synchronized ObjectNode cancelAllAfter(JsonNode body) {
    long timeOut = Long.parseLong(body.path("timeOut").asText("0"));
    long now = clock.get().getEpochSecond();
    String tag = body.path("tag").asText("");
    if (timeOut == 0) {
      cancelAllAfter.remove(tag);
    } else {
      cancelAllAfter.put(tag, clock.get().plusSeconds(timeOut));
    }
    ObjectNode answer = ok();
    ObjectNode item = answer.withArray("data").addObject();
    item.put("triggerTime", timeOut == 0 ? "0" : Long.toString(now + timeOut));
    item.put("tag", body.path("tag").asText(""));
    item.put("ts", Long.toString(now));
    return answer;
  }

  // ---- internals ----

  /** Adds the positions-history row of a position that just went flat, newest last. */
  private void recordClosedPosition(Position position, int direction, String category) {
    ObjectNode row = mapper.createObjectNode();
    BigDecimal realized = position.lifePnl.add(position.lifeFee).add(position.lifeFunding);
    row.put("cTime", Long.toString(position.cTime.toEpochMilli()));
    row.put("ccy", "USDT");
    row.put(
        "closeAvgPx",
        position
            .closedNotional
            .divide(position.closedSz, 10, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString());
    row.put("closeTotalPos", position.closedSz.toPlainString());
    row.put("instId", position.instId);
    row.put("instType", "SWAP");
    row.put("lever", leverages.getOrDefault(position.instId, "10"));
    row.put("mgnMode", "cross");
    row.put("openAvgPx", position.avgPx.toPlainString());
    row.put("openMaxPos", position.closedSz.toPlainString());
    row.put("realizedPnl", realized.stripTrailingZeros().toPlainString());
    row.put("fee", position.lifeFee.stripTrailingZeros().toPlainString());
    row.put("fundingFee", position.lifeFunding.stripTrailingZeros().toPlainString());
    row.put("liqPenalty", "0");
    row.put("pnl", position.lifePnl.stripTrailingZeros().toPlainString());
    row.put("posId", position.posId);
    row.put("posSide", "net");
    row.put("direction", direction > 0 ? "long" : "short");
    row.put(
        "type",
        switch (category) {
          case "full_liquidation" -> "3";
          case "adl" -> "5";
          default -> "2";
        });
    row.put("uTime", Long.toString(clock.get().toEpochMilli()));
    row.put("uly", position.instId.replace("-SWAP", ""));
    positionsHistory.add(row);
  }

  /**
   * The isolated-margin estimate {@code avgPx * (1 -/+ 1/lever + mmr)} with the first tier's
   * maintenance margin rate of BTC-USDT-SWAP (0.4 %); OKX computes it from the account's tiers.
   */
  private static BigDecimal liquidationPrice(Position position, BigDecimal lever) {
    BigDecimal move =
        BigDecimal.ONE.divide(lever, 10, RoundingMode.HALF_EVEN).subtract(MAINTENANCE_MARGIN_RATE);
    BigDecimal factor =
        position.pos.signum() > 0 ? BigDecimal.ONE.subtract(move) : BigDecimal.ONE.add(move);
    return position.avgPx.multiply(factor).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
  }

  private Order newOrder(String instId, String clOrdId, String tag, String side, String ordType) {
    Order order =
        new Order(Long.toString(nextId++), instId, clOrdId, tag, side, ordType, clock.get());
    orders.add(order);
    return order;
  }

  private void fill(Order order, BigDecimal sz, BigDecimal px, String execType) {
    BigDecimal ctVal = contractValues.getOrDefault(order.instId, BigDecimal.ONE);
    BigDecimal rate = execType.equals("M") ? MAKER : TAKER;
    BigDecimal fee = sz.multiply(ctVal).multiply(px).multiply(rate).negate();
    BigDecimal signed = order.side.equals("buy") ? sz : sz.negate();
    Position position = positions.computeIfAbsent(order.instId, Position::new);
    BigDecimal pnl = BigDecimal.ZERO;
    int heldBefore = position.pos.signum();
    if (heldBefore == 0) {
      position.lifePnl = BigDecimal.ZERO;
      position.lifeFee = BigDecimal.ZERO;
      position.lifeFunding = BigDecimal.ZERO;
      position.closedSz = BigDecimal.ZERO;
      position.closedNotional = BigDecimal.ZERO;
    }
    if (position.pos.signum() != 0 && position.pos.signum() != signed.signum()) {
      BigDecimal closed = sz.min(position.pos.abs());
      BigDecimal direction = BigDecimal.valueOf(position.pos.signum());
      pnl = px.subtract(position.avgPx).multiply(closed).multiply(ctVal).multiply(direction);
      position.realizedPnl = position.realizedPnl.add(pnl);
      position.lifePnl = position.lifePnl.add(pnl);
      position.closedSz = position.closedSz.add(closed);
      position.closedNotional = position.closedNotional.add(px.multiply(closed));
    } else if (signed.signum() != 0) {
      BigDecimal total = position.pos.abs().add(sz);
      position.avgPx =
          position
              .avgPx
              .multiply(position.pos.abs())
              .add(px.multiply(sz))
              .divide(total, 10, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      if (position.pos.signum() == 0) {
        position.cTime = clock.get();
      }
    }
    position.pos = position.pos.add(signed);
    position.fee = position.fee.add(fee);
    position.lifeFee = position.lifeFee.add(fee);
    if (heldBefore != 0 && position.pos.signum() == 0) {
      recordClosedPosition(position, heldBefore, order.category);
    }
    position.uTime = clock.get();
    BigDecimal before = order.accFillSz;
    order.accFillSz = before.add(sz);
    order.avgPx =
        order
            .avgPx
            .multiply(before)
            .add(px.multiply(sz))
            .divide(order.accFillSz, 10, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    order.fee = order.fee.add(fee);
    order.pnl = order.pnl.add(pnl);
    order.fillSz = sz;
    order.fillPx = px;
    order.state = order.accFillSz.compareTo(order.sz) >= 0 ? "filled" : "partially_filled";
    order.uTime = clock.get();
    String tradeId = Long.toString(nextId++);
    String billId = Long.toString(nextId++);
    fills.add(
        new FakeFill(
            tradeId,
            billId,
            order.ordId,
            order.clOrdId,
            order.instId,
            order.side,
            px,
            sz,
            fee,
            pnl,
            execType,
            clock.get()));
    if (order.state.equals("filled") && order.attach != null && order.attachFailCode.isEmpty()) {
      spawnAttachedAlgo(order);
    }
    if (position.pos.signum() == 0) {
      for (Algo algo : algos) {
        if (algo.instId.equals(order.instId) && algo.state.equals("live") && algo.cxlOnClosePos) {
          algo.state = "canceled";
          algo.uTime = clock.get();
        }
      }
    }
  }

  private void spawnAttachedAlgo(Order order) {
    JsonNode attach = order.attach;
    Algo algo =
        new Algo(Long.toString(nextId++), attach.path("attachAlgoClOrdId").asText(), order.instId);
    BigDecimal sl = decimal(attach, "slTriggerPx");
    BigDecimal tp = decimal(attach, "tpTriggerPx");
    algo.ordType = sl.signum() > 0 && tp.signum() > 0 ? "oco" : "conditional";
    algo.side = order.side.equals("buy") ? "sell" : "buy";
    algo.tdMode = order.tdMode;
    algo.sz = order.accFillSz;
    algo.reduceOnly = true;
    algo.sl = sl;
    algo.tp = tp;
    algo.tag = "";
    algos.add(algo);
  }

  private Optional<Order> lookupOrder(String ordId, String clOrdId) {
    for (int i = orders.size() - 1; i >= 0; i--) {
      Order order = orders.get(i);
      if ((ordId != null && !ordId.isEmpty() && order.ordId.equals(ordId))
          || (clOrdId != null && !clOrdId.isEmpty() && order.clOrdId.equals(clOrdId))) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  private Optional<Order> findOrder(String clOrdIdOrOrdId) {
    return lookupOrder(clOrdIdOrOrdId, clOrdIdOrOrdId);
  }

  private Optional<Algo> findAlgo(String algoClOrdIdOrAlgoId) {
    for (int i = algos.size() - 1; i >= 0; i--) {
      Algo algo = algos.get(i);
      if (algo.algoId.equals(algoClOrdIdOrAlgoId) || algo.algoClOrdId.equals(algoClOrdIdOrAlgoId)) {
        return Optional.of(algo);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String filter, String value) {
    return filter == null || filter.isEmpty() || filter.equals(value);
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String text = node.path(field).asText("");
    return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
  }

  private ObjectNode ok() {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("code", "0");
    answer.put("msg", "");
    answer.putArray("data");
    return answer;
  }

  ObjectNode topLevel(String code, String msg) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("code", code);
    answer.put("msg", msg);
    answer.putArray("data");
    return answer;
  }

  private ObjectNode itemError(String sCode, String sMsg, String clOrdId) {
    ObjectNode answer = topLevel("1", "All operations failed");
    ObjectNode item = answer.withArray("data").addObject();
    item.put("clOrdId", clOrdId);
    item.put("ordId", "");
    item.put("tag", "");
    item.put("ts", Long.toString(clock.get().toEpochMilli()));
    item.put("sCode", sCode);
    item.put("sMsg", sMsg);
    item.put("subCode", "");
    return answer;
  }

  private ObjectNode algoError(String sCode, String sMsg, String algoClOrdId) {
    ObjectNode answer = topLevel("1", "All operations failed");
    ObjectNode item = answer.withArray("data").addObject();
    item.put("algoClOrdId", algoClOrdId);
    item.put("algoId", "");
    item.put("clOrdId", "");
    item.put("sCode", sCode);
    item.put("sMsg", sMsg);
    item.put("tag", "");
    return answer;
  }

  private ObjectNode fillJson(FakeFill fill) {
    ObjectNode n = mapper.createObjectNode();
    n.put("side", fill.side());
    n.put("fillSz", fill.fillSz().toPlainString());
    n.put("fillPx", fill.fillPx().toPlainString());
    n.put("fee", fill.fee().stripTrailingZeros().toPlainString());
    n.put("fillPnl", fill.fillPnl().stripTrailingZeros().toPlainString());
    n.put("ordId", fill.ordId());
    n.put("instType", "SWAP");
    n.put("instId", fill.instId());
    n.put("clOrdId", fill.clOrdId());
    n.put("posSide", "net");
    n.put("billId", fill.billId());
    n.put("tag", "");
    n.put("fillTime", Long.toString(fill.fillTime().toEpochMilli()));
    n.put("execType", fill.execType());
    n.put("tradeId", fill.tradeId());
    n.put("feeCcy", "USDT");
    n.put("ts", Long.toString(fill.fillTime().toEpochMilli()));
    return n;
  }

  /** A mutable order. */
  private final class Order {
    final String ordId;
    final String instId;
    final String clOrdId;
    final String tag;
    final String side;
    final String ordType;
    final Instant cTime;
    String tdMode = "cross";
    BigDecimal sz = BigDecimal.ZERO;
    BigDecimal px = BigDecimal.ZERO;
    BigDecimal accFillSz = BigDecimal.ZERO;
    BigDecimal avgPx = BigDecimal.ZERO;
    BigDecimal fillSz = BigDecimal.ZERO;
    BigDecimal fillPx = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    BigDecimal pnl = BigDecimal.ZERO;
    boolean reduceOnly;
    String state = "live";
    String source = "";
    String category = "normal";
    String cancelSource = "";
    String algoId = "";
    String algoClOrdId = "";
    JsonNode attach;
    String attachAlgoId = "";
    String attachFailCode = "";
    Instant uTime;

    Order(
        String ordId,
        String instId,
        String clOrdId,
        String tag,
        String side,
        String ordType,
        Instant now) {
      this.ordId = ordId;
      this.instId = instId;
      this.clOrdId = clOrdId;
      this.tag = tag;
      this.side = side;
      this.ordType = ordType;
      this.cTime = now;
      this.uTime = now;
    }

    boolean working() {
      return state.equals("live") || state.equals("partially_filled");
    }

    FakeOrder view() {
      return new FakeOrder(
          ordId,
          clOrdId,
          instId,
          side,
          ordType,
          sz,
          px,
          state,
          accFillSz,
          avgPx,
          reduceOnly,
          attach == null ? "" : attach.path("attachAlgoClOrdId").asText(),
          attachFailCode,
          tag,
          cancelSource);
    }

    ObjectNode toJson() {
      ObjectNode n = mapper.createObjectNode();
      n.put("accFillSz", accFillSz.toPlainString());
      n.put("algoClOrdId", algoClOrdId);
      n.put("algoId", algoId);
      ArrayNode attached = n.putArray("attachAlgoOrds");
      if (attach != null) {
        ObjectNode a = attached.addObject();
        a.put("attachAlgoId", attachAlgoId);
        a.put("attachAlgoClOrdId", attach.path("attachAlgoClOrdId").asText());
        a.put("tpTriggerPx", attach.path("tpTriggerPx").asText(""));
        a.put("tpOrdPx", attach.path("tpOrdPx").asText(""));
        a.put("slTriggerPx", attach.path("slTriggerPx").asText(""));
        a.put("slOrdPx", attach.path("slOrdPx").asText(""));
        a.put("failCode", attachFailCode);
        a.put("failReason", attachFailCode.isEmpty() ? "" : "attached TP/SL not created");
      }
      n.put("avgPx", avgPx.signum() == 0 ? "" : avgPx.toPlainString());
      n.put("cTime", Long.toString(cTime.toEpochMilli()));
      n.put("cancelSource", cancelSource);
      n.put("category", category);
      n.put("clOrdId", clOrdId);
      n.put("fee", fee.stripTrailingZeros().toPlainString());
      n.put("feeCcy", "USDT");
      n.put("fillPx", fillPx.signum() == 0 ? "" : fillPx.toPlainString());
      n.put("fillSz", fillSz.toPlainString());
      n.put("instId", instId);
      n.put("instType", "SWAP");
      n.put("ordId", ordId);
      n.put("ordType", ordType);
      n.put("pnl", pnl.stripTrailingZeros().toPlainString());
      n.put("posSide", "net");
      n.put("px", px.signum() == 0 ? "" : px.toPlainString());
      n.put("reduceOnly", Boolean.toString(reduceOnly));
      n.put("side", side);
      n.put("source", source);
      n.put("state", state);
      n.put("sz", sz.toPlainString());
      n.put("tag", tag);
      n.put("tdMode", tdMode);
      n.put("uTime", Long.toString(uTime.toEpochMilli()));
      return n;
    }
  }

  /** A mutable algo order. */
  private final class Algo {
    final String algoId;
    final String algoClOrdId;
    final String instId;
    final Instant cTime;
    String ordType = "oco";
    String side = "sell";
    String tdMode = "cross";
    BigDecimal sz = BigDecimal.ZERO;
    boolean reduceOnly;
    boolean cxlOnClosePos;
    BigDecimal sl = BigDecimal.ZERO;
    BigDecimal tp = BigDecimal.ZERO;
    String tag = "";
    String state = "live";
    String actualSide = "";
    Instant triggerTime;
    final List<String> ordIdList = new ArrayList<>();
    Instant uTime;

    Algo(String algoId, String algoClOrdId, String instId) {
      this.algoId = algoId;
      this.algoClOrdId = algoClOrdId;
      this.instId = instId;
      this.cTime = clock.get();
      this.uTime = cTime;
    }

    FakeAlgo view() {
      return new FakeAlgo(
          algoId,
          algoClOrdId,
          instId,
          ordType,
          side,
          sz,
          state,
          sl,
          tp,
          reduceOnly,
          cxlOnClosePos,
          tag);
    }

    ObjectNode toJson() {
      ObjectNode n = mapper.createObjectNode();
      n.put("actualSide", actualSide);
      n.put("actualSz", state.equals("effective") ? sz.toPlainString() : "0");
      n.put("algoClOrdId", algoClOrdId);
      n.put("algoId", algoId);
      n.put("cTime", Long.toString(cTime.toEpochMilli()));
      n.put("failCode", "");
      n.put("instId", instId);
      n.put("instType", "SWAP");
      ArrayNode ids = n.putArray("ordIdList");
      ordIdList.forEach(ids::add);
      n.put("ordType", ordType);
      n.put("posSide", "net");
      n.put("reduceOnly", Boolean.toString(reduceOnly));
      n.put("side", side);
      n.put("slOrdPx", sl.signum() > 0 ? "-1" : "");
      n.put("slTriggerPx", sl.signum() > 0 ? sl.toPlainString() : "");
      n.put("slTriggerPxType", sl.signum() > 0 ? "last" : "");
      n.put("state", state);
      n.put("sz", sz.toPlainString());
      n.put("tag", tag);
      n.put("tdMode", tdMode);
      n.put("tpOrdPx", tp.signum() > 0 ? "-1" : "");
      n.put("tpTriggerPx", tp.signum() > 0 ? tp.toPlainString() : "");
      n.put("tpTriggerPxType", tp.signum() > 0 ? "last" : "");
      n.put("triggerTime", triggerTime == null ? "" : Long.toString(triggerTime.toEpochMilli()));
      n.put("uTime", Long.toString(uTime.toEpochMilli()));
      return n;
    }
  }

  /** A mutable net-mode position. */
  private final class Position {
    final String instId;
    final String posId;
    BigDecimal pos = BigDecimal.ZERO;
    BigDecimal avgPx = BigDecimal.ZERO;
    BigDecimal realizedPnl = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    Instant cTime;
    Instant uTime;
    // what positions-history reports for the current lifetime (from open to flat)
    BigDecimal lifePnl = BigDecimal.ZERO;
    BigDecimal lifeFee = BigDecimal.ZERO;
    BigDecimal lifeFunding = BigDecimal.ZERO;
    BigDecimal closedSz = BigDecimal.ZERO;
    BigDecimal closedNotional = BigDecimal.ZERO;

    Position(String instId) {
      this.instId = instId;
      this.posId = Long.toString(nextId++);
      this.cTime = clock.get();
      this.uTime = cTime;
    }
  }
}
