package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One attached TP/SL as listed in an order's {@code attachAlgoOrds[]}.
 *
 * @param attachAlgoId OKX's id of the attachment (not the spawned algo's {@code algoId})
 * @param attachAlgoClOrdId the client id the spawned algo carries
 * @param tpTriggerPx TP trigger
 * @param slTriggerPx SL trigger
 * @param failCode why the algo could not be created; empty or {@code 0} when it was
 * @param failReason OKX's text for {@code failCode}
 */
public record AttachedAlgo(
    String attachAlgoId,
    String attachAlgoClOrdId,
    Optional<BigDecimal> tpTriggerPx,
    Optional<BigDecimal> slTriggerPx,
    String failCode,
    String failReason) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AttachedAlgo {
    Objects.requireNonNull(attachAlgoId, "attachAlgoId");
    Objects.requireNonNull(attachAlgoClOrdId, "attachAlgoClOrdId");
    Objects.requireNonNull(tpTriggerPx, "tpTriggerPx");
    Objects.requireNonNull(slTriggerPx, "slTriggerPx");
    Objects.requireNonNull(failCode, "failCode");
    Objects.requireNonNull(failReason, "failReason");
  }

  /** Tells whether OKX reports that creating the algo failed. */
  public boolean failed() {
    return !failCode.isEmpty() && !failCode.equals("0");
  }
}
