package org.smc4j.app.scan;

import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Optional;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.SimulatedBroker;
import org.smc4j.live.scan.PaperBrokers;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;

/**
 * What the scanner decides signals with, live and in replay: the backtest's pipeline (the same
 * sizing, and the portfolio guards when the backtest applies them) over paper fills from the
 * backtest's simulated broker with the configured models, so that the scanner's TAKEN and SKIPPED
 * are the backtest's.
 */
public final class ScanPipeline {

  private ScanPipeline() {}

  /**
   * The backtest's pipeline for the scanner: the same sizing, and the portfolio guards when the
   * backtest applies them ({@code backtest.apply-guards}), counting trading days on the scan's
   * clock.
   *
   * @param config the configuration
   * @param clock the scan's clock
   * @param journal where every decision is recorded
   * @return the pipeline
   */
  public static TradePipeline pipeline(Smc4jConfig config, InstantSource clock, Journal journal) {
    return new TradePipeline(
        new PipelineSettings(
            config.risk().sizing(),
            config.backtest().applyGuards()
                ? Optional.of(config.risk().guards())
                : Optional.empty(),
            config.risk().accountEquityUsd()),
        clock.withZone(ZoneOffset.UTC),
        journal);
  }

  /**
   * Paper fills with the backtest's simulated broker and the configured models.
   *
   * @param config the configuration
   * @return one simulated broker per symbol, on demand
   */
  public static PaperBrokers paperBrokers(Smc4jConfig config) {
    BrokerModels models = config.backtest().models(config.risk().sizing().fees());
    return (symbol, spec, listener) ->
        new SimulatedBroker(
            symbol, spec.tickSize().doubleValue(), models, Optional.empty(), listener);
  }
}
