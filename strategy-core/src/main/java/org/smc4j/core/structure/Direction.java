package org.smc4j.core.structure;

/**
 * The direction of a structure: {@link #BULLISH} for a broken swing high, a bullish fair value gap
 * or a long setup; {@link #BEARISH} for the mirror image.
 */
public enum Direction {
  /** Upward: a swing high broken by a close above it, a gap below price, a long setup. */
  BULLISH(1),
  /** Downward: a swing low broken by a close below it, a gap above price, a short setup. */
  BEARISH(-1);

  private final int sign;

  Direction(int sign) {
    this.sign = sign;
  }

  /** Returns {@code +1} for bullish and {@code -1} for bearish. */
  public int sign() {
    return sign;
  }

  /** Returns the other direction. */
  public Direction opposite() {
    return this == BULLISH ? BEARISH : BULLISH;
  }
}
