package org.smc4j.core.signal;

/**
 * The 0-5 confidence score of a signal (STRATEGY.md section 7), one point per part.
 *
 * @param decisiveBreak the break close cleared the level by at least {@code decisiveBreakAtr}
 *     (0.25) times the 15m ATR at the break
 * @param poiHasFvg the POI lies in a fair value gap (always true for an engine signal)
 * @param goldenPocket the POI's FVG contains the leg's golden price (0.618)
 * @param structureRetest the broken level lies inside the POI or within {@code retestAtr} (0.25)
 *     times the 15m ATR at arming of it
 * @param displacement the trigger bar both closed beyond the 5m swing point (MSS) and completed a
 *     5m fair value gap in the trade's direction
 */
public record ConfidenceScore(
    boolean decisiveBreak,
    boolean poiHasFvg,
    boolean goldenPocket,
    boolean structureRetest,
    boolean displacement) {

  /** Returns the number of points, 0 to 5. */
  public int total() {
    return (decisiveBreak ? 1 : 0)
        + (poiHasFvg ? 1 : 0)
        + (goldenPocket ? 1 : 0)
        + (structureRetest ? 1 : 0)
        + (displacement ? 1 : 0);
  }
}
