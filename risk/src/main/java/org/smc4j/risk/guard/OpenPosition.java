package org.smc4j.risk.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * A position the {@link PortfolioGuard} holds as open.
 *
 * @param proposal the approved proposal
 * @param openedAt when it was opened, by the guard's clock
 */
public record OpenPosition(TradeProposal proposal, Instant openedAt) {

  /** Checks that both components are present. */
  public OpenPosition {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
