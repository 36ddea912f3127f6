package org.smc4j.live.scan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.plan.Sizing;
import org.smc4j.trading.plan.TradePlan;

/**
 * A new entry signal found by the scan, with its $1 size and the pipeline's decision. Known at the
 * close of the signal bar ({@link TradePlan#signalTime()}).
 *
 * @param key the stable id {@link #keyOf}: symbol, side and signal bar close, e.g. {@code
 *     BTC-USDT-SWAP:LONG:2025-05-01T12:05:00Z}; the same candles give the same key after a restart
 *     (one signal per POI, and one armed POI per side at a time)
 * @param signal the strategy engine's signal
 * @param plan the signal as the backtest plans it (entry kind, stop, target, setup details)
 * @param sizing the contracts for the configured risk, or why there are none
 * @param decision what the shared pipeline did with it: taken (paper-filled) or skipped, why
 * @param spec the contract spec it was sized with
 * @param candles the symbol's latest 5m candles up to and including the signal bar (for the chart)
 * @param stale what the candles fed after the signal bar (while catching up) did to its POI or
 *     entry; empty when they did nothing or there were none
 */
public record ScanSignal(
    String key,
    EntrySignal signal,
    TradePlan plan,
    Sizing sizing,
    TradeDecision decision,
    ContractSpec spec,
    BarArrays candles,
    Optional<StaleEntry> stale) {

  /** Validates that no component is null. */
  public ScanSignal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(candles, "candles");
    Objects.requireNonNull(stale, "stale");
  }

  /**
   * Creates a signal no later candle has made stale.
   *
   * @param key the stable id
   * @param signal the strategy engine's signal
   * @param plan the signal as the backtest plans it
   * @param sizing the contracts for the configured risk, or why there are none
   * @param decision what the shared pipeline did with it
   * @param spec the contract spec it was sized with
   * @param candles the symbol's latest 5m candles up to and including the signal bar
   */
  public ScanSignal(
      String key,
      EntrySignal signal,
      TradePlan plan,
      Sizing sizing,
      TradeDecision decision,
      ContractSpec spec,
      BarArrays candles) {
    this(key, signal, plan, sizing, decision, spec, candles, Optional.empty());
  }

  /** Returns a copy marked stale. */
  public ScanSignal withStale(StaleEntry value) {
    return new ScanSignal(key, signal, plan, sizing, decision, spec, candles, Optional.of(value));
  }

  /**
   * Returns the stable id of a signal.
   *
   * @param symbol the instrument
   * @param side long or short
   * @param signalTime the close of the signal bar
   * @return e.g. {@code BTC-USDT-SWAP:LONG:2025-05-01T12:05:00Z}
   */
  public static String keyOf(String symbol, Side side, Instant signalTime) {
    return symbol + ":" + side.name() + ":" + signalTime;
  }

  /** Returns the instrument. */
  public String symbol() {
    return plan.symbol();
  }

  /** Returns {@code TAKEN} or {@code SKIPPED (reason)}, as the journal and the alerts say it. */
  public String decisionText() {
    return switch (decision) {
      case TradeDecision.Taken t -> "TAKEN";
      case TradeDecision.Skipped k -> "SKIPPED (" + k.reason().message() + ")";
    };
  }
}
