package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Today's money from the journal (OKX-TRADING.md section 15.12), in quote currency, losses
 * negative: realised = fills' P&amp;L + fees + funding of the UTC day; committed = realised - the
 * risk of open trades and pending entries.
 *
 * @param realised realised P&amp;L of the day
 * @param openRisk the loss if every open trade and pending entry were stopped now, {@code >= 0}
 * @param openTrades trades counting as open (pending entries and orphans included)
 */
public record DailyLoss(BigDecimal realised, BigDecimal openRisk, int openTrades) {

  /** Validates that no component is null. */
  public DailyLoss {
    Objects.requireNonNull(realised, "realised");
    Objects.requireNonNull(openRisk, "openRisk");
  }

  /** Returns realised minus open risk. */
  public BigDecimal committed() {
    return realised.subtract(openRisk);
  }
}
