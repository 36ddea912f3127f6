package org.smc4j.marketdata.okx;

import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;

/**
 * Closed candles of one instrument and timeframe in ascending open-time order, with the gaps found
 * between them.
 *
 * @param instId the OKX instrument, e.g. {@code BTC-USDT-SWAP}
 * @param bars the candles, strictly ascending, every one closed
 * @param gaps the missing stretches between consecutive candles, in time order
 */
public record CandleHistory(String instId, BarArrays bars, List<CandleGap> gaps) {

  /** Validates and copies. */
  public CandleHistory {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(bars, "bars");
    gaps = List.copyOf(gaps);
  }
}
