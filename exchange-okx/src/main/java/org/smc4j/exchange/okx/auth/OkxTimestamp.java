package org.smc4j.exchange.okx.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The {@code OK-ACCESS-TIMESTAMP} format: ISO-8601 UTC with exactly three fraction digits, e.g.
 * {@code 2020-12-08T09:08:57.715Z} (OKX-TRADING.md section 1). {@link
 * DateTimeFormatter#ISO_INSTANT} is not used because it drops a {@code .000} fraction.
 */
public final class OkxTimestamp {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private OkxTimestamp() {}

  /**
   * Formats an instant, truncated to the millisecond.
   *
   * @param instant the time
   * @return the header value
   */
  public static String format(Instant instant) {
    return FORMAT.format(Objects.requireNonNull(instant, "instant"));
  }
}
