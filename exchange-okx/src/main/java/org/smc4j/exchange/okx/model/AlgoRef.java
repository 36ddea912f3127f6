package org.smc4j.exchange.okx.model;

/** Names an algo order by OKX's {@code algoId} or by its {@code algoClOrdId}. */
public sealed interface AlgoRef {

  /**
   * Returns the parameter name.
   *
   * @return {@code algoId} or {@code algoClOrdId}
   */
  String parameter();

  /**
   * Returns the id.
   *
   * @return the value
   */
  String value();

  /**
   * Names an algo by OKX's id.
   *
   * @param algoId OKX's algo id
   * @return the reference
   */
  static AlgoRef algoId(String algoId) {
    return new ByAlgoId(algoId);
  }

  /**
   * Names an algo by its client id (for a spawned attached TP/SL, the parent's {@code
   * attachAlgoClOrdId}).
   *
   * @param algoClOrdId the client id
   * @return the reference
   */
  static AlgoRef algoClOrdId(String algoClOrdId) {
    return new ByAlgoClOrdId(algoClOrdId);
  }

  /**
   * By {@code algoId}.
   *
   * @param value OKX's algo id
   */
  record ByAlgoId(String value) implements AlgoRef {
    /** Validates the id. */
    public ByAlgoId {
      OrderRef.requireId(value, "algoId");
    }

    @Override
    public String parameter() {
      return "algoId";
    }
  }

  /**
   * By {@code algoClOrdId}.
   *
   * @param value the client id
   */
  record ByAlgoClOrdId(String value) implements AlgoRef {
    /** Validates the id. */
    public ByAlgoClOrdId {
      OrderRef.requireId(value, "algoClOrdId");
    }

    @Override
    public String parameter() {
      return "algoClOrdId";
    }
  }
}
