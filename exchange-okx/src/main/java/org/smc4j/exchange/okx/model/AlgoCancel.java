package org.smc4j.exchange.okx.model;

import java.util.Objects;

/**
 * One item of {@code POST /api/v5/trade/cancel-algos}.
 *
 * @param instId the instrument
 * @param ref the algo
 */
public record AlgoCancel(String instId, AlgoRef ref) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AlgoCancel {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(ref, "ref");
  }
}
