package org.smc4j.marketdata.funding;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CsvFormat;
import org.smc4j.marketdata.csv.internal.AsciiFieldParser;
import org.smc4j.marketdata.csv.internal.CsvBytes;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.DataProblemException;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.ValidationMode;

/**
 * Reads a funding-rate history file ({@link CsvFormat#FUNDING_RATE}: {@code timestamp,rate}).
 *
 * <p>Timestamps are UTC ({@code 2023-01-01 08:00:00.008}); Binance's {@code fundingTime} carries a
 * few milliseconds of jitter after the settlement, so each time is rounded down to the second.
 * (Rounding down to an 8 h grid instead would silently move a settlement that really happened off
 * schedule; the interval is checked separately with {@link FundingRateHistory#irregularIntervals}.)
 * Rates may be in exponent notation ({@code -4.586e-05}). Unreadable rows, non-finite rates and
 * duplicate or out-of-order times are problems: strict mode fails on the first, lenient mode drops
 * and lists them.
 */
public final class FundingRateCsvReader {

  /** Lenient reading. */
  public static final FundingRateCsvReader LENIENT =
      new FundingRateCsvReader(ValidationMode.LENIENT);

  /** Strict reading. */
  public static final FundingRateCsvReader STRICT = new FundingRateCsvReader(ValidationMode.STRICT);

  private final ValidationMode mode;

  private FundingRateCsvReader(ValidationMode mode) {
    this.mode = mode;
  }

  /**
   * Reads a funding-rate file.
   *
   * @param file the file
   * @return the history and the dropped rows
   * @throws MarketDataException when the file cannot be read, is empty or is not a funding-rate
   *     file; a {@link DataProblemException} for the first problem in strict mode ({@code
   *     file:line: field: what is wrong})
   */
  public FundingRates read(Path file) {
    CsvBytes csv = CsvBytes.read(file);
    if (CsvFormat.fromHeader(csv.header()).orElse(null) != CsvFormat.FUNDING_RATE) {
      throw new MarketDataException(
          csv.source()
              + ":1: header: expected '"
              + CsvFormat.FUNDING_RATE.header()
              + "', found '"
              + csv.header()
              + "'");
    }
    final byte[] b = csv.bytesUnsafe();
    final String source = csv.source();
    int capacity = csv.maxDataLines();
    long[] times = new long[capacity];
    double[] rates = new double[capacity];
    int[] lines = new int[capacity];
    List<DataProblem> problems = new ArrayList<>();
    AsciiFieldParser p = new AsciiFieldParser();
    int n = 0;
    int rowsRead = 0;
    int line = 1;
    int pos = csv.dataStart();
    while (pos < b.length) {
      line++;
      int eol = CsvBytes.lineEnd(b, pos);
      int end = eol > pos && b[eol - 1] == '\r' ? eol - 1 : eol;
      int start = pos;
      pos = eol + 1;
      rowsRead++;
      int comma = -1;
      int commas = 0;
      for (int i = start; i < end; i++) {
        if (b[i] == ',') {
          commas++;
          comma = i;
        }
      }
      if (end == start || commas != 1) {
        problems.add(
            problem(
                source,
                line,
                "row",
                end == start ? "empty line" : "expected 2 columns, found " + (commas + 1),
                ProblemKind.MALFORMED_ROW,
                Long.MIN_VALUE));
        continue;
      }
      long t = p.parseDateTime(b, start, comma);
      if (p.failed()) {
        problems.add(
            problem(
                source, line, "timestamp", p.error(), ProblemKind.MALFORMED_ROW, Long.MIN_VALUE));
        continue;
      }
      long settlement = Math.floorDiv(t, 1000L) * 1000L;
      double rate = p.parseDouble(b, comma + 1, end);
      if (p.failed()) {
        problems.add(
            problem(source, line, "rate", p.error(), ProblemKind.MALFORMED_ROW, settlement));
        continue;
      }
      if (!Double.isFinite(rate)) {
        problems.add(
            problem(
                source,
                line,
                "rate",
                "is not a finite number: " + rate,
                ProblemKind.NON_FINITE,
                settlement));
        continue;
      }
      if (n > 0 && settlement <= times[n - 1]) {
        boolean duplicate = settlement == times[n - 1];
        problems.add(
            problem(
                source,
                line,
                "timestamp",
                Instant.ofEpochMilli(settlement)
                    + (duplicate ? " duplicates line " : " is before the settlement on line ")
                    + lines[n - 1],
                duplicate ? ProblemKind.DUPLICATE_TIME : ProblemKind.OUT_OF_ORDER,
                settlement));
        continue;
      }
      times[n] = settlement;
      rates[n] = rate;
      lines[n] = line;
      n++;
    }
    if (mode == ValidationMode.STRICT && !problems.isEmpty()) {
      throw new DataProblemException(problems.get(0).toString());
    }
    FundingRateHistory history =
        FundingRateHistory.ofUnsafe(
            Arrays.copyOf(times, n), Arrays.copyOf(rates, n), Arrays.copyOf(lines, n));
    return new FundingRates(csv.file(), rowsRead, history, problems);
  }

  private static DataProblem problem(
      String source, int line, String field, String message, ProblemKind kind, long time) {
    return new DataProblem(
        source,
        line,
        field,
        message,
        kind,
        time == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(time)));
  }

  /** Returns the validation mode. */
  public ValidationMode mode() {
    return mode;
  }

  /**
   * Returns a reader in the given mode.
   *
   * @param mode strict or lenient
   * @return the reader
   */
  public static FundingRateCsvReader of(ValidationMode mode) {
    return Objects.requireNonNull(mode, "mode") == ValidationMode.STRICT ? STRICT : LENIENT;
  }
}
