package org.smc4j.trading.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the strategy saw when it made a signal, kept for the journal and the trade charts. All
 * prices are levels of the 15m context unless named otherwise.
 *
 * @param trigger the entry trigger, e.g. {@code MSS} or {@code FVG}
 * @param score the confidence score, 0 to 5
 * @param scoreParts the names of the points earned, e.g. {@code [decisive-break, poi-fvg]}
 * @param poiTop the POI's top
 * @param poiBottom the POI's bottom
 * @param fvgTop the top of the POI's 15m FVG
 * @param fvgBottom the bottom of the POI's 15m FVG
 * @param fib50 the leg's 0.5 level
 * @param fib618 the leg's 0.618 level
 * @param fib786 the leg's 0.786 level
 * @param legStart the impulse leg's start price
 * @param legEnd the impulse leg's end price
 * @param breakLevel the level whose break made the leg
 * @param poiArmedTime when the POI was armed (a 15m close)
 * @param tapTime the open time of the 5m bar that tapped the POI
 * @param triggerLevel the 5m level the trigger acted on: MSS, the 5m swing price closed beyond;
 *     FVG, the 5m gap's near edge
 * @param atr the 5m ATR at the signal bar, {@code >= 0}
 * @param fvgTime the open time of the first 15m candle of the POI's fair value gap
 */
public record SetupDetails(
    String trigger,
    int score,
    List<String> scoreParts,
    double poiTop,
    double poiBottom,
    double fvgTop,
    double fvgBottom,
    double fib50,
    double fib618,
    double fib786,
    double legStart,
    double legEnd,
    double breakLevel,
    Instant poiArmedTime,
    Instant tapTime,
    double triggerLevel,
    double atr,
    Instant fvgTime) {

  /**
   * Validates the details.
   *
   * @throws IllegalArgumentException when a price is not finite and positive, the ATR is negative
   *     or not finite, the score is outside {@code [0, 5]}, or a box's top is below its bottom
   */
  public SetupDetails {
    Objects.requireNonNull(trigger, "trigger");
    scoreParts = List.copyOf(Objects.requireNonNull(scoreParts, "scoreParts"));
    Objects.requireNonNull(poiArmedTime, "poiArmedTime");
    Objects.requireNonNull(tapTime, "tapTime");
    Objects.requireNonNull(fvgTime, "fvgTime");
    if (score < 0 || score > 5) {
      throw new IllegalArgumentException("score must be in [0, 5], was " + score);
    }
    OrderIntent.checkPrice("poiTop", poiTop);
    OrderIntent.checkPrice("poiBottom", poiBottom);
    OrderIntent.checkPrice("fvgTop", fvgTop);
    OrderIntent.checkPrice("fvgBottom", fvgBottom);
    OrderIntent.checkPrice("fib50", fib50);
    OrderIntent.checkPrice("fib618", fib618);
    OrderIntent.checkPrice("fib786", fib786);
    OrderIntent.checkPrice("legStart", legStart);
    OrderIntent.checkPrice("legEnd", legEnd);
    OrderIntent.checkPrice("breakLevel", breakLevel);
    OrderIntent.checkPrice("triggerLevel", triggerLevel);
    if (!Double.isFinite(atr) || atr < 0) {
      throw new IllegalArgumentException("atr must be finite and >= 0, was " + atr);
    }
    if (poiTop < poiBottom) {
      throw new IllegalArgumentException(
          "poiTop must be >= poiBottom, was " + poiTop + " < " + poiBottom);
    }
    if (fvgTop < fvgBottom) {
      throw new IllegalArgumentException(
          "fvgTop must be >= fvgBottom, was " + fvgTop + " < " + fvgBottom);
    }
  }
}
