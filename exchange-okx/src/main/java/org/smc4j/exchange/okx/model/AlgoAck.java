package org.smc4j.exchange.okx.model;

import java.util.Objects;

/**
 * An accepted algo request ({@code sCode 0}).
 *
 * @param algoId OKX's algo id
 * @param algoClOrdId the client id
 * @param tag the tag
 */
public record AlgoAck(String algoId, String algoClOrdId, String tag) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AlgoAck {
    Objects.requireNonNull(algoId, "algoId");
    Objects.requireNonNull(algoClOrdId, "algoClOrdId");
    Objects.requireNonNull(tag, "tag");
  }
}
