package org.smc4j.marketdata.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.marketdata.MarketDataException;

/**
 * The CSV layouts smc4j reads, recognised by their header line (exact match, after an optional
 * UTF-8 byte-order mark and a trailing carriage return).
 */
public enum CsvFormat {
  /**
   * Binance USDT-M futures kline archive: 12 columns, open and close time in epoch milliseconds.
   */
  BINANCE_KLINE(
      "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
          + "taker_buy_quote_volume,ignore"),
  /**
   * Open time as {@code 2025-04-03 17:05:00+00:00}, then OHLCV (the Bybit files as saved by
   * pandas).
   */
  TIMESTAMP_OHLCV("timestamp,open,high,low,close,volume"),
  /**
   * smc4j's canonical candle CSV: open time as an ISO-8601 UTC instant ({@code
   * 2025-01-01T00:05:00Z}), then OHLCV as plain decimals. Written by {@link
   * CanonicalCandleCsvWriter}.
   */
  CANONICAL("open_time,open,high,low,close,volume"),
  /** Funding-rate history: {@code timestamp,rate} (not candles). */
  FUNDING_RATE("timestamp,rate");

  private final String header;
  private final List<String> columns;

  CsvFormat(String header) {
    this.header = header;
    this.columns = List.copyOf(Arrays.asList(header.split(",")));
  }

  /** Returns the exact header line. */
  public String header() {
    return header;
  }

  /** Returns the column names in order. */
  public List<String> columns() {
    return columns;
  }

  /** Returns true for the candle formats, false for funding rates. */
  public boolean isCandles() {
    return this != FUNDING_RATE;
  }

  /**
   * Recognises a header line.
   *
   * @param headerLine the first line of a file
   * @return the format, or empty when the header is not one smc4j knows
   */
  public static Optional<CsvFormat> fromHeader(String headerLine) {
    Objects.requireNonNull(headerLine, "headerLine");
    String h = headerLine;
    if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
      h = h.substring(1);
    }
    if (h.endsWith("\r")) {
      h = h.substring(0, h.length() - 1);
    }
    for (CsvFormat f : values()) {
      if (f.header.equals(h)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the first line of a file and recognises its format.
   *
   * @param file a CSV file
   * @return the format, or empty when the file is empty or its header is unknown
   * @throws MarketDataException when the file cannot be read
   */
  public static Optional<CsvFormat> detect(Path file) {
    Objects.requireNonNull(file, "file");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String first = in.readLine();
      if (first == null) {
        return Optional.empty();
      }
      if (first.startsWith("\u00EF\u00BB\u00BF")) {
        first = first.substring(3);
      }
      return fromHeader(first);
    } catch (IOException e) {
      throw new MarketDataException("cannot read " + file + ": " + e, e);
    }
  }

  /** Returns the list of known headers, for messages. */
  static String knownHeaders() {
    StringBuilder sb = new StringBuilder();
    for (CsvFormat f : values()) {
      if (!sb.isEmpty()) {
        sb.append(" | ");
      }
      sb.append(f.header);
    }
    return sb.toString();
  }
}
