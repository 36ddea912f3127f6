package org.smc4j.exchange.okx.model;

import java.util.Objects;

/**
 * OKX's answer for one item of a cancel-algos request.
 *
 * @param algoId OKX's algo id as echoed
 * @param algoClOrdId the client id as echoed, may be empty
 * @param result {@code OK} when accepted, else the class of {@code sCode}
 * @param sCode OKX's code
 * @param sMsg OKX's text
 */
public record AlgoCancelResult(
    String algoId,
    String algoClOrdId,
    org.smc4j.exchange.okx.error.OkxErrorClass result,
    String sCode,
    String sMsg) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AlgoCancelResult {
    Objects.requireNonNull(algoId, "algoId");
    Objects.requireNonNull(algoClOrdId, "algoClOrdId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(sCode, "sCode");
    Objects.requireNonNull(sMsg, "sMsg");
  }
}
