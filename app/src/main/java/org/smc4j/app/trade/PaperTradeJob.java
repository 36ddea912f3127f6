package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanPipeline;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.live.scan.ReplayScanMarket;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.SimulatedTime;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradingEnvironment;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.order.Trade;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.PlanSizer;

/**
 * {@code trade --mode paper --replay}: the scan loop over recorded candles on a simulated clock
 * (one cycle per 5m close, as {@code scan --replay}), every signal decided by the shared {@link
 * TradePipeline} and filled by a {@link PaperTrader} (the backtest's simulated broker and models,
 * unchanged), orders and trades recorded in the execution journal.
 */
public final class PaperTradeJob {

  private PaperTradeJob() {}

  /**
   * What a paper session produced.
   *
   * @param cycles the cycles run, one per 5m close
   * @param trades the trades closed, in the order they closed
   * @param killSwitchSkips the signals a tripped kill switch kept from entering
   */
  public record Result(long cycles, List<Trade> trades, long killSwitchSkips) {

    /** Copies the trades. */
    public Result {
      trades = List.copyOf(trades);
    }
  }

  /**
   * Runs a paper session over recorded candles.
   *
   * @param config the configuration: strategy, risk, the backtest section's models, the scan loop
   *     and {@code output.journal} (the signal journal)
   * @param bars each symbol's 5m candles
   * @param specs each symbol's contract spec
   * @param executionJournal the execution journal file (created when missing; must be a paper one)
   * @param out where order and trade lines go
   * @return the cycles, trades and kill-switch skips
   * @throws IllegalStateException when the journal was made in another environment
   */
  public static Result replay(
      Smc4jConfig config,
      Map<String, BarArrays> bars,
      Map<String, ContractSpec> specs,
      Path executionJournal,
      PrintWriter out) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(executionJournal, "executionJournal");
    long delay = config.scan().closeDelay().toMillis();
    ReplayScanMarket probe = new ReplayScanMarket(bars, specs, InstantSource.fixed(Instant.EPOCH));
    long first = probe.firstClose();
    long last = probe.lastClose();
    SimulatedTime time = new SimulatedTime(first + delay);
    PaperTrader.PaperClock clock = new PaperTrader.PaperClock(first);
    BrokerModels models = config.backtest().models(config.risk().sizing().fees());
    long cycles = 0;
    try (ExecutionJournal exec = ExecutionJournal.open(executionJournal);
        PaperTrader.CandleCapture market =
            new PaperTrader.CandleCapture(new ReplayScanMarket(bars, specs, time));
        Journal journal =
            SqliteJournal.open(config.output().journal(), "trade paper replay " + bars.keySet());
        Journal scanJournal =
            SqliteJournal.open(scanJournalOf(config.output().journal()), "trade scan decisions")) {
      exec.bindEnvironment(TradingEnvironment.PAPER);
      TradePipeline pipeline =
          new TradePipeline(
              new PipelineSettings(
                  config.risk().sizing(),
                  config.backtest().applyGuards()
                      ? Optional.of(config.risk().guards())
                      : Optional.empty(),
                  config.risk().accountEquityUsd()),
              clock,
              journal);
      PaperTrader trader =
          new PaperTrader(config.strategy(), models, pipeline, exec, market, clock, out);
      ScanLoop loop =
          new ScanLoop(
              config.scan(),
              config.strategy(),
              new PlanSizer(config.risk().sizing()),
              ScanPipeline.pipeline(config, time, scanJournal),
              ScanPipeline.paperBrokers(config),
              market,
              time,
              time,
              null,
              trader);
      for (long close = first; close <= last; close += Timeframe.M5.millis()) {
        time.advanceTo(close + delay);
        loop.cycle(close);
        cycles++;
      }
      out.flush();
      return new Result(cycles, trader.trades(), trader.killSwitchSkips());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("paper replay interrupted", e);
    }
  }

  /**
   * Returns where the scan loop's own decisions go (the scanner's paper fills of its signals):
   * beside the signal journal, {@code name-scan.sqlite}.
   *
   * @param signalJournal the trade pipeline's signal journal
   * @return the scan decisions' journal
   */
  public static Path scanJournalOf(Path signalJournal) {
    String name = signalJournal.getFileName().toString().replaceFirst("\\.sqlite$", "");
    return signalJournal.resolveSibling(name + "-scan.sqlite");
  }
}
