package org.smc4j.marketdata.okx;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;

/**
 * One page of a forward history download, handed over as soon as it has been fetched and checked.
 *
 * @param instId the OKX instrument
 * @param bars this page's closed candles, ascending and after every earlier page's (may be empty
 *     when the venue has no bars in the page's time range)
 * @param gaps the gaps found before or inside this page (relative to the previous candle received)
 * @param coveredUntil every candle opening before this instant has now been delivered or is known
 *     to be missing; for progress reports
 */
public record CandlePage(
    String instId, BarArrays bars, List<CandleGap> gaps, Instant coveredUntil) {

  /** Validates and copies. */
  public CandlePage {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(coveredUntil, "coveredUntil");
    gaps = List.copyOf(gaps);
  }
}
