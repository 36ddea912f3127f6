package org.smc4j.marketdata.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Candle;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.internal.AsciiFieldParser;
import org.smc4j.marketdata.csv.internal.CsvBytes;

/**
 * Writes smc4j's canonical candle CSV ({@link CsvFormat#CANONICAL}): the header {@code
 * open_time,open,high,low,close,volume}, then one row per bar with the open time as an ISO-8601 UTC
 * instant ({@code 2025-01-01T00:05:00Z}) and the values as plain decimals in their shortest
 * round-trip form ({@code BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()}: never
 * exponent notation, no trailing zeros), so reading the file back gives the same doubles.
 *
 * <p>The writer is incremental: rows are appended to an open file in strictly increasing open-time
 * order, and {@link #append(Path)} reopens an existing file to continue after its last row (for
 * downloads that write page by page and resume). Each row is checked before it is written (OHLC
 * rules and time order), so the file never holds a bar that the reader would reject. Not
 * thread-safe; close it (try-with-resources) to flush.
 */
public final class CanonicalCandleCsvWriter implements Closeable {

  private final Path file;
  private final BufferedWriter out;
  private long lastOpenTimeMillis;
  private boolean hasRows;

  private CanonicalCandleCsvWriter(
      Path file, BufferedWriter out, boolean hasRows, long lastOpenTimeMillis) {
    this.file = file;
    this.out = out;
    this.hasRows = hasRows;
    this.lastOpenTimeMillis = lastOpenTimeMillis;
  }

  /**
   * Creates (or truncates) a file and writes the header.
   *
   * @param file the file to write
   * @return the open writer
   * @throws MarketDataException when the file cannot be written
   */
  public static CanonicalCandleCsvWriter create(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      BufferedWriter out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.US_ASCII,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      CanonicalCandleCsvWriter w = new CanonicalCandleCsvWriter(file, out, false, Long.MIN_VALUE);
      w.writeHeader();
      return w;
    } catch (IOException e) {
      throw new MarketDataException("cannot write " + file + ": " + e, e);
    }
  }

  /**
   * Opens a file to append rows after its last one. A missing or empty file is created with the
   * header. An existing file must have the canonical header and end with a complete line; the next
   * row must open after its last row ({@link #lastOpenTime()}).
   *
   * @param file the file to continue
   * @return the open writer
   * @throws MarketDataException when the file cannot be read or written, has another header, or its
   *     last line is incomplete or unreadable (the message names file and line)
   */
  public static CanonicalCandleCsvWriter append(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        return create(file);
      }
    } catch (IOException e) {
      throw new MarketDataException("cannot read " + file + ": " + e, e);
    }
    CsvBytes csv = CsvBytes.read(file);
    if (CsvFormat.fromHeader(csv.header()).orElse(null) != CsvFormat.CANONICAL) {
      throw new MarketDataException(
          csv.source()
              + ":1: header: expected '"
              + CsvFormat.CANONICAL.header()
              + "' to append to, found '"
              + csv.header()
              + "'");
    }
    byte[] b = csv.bytesUnsafe();
    if (b[b.length - 1] != '\n') {
      throw new MarketDataException(
          csv.source()
              + ":"
              + lineCount(b)
              + ": row: last line is incomplete (no line break); repair or remove it before"
              + " appending");
    }
    boolean hasRows = false;
    long last = Long.MIN_VALUE;
    if (csv.dataStart() < b.length) {
      int end = b.length - 1;
      if (end > 0 && b[end - 1] == '\r') {
        end--;
      }
      int start = end;
      while (start > 0 && b[start - 1] != '\n') {
        start--;
      }
      int comma = start;
      while (comma < end && b[comma] != ',') {
        comma++;
      }
      AsciiFieldParser p = new AsciiFieldParser();
      last = p.parseDateTime(b, start, comma);
      if (p.failed()) {
        throw new MarketDataException(
            csv.source() + ":" + (lineCount(b) - 1) + ": open_time: " + p.error());
      }
      hasRows = true;
    }
    try {
      BufferedWriter out =
          Files.newBufferedWriter(
              file, StandardCharsets.US_ASCII, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      return new CanonicalCandleCsvWriter(file, out, hasRows, last);
    } catch (IOException e) {
      throw new MarketDataException("cannot write " + file + ": " + e, e);
    }
  }

  /**
   * Writes a whole candle set to a new file (truncating an existing one).
   *
   * @param file the file to write
   * @param bars the bars
   * @throws MarketDataException when the file cannot be written
   */
  public static void write(Path file, BarArrays bars) {
    Objects.requireNonNull(bars, "bars");
    try (CanonicalCandleCsvWriter w = create(file)) {
      w.writeAll(bars);
    }
  }

  private static int lineCount(byte[] b) {
    int lines = 1;
    for (byte x : b) {
      if (x == '\n') {
        lines++;
      }
    }
    return b.length > 0 && b[b.length - 1] == '\n' ? lines - 1 : lines;
  }

  /** Returns the file being written. */
  public Path file() {
    return file;
  }

  /** Returns the open time of the last row in the file, or empty when it has none yet. */
  public Optional<Instant> lastOpenTime() {
    return hasRows ? Optional.of(Instant.ofEpochMilli(lastOpenTimeMillis)) : Optional.empty();
  }

  /**
   * Appends one bar.
   *
   * @param openTimeMillis the open time in epoch ms, after the last row's
   * @param open the open
   * @param high the high
   * @param low the low
   * @param close the close
   * @param volume the volume
   * @throws IllegalArgumentException when the bar breaks an OHLC rule ({@link
   *     BarArrays#ohlcvProblem}) or does not open after the last row
   * @throws MarketDataException when writing fails
   */
  public void write(
      long openTimeMillis, double open, double high, double low, double close, double volume) {
    BarArrays.ohlcvProblem(open, high, low, close, volume)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "bar " + Instant.ofEpochMilli(openTimeMillis) + ": " + problem);
            });
    if (hasRows && openTimeMillis <= lastOpenTimeMillis) {
      throw new IllegalArgumentException(
          "bar "
              + Instant.ofEpochMilli(openTimeMillis)
              + ": open time must be after the last row's "
              + Instant.ofEpochMilli(lastOpenTimeMillis)
              + " in "
              + file.getFileName());
    }
    StringBuilder row = new StringBuilder(96);
    row.append(Instant.ofEpochMilli(openTimeMillis))
        .append(',')
        .append(decimal(open))
        .append(',')
        .append(decimal(high))
        .append(',')
        .append(decimal(low))
        .append(',')
        .append(decimal(close))
        .append(',')
        .append(decimal(volume))
        .append('\n');
    try {
      out.write(row.toString());
    } catch (IOException e) {
      throw new MarketDataException("cannot write " + file + ": " + e, e);
    }
    hasRows = true;
    lastOpenTimeMillis = openTimeMillis;
  }

  /**
   * Appends one candle.
   *
   * @param candle the candle, opening after the last row
   * @throws IllegalArgumentException when it does not open after the last row
   * @throws MarketDataException when writing fails
   */
  public void write(Candle candle) {
    Objects.requireNonNull(candle, "candle");
    write(
        candle.openTime().toEpochMilli(),
        candle.open(),
        candle.high(),
        candle.low(),
        candle.close(),
        candle.volume());
  }

  /**
   * Appends every bar of a candle set.
   *
   * @param bars bars opening after the last row
   * @throws IllegalArgumentException when a bar breaks a rule; the bars before it are written
   * @throws MarketDataException when writing fails
   */
  public void writeAll(BarArrays bars) {
    Objects.requireNonNull(bars, "bars");
    for (int i = 0; i < bars.size(); i++) {
      write(
          bars.openTimeMillis(i),
          bars.open(i),
          bars.high(i),
          bars.low(i),
          bars.close(i),
          bars.volume(i));
    }
  }

  /**
   * Formats a value as the canonical CSV writes it: plain decimal, shortest round-trip form.
   *
   * @param value a finite value
   * @return e.g. {@code 93548.8}, {@code 0.00001234}, {@code 121011}
   * @throws IllegalArgumentException when the value is not finite
   */
  public static String decimal(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * Writes buffered rows to the file.
   *
   * @throws MarketDataException when writing fails
   */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new MarketDataException("cannot write " + file + ": " + e, e);
    }
  }

  /**
   * Flushes and closes the file.
   *
   * @throws MarketDataException when writing fails
   */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new MarketDataException("cannot write " + file + ": " + e, e);
    }
  }

  private void writeHeader() throws IOException {
    out.write(CsvFormat.CANONICAL.header());
    out.write('\n');
  }
}
