package org.smc4j.live.alert;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One alert for a new entry signal: the instrument, the human-readable text (side, POI range,
 * trigger, entry, stop, target, contracts, score; composed by the scanner) and optionally the
 * setup's chart as PNG bytes.
 *
 * <p>The text is delivered whole: a sink whose platform limits the length (Telegram: 1024
 * characters for a photo caption, 4096 for a message; Discord: 2000 for a message) sends it as
 * separate message(s) split at line breaks, never cut. The PNG bytes are copied on the way in and
 * on the way out, so the record is immutable.
 *
 * @param symbol the instrument id, e.g. {@code BTC-USDT-SWAP}; not blank
 * @param text the alert text; not blank
 * @param chartPng the chart as a PNG file, or an empty array for no image; non-empty bytes must
 *     start with the PNG signature
 */
public record SignalAlert(String symbol, String text, byte[] chartPng) {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Validates and copies the image. */
  public SignalAlert {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(chartPng, "chartPng");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank, was '" + symbol + "'");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank (symbol " + symbol + ")");
    }
    if (chartPng.length > 0 && !startsWithPngSignature(chartPng)) {
      throw new IllegalArgumentException(
          "chartPng must be a PNG file (starting with 89504e470d0a1a0a) or empty, started with "
              + HexFormat.of()
                  .formatHex(chartPng, 0, Math.min(chartPng.length, PNG_SIGNATURE.length))
              + " (symbol "
              + symbol
              + ")");
    }
    chartPng = chartPng.clone();
  }

  /**
   * An alert without image.
   *
   * @param symbol the instrument id
   * @param text the alert text
   * @return the alert
   */
  public static SignalAlert textOnly(String symbol, String text) {
    return new SignalAlert(symbol, text, new byte[0]);
  }

  /**
   * The chart PNG, copied.
   *
   * @return a copy of the PNG bytes; empty when there is no image
   */
  @Override
  public byte[] chartPng() {
    return chartPng.clone();
  }

  /**
   * Whether the alert carries a chart image.
   *
   * @return {@code true} when {@link #chartPng()} is not empty
   */
  public boolean hasChart() {
    return chartPng.length > 0;
  }

  /**
   * The size of the chart PNG, without copying it.
   *
   * @return the number of PNG bytes, 0 when there is no image
   */
  public int chartPngLength() {
    return chartPng.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignalAlert other
        && symbol.equals(other.symbol)
        && text.equals(other.text)
        && Arrays.equals(chartPng, other.chartPng);
  }

  @Override
  public int hashCode() {
    return Objects.hash(symbol, text, Arrays.hashCode(chartPng));
  }

  @Override
  public String toString() {
    return "SignalAlert[symbol="
        + symbol
        + ", text="
        + text.length()
        + " chars, chartPng="
        + chartPng.length
        + " bytes]";
  }

  private static boolean startsWithPngSignature(byte[] bytes) {
    return bytes.length >= PNG_SIGNATURE.length
        && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }
}
