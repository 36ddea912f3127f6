package org.smc4j.exchange.okx.internal;

import static org.smc4j.exchange.okx.internal.JsonFields.bool;
import static org.smc4j.exchange.okx.internal.JsonFields.decimal;
import static org.smc4j.exchange.okx.internal.JsonFields.decimalOrZero;
import static org.smc4j.exchange.okx.internal.JsonFields.millis;
import static org.smc4j.exchange.okx.internal.JsonFields.optDecimal;
import static org.smc4j.exchange.okx.internal.JsonFields.optMillis;
import static org.smc4j.exchange.okx.internal.JsonFields.required;
import static org.smc4j.exchange.okx.internal.JsonFields.text;
import static org.smc4j.exchange.okx.internal.JsonFields.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.error.OkxErrorClassifier;
import org.smc4j.exchange.okx.model.AccountConfig;
import org.smc4j.exchange.okx.model.AccountLevel;
import org.smc4j.exchange.okx.model.AlgoAck;
import org.smc4j.exchange.okx.model.AlgoCancelResult;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AlgoState;
import org.smc4j.exchange.okx.model.AttachedAlgo;
import org.smc4j.exchange.okx.model.Balance;
import org.smc4j.exchange.okx.model.BalanceDetail;
import org.smc4j.exchange.okx.model.Bill;
import org.smc4j.exchange.okx.model.CancelAllAfterAck;
import org.smc4j.exchange.okx.model.ClosePositionAck;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.exchange.okx.model.LeverageSetting;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.MaxSize;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderState;
import org.smc4j.exchange.okx.model.OrderType;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.model.PositionHistory;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.model.PositionSide;
import org.smc4j.exchange.okx.model.PriceLimit;

/** Turns {@code data[]} items into the model records. */
public final class AnswerParser {

  private AnswerParser() {}

  /** Parses an instrument. */
  public static OkxInstrument instrument(JsonNode n) {
    return new OkxInstrument(
        required(n, "instId"),
        text(n, "instType"),
        text(n, "ctType"),
        decimalOrZero(n, "ctVal"),
        decimalOrZero(n, "ctMult"),
        text(n, "ctValCcy"),
        text(n, "settleCcy"),
        decimal(n, "tickSz"),
        decimal(n, "lotSz"),
        decimal(n, "minSz"),
        decimal(n, "maxLmtSz"),
        decimal(n, "maxMktSz"),
        text(n, "state"));
  }

  /** Parses a price limit. */
  public static PriceLimit priceLimit(JsonNode n) {
    return new PriceLimit(
        required(n, "instId"),
        optDecimal(n, "buyLmt"),
        optDecimal(n, "sellLmt"),
        bool(n, "enabled"),
        millis(n, "ts"));
  }

  /** Parses the account configuration. */
  public static AccountConfig accountConfig(JsonNode n) {
    Set<String> perm = new LinkedHashSet<>();
    for (String p : text(n, "perm").split(",")) {
      if (!p.isBlank()) {
        perm.add(p.trim());
      }
    }
    return new AccountConfig(
        text(n, "uid"),
        text(n, "mainUid"),
        wire(n, "acctLv", AccountLevel::fromWire),
        wire(n, "posMode", PositionMode::fromWire),
        perm,
        text(n, "ip"),
        text(n, "label"),
        text(n, "ctIsoMode"));
  }

  /** Parses a balance. */
  public static Balance balance(JsonNode n) {
    List<BalanceDetail> details = new ArrayList<>();
    JsonNode array = n.get("details");
    if (array != null && array.isArray()) {
      for (JsonNode d : array) {
        details.add(
            new BalanceDetail(
                required(d, "ccy"),
                decimalOrZero(d, "eq"),
                decimalOrZero(d, "cashBal"),
                decimalOrZero(d, "availBal"),
                optDecimal(d, "availEq"),
                optDecimal(d, "upl")));
      }
    }
    return new Balance(decimalOrZero(n, "totalEq"), millis(n, "uTime"), details);
  }

  /** Parses a position. */
  public static Position position(JsonNode n) {
    return new Position(
        required(n, "instId"),
        text(n, "instType"),
        wire(n, "mgnMode", MarginMode::fromWire),
        wire(n, "posSide", PositionSide::fromWire),
        text(n, "posId"),
        decimal(n, "pos"),
        optDecimal(n, "avgPx"),
        optDecimal(n, "markPx"),
        optDecimal(n, "liqPx"),
        optDecimal(n, "lever"),
        optDecimal(n, "upl"),
        decimalOrZero(n, "realizedPnl"),
        decimalOrZero(n, "fee"),
        decimalOrZero(n, "fundingFee"),
        millis(n, "cTime"),
        millis(n, "uTime"));
  }

  /** Parses a leverage setting. */
  public static LeverageSetting leverage(JsonNode n) {
    String posSide = text(n, "posSide");
    return new LeverageSetting(
        required(n, "instId"),
        decimal(n, "lever"),
        wire(n, "mgnMode", MarginMode::fromWire),
        posSide.isEmpty()
            ? Optional.empty()
            : Optional.of(wire(n, "posSide", PositionSide::fromWire)));
  }

  /** Parses a max-size answer. */
  public static MaxSize maxSize(JsonNode n) {
    return new MaxSize(
        required(n, "instId"), text(n, "ccy"), decimal(n, "maxBuy"), decimal(n, "maxSell"));
  }

  /** Parses an accepted order item. */
  public static OrderAck orderAck(JsonNode n) {
    return new OrderAck(text(n, "ordId"), text(n, "clOrdId"), text(n, "tag"), optMillis(n, "ts"));
  }

  /** Parses an order. */
  public static OrderDetails order(JsonNode n) {
    List<AttachedAlgo> attached = new ArrayList<>();
    JsonNode array = n.get("attachAlgoOrds");
    if (array != null && array.isArray()) {
      for (JsonNode a : array) {
        attached.add(
            new AttachedAlgo(
                text(a, "attachAlgoId"),
                text(a, "attachAlgoClOrdId"),
                optDecimal(a, "tpTriggerPx"),
                optDecimal(a, "slTriggerPx"),
                text(a, "failCode"),
                text(a, "failReason")));
      }
    }
    return new OrderDetails(
        required(n, "instId"),
        required(n, "ordId"),
        text(n, "clOrdId"),
        text(n, "tag"),
        wire(n, "state", OrderState::fromWire),
        wire(n, "side", OkxWire::action),
        text(n, "posSide").isEmpty()
            ? PositionSide.NET
            : wire(n, "posSide", PositionSide::fromWire),
        wire(n, "ordType", OrderType::fromWire),
        decimal(n, "sz"),
        optDecimal(n, "px").filter(px -> px.signum() > 0),
        decimalOrZero(n, "accFillSz"),
        optDecimal(n, "avgPx").filter(px -> px.signum() > 0),
        decimalOrZero(n, "fee"),
        text(n, "feeCcy"),
        decimalOrZero(n, "pnl"),
        bool(n, "reduceOnly"),
        text(n, "source"),
        text(n, "cancelSource"),
        text(n, "algoId"),
        text(n, "algoClOrdId"),
        attached,
        millis(n, "cTime"),
        millis(n, "uTime"));
  }

  /** Parses an accepted algo item. */
  public static AlgoAck algoAck(JsonNode n) {
    return new AlgoAck(text(n, "algoId"), text(n, "algoClOrdId"), text(n, "tag"));
  }

  /** Parses an algo order. */
  public static AlgoOrderDetails algo(JsonNode n) {
    return new AlgoOrderDetails(
        required(n, "instId"),
        required(n, "algoId"),
        text(n, "algoClOrdId"),
        wire(n, "ordType", AlgoOrderType::fromWire),
        wire(n, "state", AlgoState::fromWire),
        wire(n, "side", OkxWire::action),
        text(n, "posSide").isEmpty()
            ? PositionSide.NET
            : wire(n, "posSide", PositionSide::fromWire),
        wire(n, "tdMode", MarginMode::fromWire),
        optDecimal(n, "sz"),
        bool(n, "reduceOnly"),
        optDecimal(n, "tpTriggerPx"),
        optDecimal(n, "slTriggerPx"),
        text(n, "actualSide"),
        optDecimal(n, "actualSz"),
        optMillis(n, "triggerTime"),
        JsonFields.texts(n, "ordIdList"),
        text(n, "failCode"),
        text(n, "tag"),
        millis(n, "cTime"),
        optMillis(n, "uTime").orElse(millis(n, "cTime")));
  }

  /** Parses one item of a cancel-algos answer. */
  public static AlgoCancelResult algoCancel(JsonNode n) {
    String sCode = text(n, "sCode");
    OkxErrorClass result = OkxErrorClassifier.classify(sCode.isEmpty() ? "0" : sCode);
    return new AlgoCancelResult(
        text(n, "algoId"), text(n, "algoClOrdId"), result, sCode, text(n, "sMsg"));
  }

  /** Parses a fill. */
  public static Fill fill(JsonNode n) {
    return new Fill(
        required(n, "instId"),
        required(n, "tradeId"),
        text(n, "ordId"),
        text(n, "clOrdId"),
        text(n, "billId"),
        text(n, "tag"),
        wire(n, "side", OkxWire::action),
        text(n, "posSide").isEmpty()
            ? PositionSide.NET
            : wire(n, "posSide", PositionSide::fromWire),
        decimal(n, "fillPx"),
        decimal(n, "fillSz"),
        decimalOrZero(n, "fillPnl"),
        decimalOrZero(n, "fee"),
        text(n, "feeCcy"),
        text(n, "execType"),
        text(n, "subType"),
        millis(n, "fillTime"),
        optMillis(n, "ts").orElse(millis(n, "fillTime")));
  }

  /** Parses a bill. */
  public static Bill bill(JsonNode n) {
    return new Bill(
        required(n, "billId"),
        text(n, "instId"),
        text(n, "instType"),
        text(n, "ccy"),
        text(n, "type"),
        text(n, "subType"),
        decimalOrZero(n, "pnl"),
        decimalOrZero(n, "fee"),
        decimalOrZero(n, "balChg"),
        decimalOrZero(n, "bal"),
        optDecimal(n, "px"),
        optDecimal(n, "sz"),
        text(n, "mgnMode"),
        text(n, "ordId"),
        millis(n, "ts"));
  }

  /** Parses a positions-history row. */
  public static PositionHistory positionHistory(JsonNode n) {
    return new PositionHistory(
        required(n, "instId"),
        text(n, "posId"),
        text(n, "mgnMode"),
        text(n, "posSide"),
        text(n, "direction"),
        text(n, "type"),
        optDecimal(n, "openAvgPx"),
        optDecimal(n, "closeAvgPx"),
        decimalOrZero(n, "closeTotalPos"),
        decimalOrZero(n, "realizedPnl"),
        decimalOrZero(n, "pnl"),
        decimalOrZero(n, "fee"),
        decimalOrZero(n, "fundingFee"),
        decimalOrZero(n, "liqPenalty"),
        millis(n, "cTime"),
        millis(n, "uTime"));
  }

  /** Parses a close-position answer. */
  public static ClosePositionAck closePosition(JsonNode n) {
    return new ClosePositionAck(
        required(n, "instId"), text(n, "posSide"), text(n, "clOrdId"), text(n, "tag"));
  }

  /** Parses a cancel-all-after answer. */
  public static CancelAllAfterAck cancelAllAfter(JsonNode n) {
    return new CancelAllAfterAck(
        JsonFields.optSecondsOrMillis(n, "triggerTime"),
        text(n, "tag"),
        JsonFields.optSecondsOrMillis(n, "ts")
            .orElseThrow(() -> new MalformedAnswerException("field ts is missing or empty")));
  }
}
