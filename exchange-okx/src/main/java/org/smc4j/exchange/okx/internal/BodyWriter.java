package org.smc4j.exchange.okx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.smc4j.exchange.okx.model.AlgoCancel;
import org.smc4j.exchange.okx.model.AlgoOrderRequest;
import org.smc4j.exchange.okx.model.AmendOrderRequest;
import org.smc4j.exchange.okx.model.ClosePositionRequest;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.SetLeverageRequest;
import org.smc4j.exchange.okx.model.TpSl;

/**
 * Writes request bodies: fields in OKX's documented order, absent fields left out (never {@code
 * null}), prices and sizes formatted exactly by the instrument. The text returned is the text that
 * is signed and sent.
 */
public final class BodyWriter {

  /** OKX's order price for "market on trigger". */
  private static final String MARKET_PRICE = "-1";

  private final ObjectMapper mapper;

  /**
   * Creates a writer.
   *
   * @param mapper the JSON mapper
   */
  public BodyWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Writes a place-order body. */
  public String placeOrder(PlaceOrderRequest r) {
    ObjectNode o = mapper.createObjectNode();
    boolean market =
        r.ordType().wire().equals("market") || r.ordType().wire().equals("optimal_limit_ioc");
    o.put("instId", r.instId());
    o.put("tdMode", r.tdMode().wire());
    o.put("side", OkxWire.action(r.side()));
    o.put("posSide", r.posSide().wire());
    o.put("ordType", r.ordType().wire());
    o.put("sz", r.instrument().formatSize(r.sz(), market));
    r.px().ifPresent(px -> o.put("px", r.instrument().formatPrice(px)));
    if (r.reduceOnly()) {
      o.put("reduceOnly", true);
    }
    o.put("clOrdId", r.clOrdId().value());
    o.put("tag", r.tag());
    r.attached()
        .ifPresent(
            a -> {
              ArrayNode array = o.putArray("attachAlgoOrds");
              ObjectNode item = array.addObject();
              item.put("attachAlgoClOrdId", a.attachAlgoClOrdId().value());
              putTpSl(item, r.instrument(), a.tpSl());
            });
    return write(o);
  }

  /** Writes a place-algo body. */
  public String placeAlgo(AlgoOrderRequest r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("instId", r.instId());
    o.put("tdMode", r.tdMode().wire());
    o.put("side", OkxWire.action(r.side()));
    o.put("posSide", r.posSide().wire());
    o.put("ordType", r.ordType().wire());
    o.put("sz", r.instrument().formatSize(r.sz(), true));
    if (r.reduceOnly()) {
      o.put("reduceOnly", true);
    }
    if (r.cxlOnClosePos()) {
      o.put("cxlOnClosePos", true);
    }
    o.put("algoClOrdId", r.algoClOrdId().value());
    o.put("tag", r.tag());
    putTpSl(o, r.instrument(), r.tpSl());
    return write(o);
  }

  /** Writes an amend-order body. */
  public String amendOrder(AmendOrderRequest r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("instId", r.instId());
    o.put(r.ref().parameter(), r.ref().value());
    if (r.cxlOnFail()) {
      o.put("cxlOnFail", true);
    }
    r.newSz().ifPresent(sz -> o.put("newSz", r.instrument().formatSize(sz, false)));
    r.newPx().ifPresent(px -> o.put("newPx", r.instrument().formatPrice(px)));
    return write(o);
  }

  /** Writes a cancel-order body. */
  public String cancelOrder(String instId, OrderRef ref) {
    ObjectNode o = mapper.createObjectNode();
    o.put("instId", instId);
    o.put(ref.parameter(), ref.value());
    return write(o);
  }

  /** Writes a cancel-algos body (an array). */
  public String cancelAlgos(List<AlgoCancel> cancels) {
    ArrayNode array = mapper.createArrayNode();
    for (AlgoCancel cancel : cancels) {
      ObjectNode item = array.addObject();
      item.put("instId", cancel.instId());
      item.put(cancel.ref().parameter(), cancel.ref().value());
    }
    return write(array);
  }

  /** Writes a set-leverage body. */
  public String setLeverage(SetLeverageRequest r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("instId", r.instId());
    o.put("lever", r.lever().stripTrailingZeros().toPlainString());
    o.put("mgnMode", r.mgnMode().wire());
    r.posSide().ifPresent(side -> o.put("posSide", side.wire()));
    return write(o);
  }

  /** Writes a close-position body. */
  public String closePosition(ClosePositionRequest r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("instId", r.instId());
    r.posSide().ifPresent(side -> o.put("posSide", side.wire()));
    o.put("mgnMode", r.mgnMode().wire());
    if (r.autoCxl()) {
      o.put("autoCxl", true);
    }
    r.clOrdId().ifPresent(id -> o.put("clOrdId", id.value()));
    o.put("tag", r.tag());
    return write(o);
  }

  /** Writes a cancel-all-after body. */
  public String cancelAllAfter(long timeOutSeconds, String tag) {
    ObjectNode o = mapper.createObjectNode();
    o.put("timeOut", Long.toString(timeOutSeconds));
    if (!tag.isEmpty()) {
      o.put("tag", tag);
    }
    return write(o);
  }

  private static void putTpSl(ObjectNode o, OkxInstrument instrument, TpSl tpSl) {
    tpSl.tpTriggerPx()
        .ifPresent(
            px -> {
              o.put("tpTriggerPx", instrument.formatPrice(px));
              o.put("tpOrdPx", tpSl.tpOrdPx().map(instrument::formatPrice).orElse(MARKET_PRICE));
              o.put("tpTriggerPxType", tpSl.triggerPxType().wire());
            });
    tpSl.slTriggerPx()
        .ifPresent(
            px -> {
              o.put("slTriggerPx", instrument.formatPrice(px));
              o.put("slOrdPx", tpSl.slOrdPx().map(instrument::formatPrice).orElse(MARKET_PRICE));
              o.put("slTriggerPxType", tpSl.triggerPxType().wire());
            });
  }

  private String write(Object node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree built in memory could not be written", e);
    }
  }
}
