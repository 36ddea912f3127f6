package org.smc4j.sweep;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One combination's result over all the symbols and windows of a sweep.
 *
 * @param combo the combination's index
 * @param params the combination
 * @param score the objective over all its rows: the sum for {@link Objective#NET_R} and {@link
 *     Objective#NET_USD}, otherwise the mean of the rows where it is defined; empty when the
 *     combination has fewer trades than the minimum or no row defines it
 * @param rows how many rows (symbol x window) it has
 * @param trades its trades, summed
 * @param netR its net R, summed
 * @param netUsd its net P&amp;L in dollars, summed
 * @param fees its fees, summed
 */
public record ComboScore(
    long combo,
    ParamSet params,
    OptionalDouble score,
    int rows,
    int trades,
    double netR,
    double netUsd,
    double fees) {

  /** Validates that the parameters and score are given. */
  public ComboScore {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(score, "score");
  }
}
