package org.smc4j.marketdata.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The rows of one candle file as read, before validation: columns of open time and OHLCV values
 * (not yet checked), the line number of every row, an optional Binance close-time column, and the
 * rows that could not be read at all. Produced by a reader, consumed by {@link CandleValidator}.
 *
 * <p>The columns may be longer than {@link #size()}; only the first {@code size()} entries are
 * rows. The {@code ...Unsafe} accessors return the backing arrays: do not modify them.
 */
public final class RawCandles {

  private final Path file;
  private final int size;
  private final int rowsRead;
  private final long[] openTimeMillis;
  private final long[] closeTimeMillis;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;
  private final int[] lines;
  private final List<DataProblem> unreadableRows;

  private RawCandles(
      Path file,
      int size,
      int rowsRead,
      long[] openTimeMillis,
      long[] closeTimeMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume,
      int[] lines,
      List<DataProblem> unreadableRows) {
    this.file = file;
    this.size = size;
    this.rowsRead = rowsRead;
    this.openTimeMillis = openTimeMillis;
    this.closeTimeMillis = closeTimeMillis;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.lines = lines;
    this.unreadableRows = unreadableRows;
  }

  /**
   * Wraps freshly built columns without copying them.
   *
   * @param file the file the rows come from
   * @param size the number of readable rows (a prefix of each column)
   * @param rowsRead the number of data rows in the file, readable or not
   * @param openTimeMillis open times in epoch ms
   * @param closeTimeMillis Binance close times in epoch ms, or an empty array when the format has
   *     none
   * @param open opens
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes
   * @param lines the 1-based line number of each row
   * @param unreadableRows rows that could not be read, in line order
   * @return the raw rows
   * @throws IllegalArgumentException when a column is shorter than {@code size} or {@code rowsRead
   *     < size}
   */
  public static RawCandles ofUnsafe(
      Path file,
      int size,
      int rowsRead,
      long[] openTimeMillis,
      long[] closeTimeMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume,
      int[] lines,
      List<DataProblem> unreadableRows) {
    Objects.requireNonNull(file, "file");
    if (size < 0 || rowsRead < size) {
      throw new IllegalArgumentException(
          "size must be in [0, rowsRead], was " + size + " with rowsRead " + rowsRead);
    }
    if (openTimeMillis.length < size
        || open.length < size
        || high.length < size
        || low.length < size
        || close.length < size
        || volume.length < size
        || lines.length < size
        || (closeTimeMillis.length != 0 && closeTimeMillis.length < size)) {
      throw new IllegalArgumentException("every column must hold at least size=" + size + " rows");
    }
    return new RawCandles(
        file,
        size,
        rowsRead,
        openTimeMillis,
        closeTimeMillis,
        open,
        high,
        low,
        close,
        volume,
        lines,
        List.copyOf(unreadableRows));
  }

  /** Returns the file the rows come from. */
  public Path file() {
    return file;
  }

  /** Returns the file name used in problem messages. */
  public String source() {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** Returns the number of readable rows. */
  public int size() {
    return size;
  }

  /** Returns the number of data rows in the file (header excluded), readable or not. */
  public int rowsRead() {
    return rowsRead;
  }

  /** Returns true when the rows carry a Binance close time. */
  public boolean hasCloseTime() {
    return closeTimeMillis.length != 0;
  }

  /** Returns the open time of the first readable row, if there is one. */
  public OptionalLong firstOpenTimeMillis() {
    return size == 0 ? OptionalLong.empty() : OptionalLong.of(openTimeMillis[0]);
  }

  /** Returns the rows that could not be read, in line order. */
  public List<DataProblem> unreadableRows() {
    return unreadableRows;
  }

  /** Returns the backing open-time column; do not modify. */
  public long[] openTimeMillisUnsafe() {
    return openTimeMillis;
  }

  /** Returns the backing close-time column (empty when absent); do not modify. */
  public long[] closeTimeMillisUnsafe() {
    return closeTimeMillis;
  }

  /** Returns the backing open column; do not modify. */
  public double[] openUnsafe() {
    return open;
  }

  /** Returns the backing high column; do not modify. */
  public double[] highUnsafe() {
    return high;
  }

  /** Returns the backing low column; do not modify. */
  public double[] lowUnsafe() {
    return low;
  }

  /** Returns the backing close column; do not modify. */
  public double[] closeUnsafe() {
    return close;
  }

  /** Returns the backing volume column; do not modify. */
  public double[] volumeUnsafe() {
    return volume;
  }

  /** Returns the backing line-number column; do not modify. */
  public int[] linesUnsafe() {
    return lines;
  }

  @Override
  public String toString() {
    return "RawCandles[" + source() + ", " + size + " of " + rowsRead + " rows readable]";
  }
}
