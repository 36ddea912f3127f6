package org.smc4j.marketdata.csv;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.internal.AsciiFieldParser;
import org.smc4j.marketdata.csv.internal.CsvBytes;
import org.smc4j.marketdata.validate.CandleValidator;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.PriceOutlierRule;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.RawCandles;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationMode;

/**
 * Reads candle CSV files of every {@link CsvFormat} smc4j knows (the format comes from the header)
 * into a validated {@link org.smc4j.core.bar.BarArrays} series.
 *
 * <p>Many files (e.g. monthly archives) load as one series: they are ordered by their first open
 * time, and continuity, duplicates and overlaps are checked across file boundaries by {@link
 * CandleValidator}. The timeframe is the one given with {@link #withTimeframe}, else inferred from
 * the data: Binance {@code close_time - open_time + 1}, else the most common step between rows,
 * else (one row per file) a token of the file name such as {@code 5m} in {@code
 * BTCUSDT-5m-2025-01.csv}.
 *
 * <p>Parsing is hand-written over the file's bytes (no regular expressions, no per-line strings or
 * objects): this is the hot path of every backtest. Only the columns smc4j uses are parsed (open
 * time, OHLCV and the Binance close time); the other Binance columns are only counted.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CandleCsvReader {

  /** Lenient reading with an inferred timeframe: invalid rows are dropped and listed. */
  public static final CandleCsvReader LENIENT = new CandleCsvReader(ValidationMode.LENIENT, null);

  /** Strict reading with an inferred timeframe: the first problem fails the read. */
  public static final CandleCsvReader STRICT = new CandleCsvReader(ValidationMode.STRICT, null);

  private final ValidationMode mode;
  private final Timeframe timeframe;
  private final PriceOutlierRule outliers;

  private CandleCsvReader(ValidationMode mode, Timeframe timeframe) {
    this(mode, timeframe, PriceOutlierRule.DEFAULT);
  }

  private CandleCsvReader(ValidationMode mode, Timeframe timeframe, PriceOutlierRule outliers) {
    this.mode = mode;
    this.timeframe = timeframe;
    this.outliers = outliers;
  }

  /**
   * Returns a reader in the given mode with an inferred timeframe.
   *
   * @param mode strict or lenient
   * @return the reader
   */
  public static CandleCsvReader of(ValidationMode mode) {
    return new CandleCsvReader(Objects.requireNonNull(mode, "mode"), null);
  }

  /**
   * Returns a copy that uses the given timeframe instead of inferring it.
   *
   * @param timeframe the series' timeframe
   * @return the reader
   */
  public CandleCsvReader withTimeframe(Timeframe timeframe) {
    return new CandleCsvReader(mode, Objects.requireNonNull(timeframe, "timeframe"), outliers);
  }

  /**
   * Returns a copy that checks price outliers with the given rule instead of {@link
   * PriceOutlierRule#DEFAULT}.
   *
   * @param rule the outlier rule ({@link PriceOutlierRule#OFF} for none)
   * @return the reader
   */
  public CandleCsvReader withOutlierRule(PriceOutlierRule rule) {
    return new CandleCsvReader(mode, timeframe, Objects.requireNonNull(rule, "rule"));
  }

  /** Returns the price-outlier rule. */
  public PriceOutlierRule outlierRule() {
    return outliers;
  }

  /** Returns the validation mode. */
  public ValidationMode mode() {
    return mode;
  }

  /** Returns the timeframe set with {@link #withTimeframe}, or empty when it is inferred. */
  public Optional<Timeframe> timeframe() {
    return Optional.ofNullable(timeframe);
  }

  /**
   * Reads one candle file.
   *
   * @param file a candle CSV file
   * @return the valid bars and the validation report
   * @throws MarketDataException when the file cannot be read, is empty, has an unknown header or
   *     its timeframe cannot be inferred; a {@link
   *     org.smc4j.marketdata.validate.DataProblemException} in strict mode for the first problem
   */
  public ValidatedCandles read(Path file) {
    return read(List.of(Objects.requireNonNull(file, "file")));
  }

  /**
   * Reads several candle files as one series (ordered by their first open time).
   *
   * @param files candle CSV files, of one timeframe
   * @return the valid bars and the validation report
   * @throws MarketDataException as {@link #read(Path)}; also when {@code files} is empty
   */
  public ValidatedCandles read(Collection<Path> files) {
    Objects.requireNonNull(files, "files");
    if (files.isEmpty()) {
      throw new MarketDataException("no candle files given");
    }
    List<RawCandles> raw = new ArrayList<>(files.size());
    for (Path f : files) {
      raw.add(readRaw(f));
    }
    Timeframe tf = timeframe != null ? timeframe : inferTimeframe(raw);
    return CandleValidator.validate(raw, tf, mode, outliers);
  }

  /**
   * Reads the rows of one candle file without validating them: rows that cannot be parsed (wrong
   * column count, truncated line, text in a number, bad time) are listed, every other row is kept
   * as it is.
   *
   * @param file a candle CSV file
   * @return the raw rows
   * @throws MarketDataException when the file cannot be read, is empty or has an unknown or
   *     non-candle header
   */
  public static RawCandles readRaw(Path file) {
    CsvBytes csv = CsvBytes.read(file);
    CsvFormat format =
        CsvFormat.fromHeader(csv.header())
            .orElseThrow(
                () ->
                    new MarketDataException(
                        csv.source()
                            + ":1: header: unknown CSV format '"
                            + csv.header()
                            + "'; expected one of: "
                            + CsvFormat.knownHeaders()));
    if (!format.isCandles()) {
      throw new MarketDataException(
          csv.source() + ":1: header: '" + csv.header() + "' is a funding-rate file, not candles");
    }
    return parse(csv, format);
  }

  private static RawCandles parse(CsvBytes csv, CsvFormat format) {
    final byte[] b = csv.bytesUnsafe();
    final int capacity = csv.maxDataLines();
    final boolean binance = format == CsvFormat.BINANCE_KLINE;
    final int columns = format.columns().size();
    final List<String> names = format.columns();
    final String source = csv.source();
    long[] time = new long[capacity];
    long[] closeTime = binance ? new long[capacity] : new long[0];
    double[] open = new double[capacity];
    double[] high = new double[capacity];
    double[] low = new double[capacity];
    double[] close = new double[capacity];
    double[] volume = new double[capacity];
    int[] lines = new int[capacity];
    List<DataProblem> unreadable = new ArrayList<>();
    AsciiFieldParser p = new AsciiFieldParser();
    // starts[k] and ends[k] bound field k; one extra slot detects too many columns.
    int[] starts = new int[columns + 1];
    int[] ends = new int[columns + 1];

    int n = 0;
    int rowsRead = 0;
    int line = 1;
    int pos = csv.dataStart();
    final int len = b.length;
    while (pos < len) {
      line++;
      int eol = CsvBytes.lineEnd(b, pos);
      int end = eol > pos && b[eol - 1] == '\r' ? eol - 1 : eol;
      int lineStart = pos;
      pos = eol + 1;
      rowsRead++;
      if (end == lineStart) {
        unreadable.add(malformed(source, line, "row", "empty line"));
        continue;
      }
      int fields = 0;
      int fieldStart = lineStart;
      for (int i = lineStart; i < end; i++) {
        if (b[i] == ',') {
          if (fields < starts.length) {
            starts[fields] = fieldStart;
            ends[fields] = i;
          }
          fields++;
          fieldStart = i + 1;
        }
      }
      if (fields < starts.length) {
        starts[fields] = fieldStart;
        ends[fields] = end;
      }
      fields++;
      if (fields != columns) {
        unreadable.add(
            malformed(
                source,
                line,
                "row",
                "expected "
                    + columns
                    + " columns, found "
                    + fields
                    + (fields < columns ? " (truncated line?)" : "")));
        continue;
      }
      long t =
          binance
              ? p.parseEpochMillis(b, starts[0], ends[0])
              : p.parseDateTime(b, starts[0], ends[0]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(0), p.error()));
        continue;
      }
      double o = p.parseDouble(b, starts[1], ends[1]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(1), p.error()));
        continue;
      }
      double h = p.parseDouble(b, starts[2], ends[2]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(2), p.error()));
        continue;
      }
      double l = p.parseDouble(b, starts[3], ends[3]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(3), p.error()));
        continue;
      }
      double c = p.parseDouble(b, starts[4], ends[4]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(4), p.error()));
        continue;
      }
      double v = p.parseDouble(b, starts[5], ends[5]);
      if (p.failed()) {
        unreadable.add(malformed(source, line, names.get(5), p.error()));
        continue;
      }
      if (binance) {
        long ct = p.parseEpochMillis(b, starts[6], ends[6]);
        if (p.failed()) {
          unreadable.add(malformed(source, line, names.get(6), p.error()));
          continue;
        }
        closeTime[n] = ct;
      }
      time[n] = t;
      open[n] = o;
      high[n] = h;
      low[n] = l;
      close[n] = c;
      volume[n] = v;
      lines[n] = line;
      n++;
    }
    return RawCandles.ofUnsafe(
        csv.file(),
        n,
        rowsRead,
        time,
        closeTime,
        open,
        high,
        low,
        close,
        volume,
        lines,
        unreadable);
  }

  private static DataProblem malformed(String source, int line, String field, String message) {
    return new DataProblem(
        source, line, field, message, ProblemKind.MALFORMED_ROW, Optional.<Instant>empty());
  }

  /**
   * Infers the timeframe of a series from its rows: the Binance close time of the first row ({@code
   * close_time - open_time + 1}) when every file has one; else the most common positive step
   * between consecutive rows of a file; else a timeframe token in a file name ({@code 5m} in {@code
   * BTCUSDT-5m-2025-01.csv} or {@code DOGEUSDT_1m.csv}).
   *
   * @param files the files' rows
   * @return the timeframe
   * @throws MarketDataException when none of these gives a timeframe (e.g. one row and no timeframe
   *     in the name); the message says to pass one
   */
  public static Timeframe inferTimeframe(List<RawCandles> files) {
    Objects.requireNonNull(files, "files");
    Optional<Timeframe> fromCloseTime = fromCloseTime(files);
    if (fromCloseTime.isPresent()) {
      return fromCloseTime.get();
    }
    Optional<Timeframe> fromSteps = fromSteps(files);
    if (fromSteps.isPresent()) {
      return fromSteps.get();
    }
    for (RawCandles f : files) {
      Optional<Timeframe> fromName = timeframeInFileName(f.source());
      if (fromName.isPresent()) {
        return fromName.get();
      }
    }
    String names = files.stream().map(RawCandles::source).toList().toString();
    throw new MarketDataException(
        "cannot infer the timeframe of "
            + names
            + ": fewer than two rows per file and no timeframe (like 5m) in the file name; pass"
            + " the timeframe explicitly");
  }

  private static Optional<Timeframe> fromCloseTime(List<RawCandles> files) {
    if (files.isEmpty()) {
      return Optional.empty();
    }
    for (RawCandles f : files) {
      if (!f.hasCloseTime() || f.size() == 0) {
        return Optional.empty();
      }
    }
    RawCandles first = files.get(0);
    long millis = first.closeTimeMillisUnsafe()[0] - first.openTimeMillisUnsafe()[0] + 1;
    return asTimeframe(millis);
  }

  private static Optional<Timeframe> fromSteps(List<RawCandles> files) {
    int count = 0;
    for (RawCandles f : files) {
      count += Math.max(0, f.size() - 1);
    }
    long[] steps = new long[count];
    int k = 0;
    for (RawCandles f : files) {
      long[] t = f.openTimeMillisUnsafe();
      for (int i = 1; i < f.size(); i++) {
        long step = t[i] - t[i - 1];
        if (step > 0) {
          steps[k++] = step;
        }
      }
    }
    if (k == 0) {
      return Optional.empty();
    }
    // Usually one step dominates: count it first and sort only when it does not.
    long candidate = steps[0];
    int same = 0;
    for (int i = 0; i < k; i++) {
      if (steps[i] == candidate) {
        same++;
      }
    }
    if (same * 2 > k) {
      return asTimeframe(candidate);
    }
    long[] sorted = Arrays.copyOf(steps, k);
    Arrays.sort(sorted);
    long best = sorted[0];
    int bestRun = 0;
    int run = 0;
    for (int i = 0; i < k; i++) {
      run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
      if (run > bestRun) {
        bestRun = run;
        best = sorted[i];
      }
    }
    return asTimeframe(best);
  }

  private static Optional<Timeframe> asTimeframe(long millis) {
    if (millis <= 0 || millis % 1000 != 0) {
      return Optional.empty();
    }
    return Optional.of(new Timeframe(millis));
  }

  /**
   * Finds a timeframe token in a file name: a part between {@code -}, {@code _} or {@code .} that
   * is digits followed by {@code s}, {@code m}, {@code h} or {@code d} (e.g. {@code 5m}, {@code
   * 15m}, {@code 1h}).
   *
   * @param fileName the file name
   * @return the timeframe, or empty when the name has no such token
   */
  public static Optional<Timeframe> timeframeInFileName(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    int start = 0;
    int n = fileName.length();
    for (int i = 0; i <= n; i++) {
      if (i == n
          || fileName.charAt(i) == '-'
          || fileName.charAt(i) == '_'
          || fileName.charAt(i) == '.') {
        if (isTimeframeToken(fileName, start, i)) {
          return Optional.of(Timeframe.parse(fileName.substring(start, i)));
        }
        start = i + 1;
      }
    }
    return Optional.empty();
  }

  private static boolean isTimeframeToken(String s, int from, int to) {
    if (to - from < 2 || to - from > 6) {
      return false;
    }
    char unit = s.charAt(to - 1);
    if (unit != 's' && unit != 'm' && unit != 'h' && unit != 'd') {
      return false;
    }
    for (int i = from; i < to - 1; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return s.charAt(from) != '0';
  }
}
