package org.smc4j.app.detect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.ImpulseLegEvent;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.PoiTappedEvent;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StructureBreakEvent;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.ConfidenceScore;

/**
 * Writes a run's events as one CSV file per {@link StrategyEventKind} ({@code swing_5m.csv}, {@code
 * swing_15m.csv}, {@code structure_break.csv}, {@code impulse_leg.csv}, {@code fvg_5m.csv}, {@code
 * fvg_15m.csv}, {@code poi.csv}, {@code entry_signal.csv}), one row per event in the order the
 * engine reported them, each file with its header even when empty.
 *
 * <p>Every row starts with the event's stamps: {@code origin_index, origin_time, known_at_index,
 * known_at_time, known_at_5m_index}. Indices count bars of the event's own timeframe from 0 (5m for
 * swings/gaps of 5m, taps and signals; 15m otherwise); origin times are bar open times, known-at
 * times bar close times, both ISO-8601 UTC ({@code 2025-01-01T00:15:00Z}). Prices are written in
 * their shortest exact decimal form, never in exponent notation; booleans as {@code true/false}.
 */
public final class EventCsvWriter {

  private static final String STAMPS =
      "origin_index,origin_time,known_at_index,known_at_time,known_at_5m_index";

  private static final Map<StrategyEventKind, String> HEADERS =
      new EnumMap<>(StrategyEventKind.class);

  static {
    String swing = STAMPS + ",timeframe,type,price";
    HEADERS.put(StrategyEventKind.SWING_5M, swing);
    HEADERS.put(StrategyEventKind.SWING_15M, swing);
    HEADERS.put(
        StrategyEventKind.STRUCTURE_BREAK,
        STAMPS
            + ",direction,type,level,swing_index,swing_time,close,atr,decisive,close_minus_level_atr");
    HEADERS.put(
        StrategyEventKind.IMPULSE_LEG,
        STAMPS
            + ",change,frozen,leg_id,direction,break_type,broken_level,broken_swing_index"
            + ",decisive_break,break_index,start_index,start_time,start_price,end_index,end_time"
            + ",end_price,fib_zone_start_price,fib_golden_price,fib_zone_end_price");
    String fvg = STAMPS + ",timeframe,change,direction,bottom,top,size,middle_index";
    HEADERS.put(StrategyEventKind.FVG_5M, fvg);
    HEADERS.put(StrategyEventKind.FVG_15M, fvg);
    HEADERS.put(
        StrategyEventKind.POI,
        STAMPS
            + ",change,poi_id,direction,bottom,top,death_reason,tap_price,fvg_origin_index"
            + ",fvg_origin_time,fvg_bottom,fvg_top,leg_id,leg_start_price,leg_end_price,armed_index"
            + ",armed_time,armed_5m_index,atr_at_arming,golden_pocket,structure_retest");
    HEADERS.put(
        StrategyEventKind.ENTRY_SIGNAL,
        STAMPS
            + ",signal_id,side,trigger,order_type,entry,stop,target,second_target,risk"
            + ",score,score_decisive_break,score_poi_has_fvg,score_golden_pocket"
            + ",score_structure_retest,score_displacement,poi_id,poi_bottom,poi_top,leg_id"
            + ",tap_index,tap_time,trigger_level,trigger_origin_index,atr");
  }

  private EventCsvWriter() {}

  /**
   * Returns the file name of an event kind, e.g. {@code fvg_15m.csv}.
   *
   * @param kind the kind
   * @return the file name
   */
  public static String fileName(StrategyEventKind kind) {
    return kind.name().toLowerCase(Locale.ROOT) + ".csv";
  }

  /**
   * Returns the header line (without line end) of an event kind's file.
   *
   * @param kind the kind
   * @return the header
   */
  public static String header(StrategyEventKind kind) {
    return HEADERS.get(kind);
  }

  /**
   * Writes the events into {@code dir} (created when missing), replacing existing files.
   *
   * @param dir the output folder
   * @param events the events in reported order
   * @return the number of rows written per kind (every kind present)
   * @throws UncheckedIOException when a file cannot be written; the message names it
   */
  public static Map<StrategyEventKind, Integer> write(Path dir, List<StrategyEvent> events) {
    Map<StrategyEventKind, BufferedWriter> writers = new EnumMap<>(StrategyEventKind.class);
    Map<StrategyEventKind, Integer> counts = new EnumMap<>(StrategyEventKind.class);
    Path current = dir;
    try {
      Files.createDirectories(dir);
      for (StrategyEventKind kind : StrategyEventKind.values()) {
        current = dir.resolve(fileName(kind));
        BufferedWriter w = Files.newBufferedWriter(current, StandardCharsets.UTF_8);
        writers.put(kind, w);
        w.write(HEADERS.get(kind));
        w.write('\n');
        counts.put(kind, 0);
      }
      Map<String, Boolean> frozen = new HashMap<>();
      StringBuilder row = new StringBuilder(512);
      for (StrategyEvent e : events) {
        StrategyEventKind kind = StrategyEventKind.of(e);
        current = dir.resolve(fileName(kind));
        row.setLength(0);
        stamps(row, e);
        fields(row, e, frozen);
        row.append('\n');
        writers.get(kind).append(row);
        counts.merge(kind, 1, Integer::sum);
      }
      for (Map.Entry<StrategyEventKind, BufferedWriter> w : writers.entrySet()) {
        current = dir.resolve(fileName(w.getKey()));
        w.getValue().close();
      }
      writers.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + current + ": " + e.getMessage(), e);
    } finally {
      for (BufferedWriter w : writers.values()) {
        try {
          w.close();
        } catch (IOException suppressed) {
          // The first failure is the one reported; closing the others only frees their handles.
        }
      }
    }
    return counts;
  }

  private static void stamps(StringBuilder row, StrategyEvent e) {
    row.append(e.originIndex())
        .append(',')
        .append(time(e.originTimeMillis()))
        .append(',')
        .append(e.knownAtIndex())
        .append(',')
        .append(time(e.knownAtTimeMillis()))
        .append(',')
        .append(e.knownAt5mIndex());
  }

  private static void fields(StringBuilder row, StrategyEvent event, Map<String, Boolean> frozen) {
    switch (event) {
      case SwingPointEvent s ->
          row.append(',')
              .append(s.timeframe().label())
              .append(',')
              .append(s.type())
              .append(',')
              .append(price(s.price()));
      case StructureBreakEvent b ->
          row.append(',')
              .append(b.direction())
              .append(',')
              .append(b.type())
              .append(',')
              .append(price(b.level()))
              .append(',')
              .append(b.swingIndex())
              .append(',')
              .append(time(b.swingTimeMillis()))
              .append(',')
              .append(price(b.close()))
              .append(',')
              .append(price(b.atr()))
              .append(',')
              .append(b.decisive())
              .append(',')
              .append(price(b.direction().sign() * (b.close() - b.level()) / b.atr()));
      case ImpulseLegEvent l -> {
        ImpulseLeg leg = l.leg();
        boolean isFrozen =
            l.change() == LegChange.REPLACED
                ? frozen.getOrDefault(leg.id(), false)
                : l.change().isFreeze();
        if (l.change() == LegChange.REPLACED) {
          frozen.remove(leg.id());
        } else {
          frozen.put(leg.id(), isFrozen);
        }
        row.append(',')
            .append(l.change())
            .append(',')
            .append(isFrozen)
            .append(',')
            .append(leg.id())
            .append(',')
            .append(leg.direction())
            .append(',')
            .append(leg.breakType())
            .append(',')
            .append(price(leg.brokenLevel()))
            .append(',')
            .append(leg.brokenSwingIndex())
            .append(',')
            .append(leg.decisiveBreak())
            .append(',')
            .append(leg.breakIndex())
            .append(',')
            .append(leg.startIndex())
            .append(',')
            .append(time(leg.startTimeMillis()))
            .append(',')
            .append(price(leg.startPrice()))
            .append(',')
            .append(leg.endIndex())
            .append(',')
            .append(time(leg.endTimeMillis()))
            .append(',')
            .append(price(leg.endPrice()))
            .append(',')
            .append(price(leg.zoneStartPrice()))
            .append(',')
            .append(price(leg.goldenPrice()))
            .append(',')
            .append(price(leg.zoneEndPrice()));
      }
      case FairValueGapEvent f -> {
        FairValueGap g = f.gap();
        row.append(',')
            .append(g.timeframe().label())
            .append(',')
            .append(f.change())
            .append(',')
            .append(g.direction())
            .append(',')
            .append(price(g.bottom()))
            .append(',')
            .append(price(g.top()))
            .append(',')
            .append(price(g.size()))
            .append(',')
            .append(g.middleIndex());
      }
      case PoiArmedEvent a -> poi(row, "ARMED", a.poi(), "", "");
      case PoiTappedEvent t -> poi(row, "TAPPED", t.poi(), "", price(t.price()));
      case PoiDeadEvent d -> poi(row, "DEAD", d.poi(), d.reason().name(), "");
      case EntrySignal s -> signal(row, s);
    }
  }

  private static void poi(
      StringBuilder row, String change, PointOfInterest p, String reason, String tapPrice) {
    FairValueGap g = p.fvg();
    row.append(',')
        .append(change)
        .append(',')
        .append(p.id())
        .append(',')
        .append(p.direction())
        .append(',')
        .append(price(p.bottom()))
        .append(',')
        .append(price(p.top()))
        .append(',')
        .append(reason)
        .append(',')
        .append(tapPrice)
        .append(',')
        .append(g.originIndex())
        .append(',')
        .append(time(g.originTimeMillis()))
        .append(',')
        .append(price(g.bottom()))
        .append(',')
        .append(price(g.top()))
        .append(',')
        .append(p.leg().id())
        .append(',')
        .append(price(p.leg().startPrice()))
        .append(',')
        .append(price(p.leg().endPrice()))
        .append(',')
        .append(p.armedIndex())
        .append(',')
        .append(time(p.armedTimeMillis()))
        .append(',')
        .append(p.armed5mIndex())
        .append(',')
        .append(price(p.atrAtArming()))
        .append(',')
        .append(p.goldenPocket())
        .append(',')
        .append(p.structureRetest());
  }

  private static void signal(StringBuilder row, EntrySignal s) {
    ConfidenceScore score = s.score();
    OptionalDouble second = s.secondTarget();
    row.append(',')
        .append(s.id())
        .append(',')
        .append(s.side())
        .append(',')
        .append(s.trigger())
        .append(',')
        .append(s.orderType())
        .append(',')
        .append(price(s.entry()))
        .append(',')
        .append(price(s.stop()))
        .append(',')
        .append(price(s.target()))
        .append(',')
        .append(second.isPresent() ? price(second.getAsDouble()) : "")
        .append(',')
        .append(price(s.risk()))
        .append(',')
        .append(score.total())
        .append(',')
        .append(score.decisiveBreak())
        .append(',')
        .append(score.poiHasFvg())
        .append(',')
        .append(score.goldenPocket())
        .append(',')
        .append(score.structureRetest())
        .append(',')
        .append(score.displacement())
        .append(',')
        .append(s.poiId())
        .append(',')
        .append(price(s.poi().bottom()))
        .append(',')
        .append(price(s.poi().top()))
        .append(',')
        .append(s.poi().leg().id())
        .append(',')
        .append(s.tapIndex())
        .append(',')
        .append(time(s.tapTimeMillis()))
        .append(',')
        .append(price(s.triggerLevel()))
        .append(',')
        .append(s.triggerOriginIndex())
        .append(',')
        .append(price(s.atr()));
  }

  private static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  /** The shortest decimal that reads back as the same double, never in exponent notation. */
  public static String price(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
