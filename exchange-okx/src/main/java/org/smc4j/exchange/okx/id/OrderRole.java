package org.smc4j.exchange.okx.id;

/** What an order does for its signal; one letter of the client order id (OKX-TRADING.md 15.4). */
public enum OrderRole {
  /** The entry order. */
  ENTRY('E'),
  /** The TP/SL attached to the entry ({@code attachAlgoClOrdId}). */
  ATTACHED_ALGO('A'),
  /** A separate protective {@code oco} placed after a partial fill or a failed attached algo. */
  PROTECTIVE_ALGO('P'),
  /** An exit (a reduce-only close). */
  EXIT('X');

  private final char letter;

  OrderRole(char letter) {
    this.letter = letter;
  }

  /** Returns the letter written into the id. */
  public char letter() {
    return letter;
  }

  /**
   * Returns the role of an id letter.
   *
   * @param letter one of {@code E}, {@code A}, {@code P}, {@code X}
   * @return the role
   * @throws IllegalArgumentException for any other letter
   */
  public static OrderRole ofLetter(char letter) {
    for (OrderRole role : values()) {
      if (role.letter == letter) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "order role letter must be one of E, A, P, X, was '" + letter + "'");
  }
}
