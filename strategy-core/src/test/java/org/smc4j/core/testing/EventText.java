package org.smc4j.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.FairValueGapEvent;
import org.smc4j.core.engine.ImpulseLegEvent;
import org.smc4j.core.engine.PoiArmedEvent;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.PoiTappedEvent;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StructureBreakEvent;
import org.smc4j.core.engine.SwingPointEvent;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fvg.FairValueGap;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.ConfidenceScore;

/**
 * The canonical one-line text of a strategy event, for golden files: every field that defines the
 * event, times as ISO instants, prices as Java's shortest round-trip decimal ({@link
 * Double#toString}), so two runs give the same text exactly when they give equal events.
 */
public final class EventText {

  private EventText() {}

  /**
   * Returns the canonical line of an event.
   *
   * @param e the event
   * @return one line, no line break
   */
  public static String line(StrategyEvent e) {
    String stamp =
        e.timeframe()
            + " origin="
            + e.originIndex()
            + "@"
            + t(e.originTimeMillis())
            + " known="
            + e.knownAtIndex()
            + "@"
            + t(e.knownAtTimeMillis())
            + " at5m="
            + e.knownAt5mIndex();
    return switch (e) {
      case SwingPointEvent s -> "SWING " + s.type() + " " + stamp + " price=" + s.price();
      case StructureBreakEvent b ->
          "BREAK "
              + b.direction()
              + " "
              + b.type()
              + " "
              + stamp
              + " level="
              + b.level()
              + " swing="
              + b.swingIndex()
              + "@"
              + t(b.swingTimeMillis())
              + " close="
              + b.close()
              + " atr="
              + b.atr()
              + " decisive="
              + b.decisive();
      case ImpulseLegEvent l -> "LEG " + l.change() + " " + stamp + " " + leg(l.leg());
      case FairValueGapEvent f -> "FVG " + f.change() + " " + stamp + " " + gap(f.gap());
      case PoiArmedEvent a -> "POI ARMED " + stamp + " " + poi(a.poi());
      case PoiTappedEvent p ->
          "POI TAPPED " + stamp + " id=" + p.poi().id() + " price=" + p.price();
      case PoiDeadEvent d -> "POI DEAD " + d.reason() + " " + stamp + " id=" + d.poi().id();
      case EntrySignal s ->
          "SIGNAL "
              + s.side()
              + " "
              + s.trigger()
              + " "
              + s.orderType()
              + " "
              + stamp
              + " id="
              + s.id()
              + " entry="
              + s.entry()
              + " stop="
              + s.stop()
              + " target="
              + s.target()
              + " second="
              + (s.secondTarget().isPresent() ? s.secondTarget().getAsDouble() : "-")
              + " score="
              + score(s.score())
              + " poi="
              + s.poiId()
              + " tap="
              + s.tapIndex()
              + "@"
              + t(s.tapTimeMillis())
              + " trigger="
              + s.triggerLevel()
              + "@"
              + s.triggerOriginIndex()
              + " atr="
              + s.atr();
    };
  }

  /**
   * Returns the SHA-256 (hex) of the canonical lines, each followed by a line feed.
   *
   * @param events the events in order
   * @return 64 hex digits
   */
  public static String sha256(List<StrategyEvent> events) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (StrategyEvent e : events) {
      digest.update((line(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String t(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static String leg(ImpulseLeg l) {
    return "id="
        + l.id()
        + " "
        + l.direction()
        + " "
        + l.breakType()
        + " broken="
        + l.brokenLevel()
        + "@"
        + l.brokenSwingIndex()
        + " decisive="
        + l.decisiveBreak()
        + " break="
        + l.breakIndex()
        + " start="
        + l.startPrice()
        + "@"
        + l.startIndex()
        + " end="
        + l.endPrice()
        + "@"
        + l.endIndex()
        + " fib="
        + l.zoneStartPrice()
        + "/"
        + l.goldenPrice()
        + "/"
        + l.zoneEndPrice();
  }

  private static String gap(FairValueGap g) {
    return g.direction() + " [" + g.bottom() + ", " + g.top() + "]";
  }

  private static String poi(PointOfInterest p) {
    return "id="
        + p.id()
        + " "
        + p.direction()
        + " ["
        + p.bottom()
        + ", "
        + p.top()
        + "] fvg="
        + gap(p.fvg())
        + "@"
        + p.fvg().originIndex()
        + " leg="
        + p.leg().id()
        + " atr="
        + p.atrAtArming()
        + " golden="
        + p.goldenPocket()
        + " retest="
        + p.structureRetest();
  }

  private static String score(ConfidenceScore s) {
    return s.total()
        + " ("
        + bit(s.decisiveBreak())
        + bit(s.poiHasFvg())
        + bit(s.goldenPocket())
        + bit(s.structureRetest())
        + bit(s.displacement())
        + ")";
  }

  private static char bit(boolean b) {
    return b ? '1' : '0';
  }
}
