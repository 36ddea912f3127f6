package org.smc4j.live.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * The words and numbers of a signal: the console line, the alert text and the JSON-lines record.
 * Prices are printed on the instrument's tick grid.
 */
public final class SignalText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private SignalText() {}

  /** Returns the one-line console form. */
  static String line(ScanSignal s) {
    TradePlan p = s.plan();
    EntrySignal e = s.signal();
    int decimals = decimals(s);
    return String.format(
        Locale.ROOT,
        "SIGNAL %s %s %s %s | POI %s-%s | trigger %s %s | entry %s (%s) | stop %s | target %s |"
            + " %s | score %d/5 %s | %s | id %s",
        TIME.format(p.signalTime()),
        p.symbol(),
        p.side(),
        e.trigger(),
        price(e.poi().bottom(), decimals),
        price(e.poi().top(), decimals),
        e.trigger(),
        price(e.triggerLevel(), decimals),
        price(p.entry(), decimals),
        p.entryKind() == EntryKind.LIMIT ? "limit" : "market at next open",
        price(p.stop(), decimals),
        price(p.target(), decimals),
        size(s),
        e.score().total(),
        p.details().map(SetupDetails::scoreParts).map(Object::toString).orElse("[]"),
        s.decisionText(),
        s.key());
  }

  /** Returns the multi-line alert text. */
  static String alert(ScanSignal s) {
    TradePlan p = s.plan();
    EntrySignal e = s.signal();
    int decimals = decimals(s);
    StringBuilder sb = new StringBuilder();
    sb.append(p.side() == Side.LONG ? "LONG " : "SHORT ")
        .append(p.symbol())
        .append(" (")
        .append(e.trigger())
        .append(", score ")
        .append(e.score().total())
        .append("/5)\n");
    sb.append("Signal: ").append(TIME.format(p.signalTime())).append(" 5m close\n");
    sb.append("POI: ")
        .append(price(e.poi().bottom(), decimals))
        .append(" - ")
        .append(price(e.poi().top(), decimals))
        .append('\n');
    sb.append("Trigger: ")
        .append(e.trigger())
        .append(" at ")
        .append(price(e.triggerLevel(), decimals))
        .append('\n');
    sb.append("Entry: ")
        .append(price(p.entry(), decimals))
        .append(p.entryKind() == EntryKind.LIMIT ? " (limit)" : " (market at next open)")
        .append('\n');
    sb.append("Stop: ").append(price(p.stop(), decimals)).append('\n');
    sb.append("Target: ").append(price(p.target(), decimals)).append('\n');
    sb.append("Size: ").append(size(s)).append('\n');
    sb.append("Decision: ").append(s.decisionText()).append('\n');
    p.details()
        .ifPresent(d -> sb.append("Score parts: ").append(String.join(", ", d.scoreParts())));
    return sb.toString().strip();
  }

  /** Returns the JSON-lines record (one line, no trailing newline). */
  static String json(ScanSignal s, Instant detectedAt) {
    TradePlan p = s.plan();
    EntrySignal e = s.signal();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.key());
    o.put("symbol", p.symbol());
    o.put("side", p.side().name());
    o.put("trigger", e.trigger().name());
    o.put("entryKind", p.entryKind().name());
    o.put("signalTime", p.signalTime().toString());
    o.put("poiId", p.poiId());
    o.put("poiBottom", e.poi().bottom());
    o.put("poiTop", e.poi().top());
    o.put("triggerLevel", e.triggerLevel());
    o.put("entry", p.entry());
    o.put("stop", p.stop());
    o.put("target", p.target());
    if (p.secondTarget().isPresent()) {
      o.put("secondTarget", p.secondTarget().getAsDouble());
    }
    switch (s.sizing()) {
      case Sizing.Sized z -> {
        o.put("contracts", z.contracts());
        o.put("plannedRiskUsd", z.plannedRisk());
      }
      case Sizing.Refused r -> o.put("sizeRefused", r.text());
    }
    switch (s.decision()) {
      case TradeDecision.Taken t -> o.put("decision", "TAKEN");
      case TradeDecision.Skipped k -> {
        o.put("decision", "SKIPPED");
        o.put("skipKind", k.reason().kind().name());
        o.put("skipReason", k.reason().message());
      }
    }
    o.put("score", e.score().total());
    ArrayNode parts = o.putArray("scoreParts");
    p.details().ifPresent(d -> d.scoreParts().forEach(parts::add));
    o.put("tickSize", s.spec().tickSize());
    o.put("detectedAt", detectedAt.toString());
    return o.toString();
  }

  private static String size(ScanSignal s) {
    return switch (s.sizing()) {
      case Sizing.Sized z ->
          String.format(
              Locale.ROOT,
              "%s contracts for $%.2f risk",
              BigDecimal.valueOf(z.contracts()).stripTrailingZeros().toPlainString(),
              z.plannedRisk());
      case Sizing.Refused r -> "no size: " + r.text();
    };
  }

  private static int decimals(ScanSignal s) {
    return Math.max(0, s.spec().tickSize().stripTrailingZeros().scale());
  }

  private static String price(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
