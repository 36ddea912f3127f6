package org.smc4j.app.download;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.okx.CandleGap;

/**
 * One instrument downloaded.
 *
 * @param instId the instrument
 * @param timeframe the candle period
 * @param file the canonical CSV written (appended to when it existed)
 * @param bars the bars written by this run (0 when the file was up to date)
 * @param gaps the gaps OKX's data has in the range, in time order (reported, never filled)
 */
public record SymbolDownload(
    String instId, Timeframe timeframe, Path file, long bars, List<CandleGap> gaps) {

  /** Validates and copies. */
  public SymbolDownload {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(file, "file");
    if (bars < 0) {
      throw new IllegalArgumentException("bars must be >= 0, was " + bars);
    }
    gaps = List.copyOf(gaps);
  }

  /** Returns the bars missing in all gaps. */
  public long missingBars() {
    return gaps.stream().mapToLong(CandleGap::missingBars).sum();
  }
}
