package org.smc4j.marketdata.okx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;

/**
 * Parses the {@code data} array of {@code /market/candles} and {@code /market/history-candles}:
 * rows {@code [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]}, all strings, newest first.
 */
public final class OkxCandleRows {

  private OkxCandleRows() {}

  /**
   * One candle row as OKX sent it.
   *
   * @param openTimeMillis {@code ts}, the open time in epoch ms
   * @param open {@code o}
   * @param high {@code h}
   * @param low {@code l}
   * @param close {@code c}
   * @param volume {@code volCcy}: for swaps the volume in the base currency ({@code vol} counts
   *     contracts, whose size differs per instrument)
   * @param confirmed {@code confirm == "1"}: the candle is finished
   */
  public record Row(
      long openTimeMillis,
      double open,
      double high,
      double low,
      double close,
      double volume,
      boolean confirmed) {}

  /**
   * Parses and checks the rows: each an array of at least 9 strings, numbers parseable, {@code
   * confirm} "0" or "1", open times strictly decreasing (OKX's newest-first order; an equal time is
   * a duplicate, a later one is out of order).
   *
   * @param request the request, for messages
   * @param data the {@code data} array
   * @return the rows in the order received (newest first)
   * @throws MarketDataException naming the request, row and rule when a row is malformed,
   *     duplicated or out of order
   */
  public static List<Row> parse(String request, JsonNode data) {
    List<Row> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      JsonNode row = data.get(i);
      if (!row.isArray() || row.size() < 9) {
        throw new MarketDataException(
            request
                + ": candle row "
                + i
                + " must be an array of 9 values [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm], was "
                + row);
      }
      long ts;
      try {
        ts = Long.parseLong(row.get(0).asText());
      } catch (NumberFormatException e) {
        throw new MarketDataException(
            request + ": candle row " + i + ": ts must be whole epoch ms, was " + row.get(0), e);
      }
      String confirm = row.get(8).asText();
      if (!"0".equals(confirm) && !"1".equals(confirm)) {
        throw new MarketDataException(
            request + ": candle row " + i + ": confirm must be \"0\" or \"1\", was " + row.get(8));
      }
      Row parsed =
          new Row(
              ts,
              number(request, i, row, 1, "o"),
              number(request, i, row, 2, "h"),
              number(request, i, row, 3, "l"),
              number(request, i, row, 4, "c"),
              number(request, i, row, 6, "volCcy"),
              "1".equals(confirm));
      if (!rows.isEmpty()) {
        long newer = rows.get(rows.size() - 1).openTimeMillis();
        if (ts == newer) {
          throw new MarketDataException(
              request
                  + ": duplicate candle open time "
                  + Instant.ofEpochMilli(ts)
                  + " (row "
                  + i
                  + ")");
        }
        if (ts > newer) {
          throw new MarketDataException(
              request
                  + ": candle rows out of order: row "
                  + i
                  + " ("
                  + Instant.ofEpochMilli(ts)
                  + ") is not older than row "
                  + (i - 1)
                  + " ("
                  + Instant.ofEpochMilli(newer)
                  + "); OKX sends newest first");
        }
      }
      rows.add(parsed);
    }
    return rows;
  }

  private static double number(String request, int i, JsonNode row, int column, String name) {
    JsonNode node = row.get(column);
    String text = node.asText();
    try {
      if (!node.isTextual() && !node.isNumber()) {
        throw new NumberFormatException("not a string or number");
      }
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException("not finite");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new MarketDataException(
          request + ": candle row " + i + ": " + name + " is not a number: " + node, e);
    }
  }

  /**
   * Returns OKX's {@code bar} parameter for a timeframe; periods of 6 h and longer use the {@code
   * utc} variants so that they open at 00:00 UTC like every shorter one.
   *
   * @param timeframe the candle period
   * @return e.g. {@code 5m}, {@code 1H}, {@code 1Dutc}
   * @throws IllegalArgumentException when OKX has no such bar
   */
  public static String barOf(Timeframe timeframe) {
    long minutes = timeframe.millis() / 60_000L;
    if (timeframe.millis() % 60_000L == 0) {
      if (minutes == 1 || minutes == 3 || minutes == 5 || minutes == 15 || minutes == 30) {
        return minutes + "m";
      }
      if (minutes == 60 || minutes == 120 || minutes == 240) {
        return (minutes / 60) + "H";
      }
      if (minutes == 360 || minutes == 720) {
        return (minutes / 60) + "Hutc";
      }
      if (minutes == 1440 || minutes == 2880 || minutes == 4320) {
        return (minutes / 1440) + "Dutc";
      }
      if (minutes == 10080) {
        return "1Wutc";
      }
    }
    throw new IllegalArgumentException(
        "timeframe "
            + timeframe
            + " is not an OKX candle bar; use 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, 2d,"
            + " 3d or 7d");
  }
}
