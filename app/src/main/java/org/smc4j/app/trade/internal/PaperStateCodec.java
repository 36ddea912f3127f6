package org.smc4j.app.trade.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smc4j.backtest.broker.BrokerSnapshot;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.guard.GuardBook;
import org.smc4j.risk.guard.OpenPosition;
import org.smc4j.risk.guard.TradeProposal;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;

/**
 * The JSON form of a paper broker's {@link BrokerSnapshot} and of the pipeline's {@link GuardBook},
 * as the paper bot saves them in its journal. Doubles are written in their shortest exact form and
 * read back bit for bit, so a restored broker computes exactly what the saved one would have.
 */
public final class PaperStateCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PaperStateCodec() {}

  /**
   * Writes a broker snapshot.
   *
   * @param snapshot the snapshot
   * @return its JSON
   */
  public static String write(BrokerSnapshot snapshot) {
    ObjectNode root = JSON.createObjectNode();
    snapshot.pending().ifPresent(in -> root.set("pending", intent(in)));
    snapshot
        .position()
        .ifPresent(
            h -> {
              ObjectNode p = root.putObject("position");
              p.set("intent", intent(h.intent()));
              p.put("entryTime", h.entryTime().toString());
              p.put("entryPrice", h.entryPrice());
              p.put("entryLiquidity", h.entryLiquidity().name());
              p.put("entryFee", h.entryFee());
              p.put("entrySlippage", h.entrySlippage());
              p.put("funding", h.funding());
              p.put("settlements", h.settlements());
              p.put("nextSettlement", h.nextSettlement().toString());
            });
    return text(root);
  }

  /**
   * Reads a broker snapshot.
   *
   * @param json what {@link #write(BrokerSnapshot)} wrote
   * @return the snapshot
   * @throws IllegalArgumentException when the text is not such a snapshot
   */
  public static BrokerSnapshot readBroker(String json) {
    JsonNode root = tree(json);
    Optional<OrderIntent> pending =
        root.has("pending") ? Optional.of(intent(root.get("pending"))) : Optional.empty();
    Optional<BrokerSnapshot.Holding> position = Optional.empty();
    if (root.has("position")) {
      JsonNode p = root.get("position");
      position =
          Optional.of(
              new BrokerSnapshot.Holding(
                  intent(p.get("intent")),
                  Instant.parse(p.get("entryTime").asText()),
                  p.get("entryPrice").doubleValue(),
                  Liquidity.valueOf(p.get("entryLiquidity").asText()),
                  p.get("entryFee").doubleValue(),
                  p.get("entrySlippage").doubleValue(),
                  p.get("funding").doubleValue(),
                  p.get("settlements").intValue(),
                  Instant.parse(p.get("nextSettlement").asText())));
    }
    return new BrokerSnapshot(pending, position);
  }

  /**
   * Writes a guard book.
   *
   * @param book the book
   * @return its JSON
   */
  public static String write(GuardBook book) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode open = root.putArray("open");
    for (OpenPosition p : book.open()) {
      ObjectNode o = open.addObject();
      TradeProposal t = p.proposal();
      o.put("symbol", t.symbol());
      o.put("side", t.side().name());
      o.put("contracts", t.contracts().toString());
      o.put("riskUsd", t.riskUsd().toString());
      o.put("initialMargin", t.initialMargin().toString());
      o.put("openedAt", p.openedAt().toString());
    }
    root.put("day", book.day().toString());
    root.put("dayPnl", book.dayPnl().toString());
    root.put("dayLosers", book.dayLosers());
    return text(root);
  }

  /**
   * Reads a guard book.
   *
   * @param json what {@link #write(GuardBook)} wrote
   * @return the book
   * @throws IllegalArgumentException when the text is not such a book
   */
  public static GuardBook readGuard(String json) {
    JsonNode root = tree(json);
    List<OpenPosition> open = new ArrayList<>();
    for (JsonNode o : root.get("open")) {
      open.add(
          new OpenPosition(
              new TradeProposal(
                  o.get("symbol").asText(),
                  Side.valueOf(o.get("side").asText()),
                  new BigDecimal(o.get("contracts").asText()),
                  new BigDecimal(o.get("riskUsd").asText()),
                  new BigDecimal(o.get("initialMargin").asText())),
              Instant.parse(o.get("openedAt").asText())));
    }
    return new GuardBook(
        open,
        LocalDate.parse(root.get("day").asText()),
        new BigDecimal(root.get("dayPnl").asText()),
        root.get("dayLosers").intValue());
  }

  private static ObjectNode intent(OrderIntent in) {
    ObjectNode o = JSON.createObjectNode();
    o.put("intentId", in.intentId());
    o.put("poiId", in.poiId());
    o.put("symbol", in.symbol());
    o.put("side", in.side().name());
    o.put("entryKind", in.entryKind().name());
    o.put("entryPrice", in.entryPrice());
    o.put("stop", in.stop());
    o.put("target", in.target());
    in.secondTarget().ifPresent(t -> o.put("secondTarget", t));
    o.put("signalTime", in.signalTime().toString());
    o.put("plannedRisk", in.plannedRisk());
    o.put("contracts", in.contracts());
    o.put("contractMultiplier", in.contractMultiplier());
    in.details().ifPresent(d -> o.set("details", details(d)));
    return o;
  }

  private static OrderIntent intent(JsonNode o) {
    return new OrderIntent(
        o.get("intentId").longValue(),
        o.get("poiId").asText(),
        o.get("symbol").asText(),
        Side.valueOf(o.get("side").asText()),
        EntryKind.valueOf(o.get("entryKind").asText()),
        o.get("entryPrice").doubleValue(),
        o.get("stop").doubleValue(),
        o.get("target").doubleValue(),
        o.has("secondTarget")
            ? OptionalDouble.of(o.get("secondTarget").doubleValue())
            : OptionalDouble.empty(),
        Instant.parse(o.get("signalTime").asText()),
        o.get("plannedRisk").doubleValue(),
        o.get("contracts").doubleValue(),
        o.get("contractMultiplier").doubleValue(),
        o.has("details") ? Optional.of(details(o.get("details"))) : Optional.empty());
  }

  private static ObjectNode details(SetupDetails d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("trigger", d.trigger());
    o.put("score", d.score());
    ArrayNode parts = o.putArray("scoreParts");
    d.scoreParts().forEach(parts::add);
    o.put("poiTop", d.poiTop());
    o.put("poiBottom", d.poiBottom());
    o.put("fvgTop", d.fvgTop());
    o.put("fvgBottom", d.fvgBottom());
    o.put("fib50", d.fib50());
    o.put("fib618", d.fib618());
    o.put("fib786", d.fib786());
    o.put("legStart", d.legStart());
    o.put("legEnd", d.legEnd());
    o.put("breakLevel", d.breakLevel());
    o.put("poiArmedTime", d.poiArmedTime().toString());
    o.put("tapTime", d.tapTime().toString());
    o.put("triggerLevel", d.triggerLevel());
    o.put("atr", d.atr());
    o.put("fvgTime", d.fvgTime().toString());
    return o;
  }

  private static SetupDetails details(JsonNode o) {
    List<String> parts = new ArrayList<>();
    o.get("scoreParts").forEach(p -> parts.add(p.asText()));
    return new SetupDetails(
        o.get("trigger").asText(),
        o.get("score").intValue(),
        parts,
        o.get("poiTop").doubleValue(),
        o.get("poiBottom").doubleValue(),
        o.get("fvgTop").doubleValue(),
        o.get("fvgBottom").doubleValue(),
        o.get("fib50").doubleValue(),
        o.get("fib618").doubleValue(),
        o.get("fib786").doubleValue(),
        o.get("legStart").doubleValue(),
        o.get("legEnd").doubleValue(),
        o.get("breakLevel").doubleValue(),
        Instant.parse(o.get("poiArmedTime").asText()),
        Instant.parse(o.get("tapTime").asText()),
        o.get("triggerLevel").doubleValue(),
        o.get("atr").doubleValue(),
        Instant.parse(o.get("fvgTime").asText()));
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("paper state not writable as JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "saved paper state is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
