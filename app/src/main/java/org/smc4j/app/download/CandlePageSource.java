package org.smc4j.app.download;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.CandlePage;
import org.smc4j.marketdata.okx.OkxMarketData;

/**
 * Where a download gets its closed candles, page by page and forward in time: {@link
 * OkxMarketData#forEachClosedPage} in the command, a scripted source in tests.
 */
@FunctionalInterface
public interface CandlePageSource {

  /**
   * Hands each checked page of the closed candles opening in {@code [from, to)} to {@code
   * listener}, in time order, before fetching the next.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param from the earliest open time wanted
   * @param to the end (exclusive) of the open times wanted
   * @param previousOpenTime the open time of the candle held just before {@code from}, in epoch
   *     milliseconds, for the first page's gap check; empty when there is none
   * @param listener receives each page; returns false to stop
   * @throws MarketDataException when a request fails for good or the data is invalid
   */
  void forEachClosedPage(
      String instId,
      Timeframe timeframe,
      Instant from,
      Instant to,
      OptionalLong previousOpenTime,
      Predicate<CandlePage> listener);
}
