package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Take-profit and stop-loss legs of an attached TP/SL ({@code attachAlgoOrds[]}) or of an {@code
 * oco}/{@code conditional} algo. An empty order price means a market order on trigger ({@code -1}).
 *
 * @param tpTriggerPx take-profit trigger price; empty for no TP
 * @param tpOrdPx take-profit order price; empty for market
 * @param slTriggerPx stop-loss trigger price; empty for no SL
 * @param slOrdPx stop-loss order price; empty for market
 * @param triggerPxType the price both triggers watch
 */
public record TpSl(
    Optional<BigDecimal> tpTriggerPx,
    Optional<BigDecimal> tpOrdPx,
    Optional<BigDecimal> slTriggerPx,
    Optional<BigDecimal> slOrdPx,
    TriggerPriceType triggerPxType) {

  /**
   * Validates the legs.
   *
   * @throws IllegalArgumentException when neither a TP nor an SL trigger is given, or an order
   *     price is given without its trigger
   */
  public TpSl {
    Objects.requireNonNull(tpTriggerPx, "tpTriggerPx");
    Objects.requireNonNull(tpOrdPx, "tpOrdPx");
    Objects.requireNonNull(slTriggerPx, "slTriggerPx");
    Objects.requireNonNull(slOrdPx, "slOrdPx");
    Objects.requireNonNull(triggerPxType, "triggerPxType");
    if (tpTriggerPx.isEmpty() && slTriggerPx.isEmpty()) {
      throw new IllegalArgumentException("TP/SL needs tpTriggerPx or slTriggerPx");
    }
    if (tpOrdPx.isPresent() && tpTriggerPx.isEmpty()) {
      throw new IllegalArgumentException("tpOrdPx given without tpTriggerPx");
    }
    if (slOrdPx.isPresent() && slTriggerPx.isEmpty()) {
      throw new IllegalArgumentException("slOrdPx given without slTriggerPx");
    }
  }

  /**
   * Returns a stop and a target, both executed at market when triggered by the last price.
   *
   * @param stopLoss the SL trigger price
   * @param takeProfit the TP trigger price
   * @return the legs
   */
  public static TpSl marketBracket(BigDecimal stopLoss, BigDecimal takeProfit) {
    return new TpSl(
        Optional.of(takeProfit),
        Optional.empty(),
        Optional.of(stopLoss),
        Optional.empty(),
        TriggerPriceType.LAST);
  }

  /** Tells whether both a TP and an SL are given. */
  public boolean hasBoth() {
    return tpTriggerPx.isPresent() && slTriggerPx.isPresent();
  }
}
