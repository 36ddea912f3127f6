package org.smc4j.marketdata.validate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;

/**
 * Checks raw candle rows of one series (one or more files) and builds the valid {@link BarArrays}.
 *
 * <p>Files are put in order of their first open time and read as one series, so continuity is
 * checked across file boundaries; an overlap between files shows up as duplicate or out-of-order
 * rows, never silently merged. Per row, in this order: unreadable rows, non-finite values,
 * non-positive prices or negative volume, OHLC violations, a Binance close time that does not fit
 * the timeframe, an open time off the timeframe's grid, a duplicate or out-of-order open time. Such
 * a row is a problem: {@link ValidationMode#STRICT} fails on the first one, {@link
 * ValidationMode#LENIENT} drops the row and lists it. Missing bars between kept bars are reported
 * as {@link Gap}s (strict fails on them too) and never filled. Zero-volume bars are kept and listed
 * as warnings in both modes.
 *
 * <p>Then, over the bars that passed, a {@link PriceOutlierRule} looks for bad prices: a bar whose
 * range or jump is far outside its neighbours' is a {@link ProblemKind#PRICE_OUTLIER}, dropped and
 * listed (lenient) or the failure (strict), like any other problem. Gaps are reported over the bars
 * that remain, so a dropped row or outlier leaves a reported one-bar gap.
 */
public final class CandleValidator {

  private CandleValidator() {}

  /**
   * Validates the rows of one series with the {@link PriceOutlierRule#DEFAULT default} outlier
   * rule.
   *
   * @param files the files' rows, in any order
   * @param timeframe the series' timeframe
   * @param mode strict or lenient
   * @return the valid bars and the report
   * @throws DataProblemException in strict mode, for the first problem or gap in series order
   */
  public static ValidatedCandles validate(
      List<RawCandles> files, Timeframe timeframe, ValidationMode mode) {
    return validate(files, timeframe, mode, PriceOutlierRule.DEFAULT);
  }

  /**
   * Validates the rows of one series.
   *
   * @param files the files' rows, in any order
   * @param timeframe the series' timeframe
   * @param mode strict or lenient
   * @param outliers when a bar's prices are implausible next to its neighbours'
   * @return the valid bars and the report
   * @throws DataProblemException in strict mode, for the first problem or gap in series order
   */
  public static ValidatedCandles validate(
      List<RawCandles> files, Timeframe timeframe, ValidationMode mode, PriceOutlierRule outliers) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(outliers, "outliers");
    List<RawCandles> ordered = inSeriesOrder(files);
    int capacity = 0;
    int rowsRead = 0;
    for (RawCandles f : ordered) {
      capacity += f.size();
      rowsRead += f.rowsRead();
    }
    final long step = timeframe.millis();
    long[] outTime = new long[capacity];
    double[] outOpen = new double[capacity];
    double[] outHigh = new double[capacity];
    double[] outLow = new double[capacity];
    double[] outClose = new double[capacity];
    double[] outVolume = new double[capacity];
    // Where each kept bar comes from, for the outlier, gap and zero-volume messages.
    final int[] keptFile = new int[capacity];
    final int[] keptLine = new int[capacity];
    int kept = 0;
    List<List<DataProblem>> problemsByFile = new ArrayList<>(ordered.size());

    for (int fileIndex = 0; fileIndex < ordered.size(); fileIndex++) {
      RawCandles f = ordered.get(fileIndex);
      final String source = f.source();
      final int n = f.size();
      final long[] time = f.openTimeMillisUnsafe();
      final long[] closeTime = f.closeTimeMillisUnsafe();
      final boolean hasCloseTime = f.hasCloseTime();
      final double[] open = f.openUnsafe();
      final double[] high = f.highUnsafe();
      final double[] low = f.lowUnsafe();
      final double[] close = f.closeUnsafe();
      final double[] volume = f.volumeUnsafe();
      final int[] lines = f.linesUnsafe();
      List<DataProblem> fileProblems = new ArrayList<>(f.unreadableRows());
      for (int i = 0; i < n; i++) {
        final long t = time[i];
        final double o = open[i];
        final double h = high[i];
        final double l = low[i];
        final double c = close[i];
        final double v = volume[i];
        final int line = lines[i];
        // Fast check first: the slow path below builds the message only for bad rows.
        boolean valuesOk =
            l > 0 && v >= 0 && h >= l && o >= l && o <= h && c >= l && c <= h && h < INF && v < INF;
        if (!valuesOk) {
          fileProblems.add(valueProblem(source, line, t, o, h, l, c, v));
          continue;
        }
        if (hasCloseTime && closeTime[i] != t + step - 1) {
          fileProblems.add(
              new DataProblem(
                  source,
                  line,
                  "close_time",
                  closeTime[i] + " is not open_time + " + timeframe + " - 1 ms = " + (t + step - 1),
                  ProblemKind.CLOSE_TIME_MISMATCH,
                  Optional.of(Instant.ofEpochMilli(t))));
          continue;
        }
        if (Math.floorMod(t, step) != 0) {
          fileProblems.add(
              new DataProblem(
                  source,
                  line,
                  "open_time",
                  Instant.ofEpochMilli(t)
                      + " is not on the "
                      + timeframe
                      + " grid (bars start at multiples of "
                      + timeframe
                      + " from 00:00 UTC)",
                  ProblemKind.OFF_GRID,
                  Optional.of(Instant.ofEpochMilli(t))));
          continue;
        }
        if (kept > 0) {
          long prev = outTime[kept - 1];
          if (t == prev) {
            fileProblems.add(
                new DataProblem(
                    source,
                    line,
                    "open_time",
                    Instant.ofEpochMilli(t)
                        + " duplicates "
                        + where(ordered, keptFile[kept - 1], keptLine[kept - 1], source),
                    ProblemKind.DUPLICATE_TIME,
                    Optional.of(Instant.ofEpochMilli(t))));
            continue;
          }
          if (t < prev) {
            fileProblems.add(
                new DataProblem(
                    source,
                    line,
                    "open_time",
                    Instant.ofEpochMilli(t)
                        + " is before the previous bar "
                        + Instant.ofEpochMilli(prev)
                        + " ("
                        + where(ordered, keptFile[kept - 1], keptLine[kept - 1], source)
                        + ")",
                    ProblemKind.OUT_OF_ORDER,
                    Optional.of(Instant.ofEpochMilli(t))));
            continue;
          }
        }
        outTime[kept] = t;
        outOpen[kept] = o;
        outHigh[kept] = h;
        outLow[kept] = l;
        outClose[kept] = c;
        outVolume[kept] = v;
        keptFile[kept] = fileIndex;
        keptLine[kept] = line;
        kept++;
      }
      problemsByFile.add(fileProblems);
    }

    boolean[] outlier =
        PriceOutliers.find(
            outliers,
            step,
            kept,
            outTime,
            outOpen,
            outHigh,
            outLow,
            outClose,
            ordered,
            keptFile,
            keptLine,
            problemsByFile);

    // Drop the outliers, then report gaps and zero-volume bars over the bars that remain.
    int out = 0;
    List<Gap> gaps = new ArrayList<>();
    List<DataProblem> warnings = new ArrayList<>();
    for (int i = 0; i < kept; i++) {
      if (outlier[i]) {
        continue;
      }
      final long t = outTime[i];
      final String source = ordered.get(keptFile[i]).source();
      if (out > 0 && t - outTime[out - 1] > step) {
        long prev = outTime[out - 1];
        gaps.add(
            new Gap(
                Instant.ofEpochMilli(prev + step),
                Instant.ofEpochMilli(t - step),
                (t - prev) / step - 1,
                source,
                keptLine[i]));
      }
      if (outVolume[i] == 0) {
        warnings.add(
            new DataProblem(
                source,
                keptLine[i],
                "volume",
                "zero volume at " + Instant.ofEpochMilli(t) + " (bar kept)",
                ProblemKind.ZERO_VOLUME,
                Optional.of(Instant.ofEpochMilli(t))));
      }
      if (out != i) {
        outTime[out] = t;
        outOpen[out] = outOpen[i];
        outHigh[out] = outHigh[i];
        outLow[out] = outLow[i];
        outClose[out] = outClose[i];
        outVolume[out] = outVolume[i];
        keptFile[out] = keptFile[i];
        keptLine[out] = keptLine[i];
      }
      out++;
    }
    kept = out;

    List<DataProblem> problems = new ArrayList<>();
    for (List<DataProblem> fileProblems : problemsByFile) {
      // Stable: rows of one line keep the order in which they were found.
      fileProblems.sort(Comparator.comparingInt(DataProblem::line));
      problems.addAll(fileProblems);
    }
    if (mode == ValidationMode.STRICT) {
      failOnFirst(ordered, problemsByFile, gaps);
    }

    if (kept != capacity) {
      outTime = Arrays.copyOf(outTime, kept);
      outOpen = Arrays.copyOf(outOpen, kept);
      outHigh = Arrays.copyOf(outHigh, kept);
      outLow = Arrays.copyOf(outLow, kept);
      outClose = Arrays.copyOf(outClose, kept);
      outVolume = Arrays.copyOf(outVolume, kept);
    }
    BarArrays bars =
        BarArrays.wrapUnsafe(timeframe, outTime, outOpen, outHigh, outLow, outClose, outVolume);
    List<Path> paths = ordered.stream().map(RawCandles::file).toList();
    ValidationReport report =
        new ValidationReport(
            paths,
            timeframe,
            rowsRead,
            kept,
            kept == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(outTime[0])),
            kept == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(outTime[kept - 1])),
            gaps,
            problems,
            warnings);
    return new ValidatedCandles(bars, report);
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  /** Files with rows by first open time (stable), then files without a readable row. */
  private static List<RawCandles> inSeriesOrder(List<RawCandles> files) {
    List<RawCandles> withRows = new ArrayList<>();
    List<RawCandles> empty = new ArrayList<>();
    for (RawCandles f : files) {
      Objects.requireNonNull(f, "files contains null");
      (f.size() > 0 ? withRows : empty).add(f);
    }
    withRows.sort(Comparator.comparingLong(f -> f.openTimeMillisUnsafe()[0]));
    withRows.addAll(empty);
    return withRows;
  }

  private static DataProblem valueProblem(
      String source, int line, long t, double o, double h, double l, double c, double v) {
    Optional<Instant> when = Optional.of(Instant.ofEpochMilli(t));
    String text =
        BarArrays.ohlcvProblem(o, h, l, c, v)
            .orElseThrow(() -> new IllegalStateException("row failed the fast check only"));
    ProblemKind kind;
    if (!Double.isFinite(o)
        || !Double.isFinite(h)
        || !Double.isFinite(l)
        || !Double.isFinite(c)
        || !Double.isFinite(v)) {
      kind = ProblemKind.NON_FINITE;
    } else if (l <= 0 || v < 0) {
      kind = ProblemKind.NEGATIVE_VALUE;
    } else {
      kind = ProblemKind.OHLC_VIOLATION;
    }
    // The rule text starts with the field name ("high 99.5 < low 100.1"); split it off so the
    // problem reads "high: 99.5 < low 100.1".
    int space = text.indexOf(' ');
    String field = space > 0 ? text.substring(0, space) : "row";
    String what = space > 0 ? text.substring(space + 1) : text;
    return new DataProblem(source, line, field, what, kind, when);
  }

  private static String where(List<RawCandles> ordered, int prevFile, int prevLine, String source) {
    String prevSource = ordered.get(prevFile).source();
    return prevSource.equals(source) ? "line " + prevLine : prevSource + ":" + prevLine;
  }

  /** Throws for the first problem or gap in series order (file order, then line). */
  private static void failOnFirst(
      List<RawCandles> ordered, List<List<DataProblem>> problemsByFile, List<Gap> gaps) {
    Gap firstGap = gaps.isEmpty() ? null : gaps.get(0);
    int gapFile = -1;
    if (firstGap != null) {
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i).source().equals(firstGap.source())) {
          gapFile = i;
          break;
        }
      }
    }
    for (int i = 0; i < problemsByFile.size(); i++) {
      List<DataProblem> fileProblems = problemsByFile.get(i);
      if (firstGap != null
          && gapFile <= i
          && (gapFile < i
              || fileProblems.isEmpty()
              || firstGap.line() < fileProblems.get(0).line())) {
        throw new DataProblemException(firstGap.toString());
      }
      if (!fileProblems.isEmpty()) {
        throw new DataProblemException(fileProblems.get(0).toString());
      }
    }
    if (firstGap != null) {
      throw new DataProblemException(firstGap.toString());
    }
  }
}
