package org.smc4j.cli.detect;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import org.smc4j.app.detect.DetectResult;
import org.smc4j.app.detect.EventCsvWriter;
import org.smc4j.app.detect.SymbolDetection;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.validate.ValidationReport;

/** Prints what {@code detect} found: the notes, warnings and failures, each symbol, a summary. */
final class DetectPrinter {

  private DetectPrinter() {}

  static void print(PrintWriter stdout, PrintWriter err, DetectResult result) {
    result.skipped().forEach(f -> stdout.println("note: skipped " + f + ": not a 5m file"));
    result.warnings().forEach(w -> err.println("warning: " + w));
    result.failures().forEach((s, m) -> err.println("failed: " + s + ": " + m));
    result.symbols().forEach(d -> print(stdout, d));
    int symbols = result.symbols().size() + result.failures().size();
    stdout.printf(
        "== summary: %d symbol%s, %d failed; %d 5m bars; events: %s; %d ms%n",
        symbols,
        symbols == 1 ? "" : "s",
        result.failures().size(),
        result.totalBars(),
        kinds(result.totals()),
        result.elapsed().toMillis());
    stdout.flush();
  }

  static void print(PrintWriter stdout, SymbolDetection d) {
    ValidationReport r = d.report();
    stdout.printf(
        "== %s: %d file%s, %d rows read, %d 5m bars (%s .. %s), gaps %d (%d missing bars),"
            + " dropped rows %d, zero-volume bars %d%n",
        d.symbol(),
        r.files().size(),
        r.files().size() == 1 ? "" : "s",
        r.rowsRead(),
        r.barsKept(),
        r.firstOpenTime().map(Instant::toString).orElse("-"),
        r.lastOpenTime().map(Instant::toString).orElse("-"),
        r.gaps().size(),
        r.missingBars(),
        r.problems().size(),
        r.zeroVolumeBars().size());
    if (d.context().isPresent()) {
      ValidationReport c = d.context().get();
      stdout.printf(
          "   15m context: supplied, %d file%s, %d bars, %d applied; gaps %d, dropped rows %d%n",
          c.files().size(),
          c.files().size() == 1 ? "" : "s",
          c.barsKept(),
          d.contextBars(),
          c.gaps().size(),
          c.problems().size());
    } else {
      stdout.printf("   15m context: derived from 5m, %d bars%n", d.contextBars());
    }
    stdout.printf(
        "   tick size %s (%s)%n",
        EventCsvWriter.price(d.tickSize()),
        d.tickGiven() ? "given" : "inferred from the price decimals");
    stdout.printf("   events: %s%n", describe(d));
    stdout.printf(
        "   time: read %d ms, engine %d ms (%d ns per 5m bar), write %d ms; out %s%n",
        d.read().toMillis(),
        d.engine().toMillis(),
        d.engine().toNanos() / d.bars(),
        d.write().toMillis(),
        d.dir());
  }

  private static String describe(SymbolDetection d) {
    long longs = d.signals().stream().filter(s -> s.side() == Side.LONG).count();
    StringBuilder sb = new StringBuilder();
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(label(kind)).append(' ');
      sb.append(d.counts().get(kind));
      if (kind == StrategyEventKind.POI) {
        sb.append(" (armed ").append(d.poiArmed()).append(", tapped ").append(d.poiTapped());
        sb.append(", dead ").append(d.poiDead()).append(')');
      } else if (kind == StrategyEventKind.ENTRY_SIGNAL) {
        sb.append(" (long ").append(longs).append(", short ");
        sb.append(d.signals().size() - longs).append(')');
      }
    }
    return sb.toString();
  }

  static String kinds(Map<StrategyEventKind, Long> totals) {
    StringBuilder kinds = new StringBuilder();
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      kinds.append(kinds.isEmpty() ? "" : ", ").append(label(kind)).append(' ');
      kinds.append(totals.getOrDefault(kind, 0L));
    }
    return kinds.toString();
  }

  private static String label(StrategyEventKind kind) {
    String file = EventCsvWriter.fileName(kind);
    return file.substring(0, file.length() - ".csv".length());
  }
}
