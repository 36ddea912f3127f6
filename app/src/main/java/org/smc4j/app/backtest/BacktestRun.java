package org.smc4j.app.backtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.marketdata.spec.ResolvedSpec;

/**
 * What {@link BacktestJob} did.
 *
 * @param result the replay's trades, signals, cancellations and failures
 * @param specs each symbol's contract spec and where it came from
 * @param runId the journal's run id
 * @param written the files written, journal first
 * @param fundingFallbacks settlements outside the funding history, charged at the constant rate
 */
public record BacktestRun(
    BacktestResult result,
    Map<String, ResolvedSpec> specs,
    long runId,
    List<Path> written,
    long fundingFallbacks) {

  /** Copies the collections. */
  public BacktestRun {
    specs = Map.copyOf(specs);
    written = List.copyOf(written);
  }
}
