package org.smc4j.exchange.okx;

/**
 * Which OKX trading service a key belongs to. Demo uses the same host plus the header {@code
 * x-simulated-trading: 1}; a key used in the wrong environment gets {@code 50101}.
 */
public enum OkxEnvironment {
  /** Real trading. */
  LIVE,
  /** Demo trading (simulated). */
  DEMO;

  /** The header that marks a demo request. */
  public static final String DEMO_HEADER = "x-simulated-trading";
}
