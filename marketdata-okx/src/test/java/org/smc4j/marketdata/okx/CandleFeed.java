package org.smc4j.marketdata.okx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.smc4j.core.bar.BarArrays;

/**
 * Serves a candle series the way OKX does: {@code after} = open times older than (exclusive),
 * {@code before} = newer than (exclusive), newest first, at most {@code limit} rows (capped by the
 * endpoint's maximum), optionally only the latest {@code reachable} bars (as {@code
 * /market/candles} serves only the latest 1,440).
 */
final class CandleFeed {

  private CandleFeed() {}

  static Function<Map<String, String>, OkxStub.Reply> handler(
      BarArrays bars, int maxLimit, int reachable) {
    return query -> {
      long after = Long.parseLong(query.getOrDefault("after", Long.toString(Long.MAX_VALUE)));
      long before = Long.parseLong(query.getOrDefault("before", Long.toString(Long.MIN_VALUE)));
      int limit = Math.min(maxLimit, Integer.parseInt(query.getOrDefault("limit", "100")));
      int oldest = Math.max(0, bars.size() - reachable);
      List<String> rows = new ArrayList<>();
      for (int i = bars.size() - 1; i >= oldest && rows.size() < limit; i--) {
        long t = bars.openTimeMillis(i);
        if (t < after && t > before) {
          rows.add(row(bars, i, "1"));
        }
      }
      return OkxStub.Reply.ok(envelope(rows));
    };
  }

  static String row(BarArrays bars, int i, String confirm) {
    return row(
        bars.openTimeMillis(i),
        bars.open(i),
        bars.high(i),
        bars.low(i),
        bars.close(i),
        bars.volume(i),
        confirm);
  }

  static String row(long t, double o, double h, double l, double c, double volCcy, String confirm) {
    return "[\""
        + t
        + "\",\""
        + plain(o)
        + "\",\""
        + plain(h)
        + "\",\""
        + plain(l)
        + "\",\""
        + plain(c)
        + "\",\""
        + plain(volCcy * 100)
        + "\",\""
        + plain(volCcy)
        + "\",\""
        + plain(volCcy * c)
        + "\",\""
        + confirm
        + "\"]";
  }

  static String envelope(List<String> rows) {
    return "{\"code\":\"0\",\"msg\":\"\",\"data\":[" + String.join(",", rows) + "]}";
  }

  private static String plain(double v) {
    return new BigDecimal(Double.toString(v)).toPlainString();
  }
}
