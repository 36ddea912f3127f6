package org.smc4j.risk;

import java.math.BigDecimal;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;

/**
 * Real OKX swap specs, transcribed by hand from the fixture {@code
 * ../shared/okx-fixtures/public-instruments-SWAP.json} (a saved {@code GET
 * /api/v5/public/instruments?instType=SWAP} response; see that folder's README for its origin). The
 * marketdata module's OkxInstrumentMapper test reads the same file and checks it maps to these
 * values.
 */
final class RealSpecs {

  /**
   * BTC-USDT-SWAP: linear, ctVal 0.01 BTC, tick 0.1, lot/min 0.01, maxLmtSz 1e8, maxMktSz 12000.
   */
  static final ContractSpec BTC_USDT_SWAP =
      new ContractSpec(
          "BTC-USDT-SWAP",
          ContractType.LINEAR,
          "USDT",
          new BigDecimal("0.01"),
          new BigDecimal("1"),
          "BTC",
          new BigDecimal("0.1"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("12000"),
          InstrumentState.LIVE);

  /**
   * ETH-USDT-SWAP: linear, ctVal 0.1 ETH, tick 0.01, lot/min 0.01, maxLmtSz 1e8, maxMktSz 20000.
   */
  static final ContractSpec ETH_USDT_SWAP =
      new ContractSpec(
          "ETH-USDT-SWAP",
          ContractType.LINEAR,
          "USDT",
          new BigDecimal("0.1"),
          new BigDecimal("1"),
          "ETH",
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("20000"),
          InstrumentState.LIVE);

  /** BTC-USD-SWAP: inverse, ctVal 100 USD, settles in BTC, tick 0.1, lot/min 1, maxMktSz 30000. */
  static final ContractSpec BTC_USD_SWAP =
      new ContractSpec(
          "BTC-USD-SWAP",
          ContractType.INVERSE,
          "BTC",
          new BigDecimal("100"),
          new BigDecimal("1"),
          "USD",
          new BigDecimal("0.1"),
          new BigDecimal("1"),
          new BigDecimal("1"),
          new BigDecimal("100000000"),
          new BigDecimal("30000"),
          InstrumentState.LIVE);

  private RealSpecs() {}
}
