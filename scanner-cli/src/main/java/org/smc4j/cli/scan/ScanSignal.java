package org.smc4j.cli.scan;

import java.util.Objects;
import org.smc4j.backtest.replay.Sizing;
import org.smc4j.backtest.replay.TradePlan;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.risk.ContractSpec;

/**
 * A new entry signal found by the scan, with its $1 size. Known at the close of the signal bar
 * ({@link TradePlan#signalTime()}).
 *
 * @param key the stable id: symbol and the strategy's signal id (side and signal bar close), e.g.
 *     {@code BTC-USDT-SWAP:sig-L-1735700400000}; the same candles give the same key after a restart
 * @param signal the strategy engine's signal
 * @param plan the signal as the backtest plans it (entry kind, stop, target, setup details)
 * @param sizing the contracts for the configured risk, or why there are none
 * @param spec the contract spec it was sized with
 */
public record ScanSignal(
    String key, EntrySignal signal, TradePlan plan, Sizing sizing, ContractSpec spec) {

  /** Validates that no component is null. */
  public ScanSignal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(spec, "spec");
  }

  /** Returns the instrument. */
  public String symbol() {
    return plan.symbol();
  }
}
