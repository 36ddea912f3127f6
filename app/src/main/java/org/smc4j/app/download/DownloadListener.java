package org.smc4j.app.download;

import java.nio.file.Path;
import java.time.Instant;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.okx.CandlePage;

/**
 * What a running {@link DownloadJob} reports, per instrument in this order: {@code resuming} (when
 * the file has rows), then either {@code upToDate}, or {@code started}, each {@code page} and
 * {@code finished}; or {@code failed} at any point. Every method does nothing by default.
 */
public interface DownloadListener {

  /** Reports nothing. */
  DownloadListener NONE = new DownloadListener() {};

  /**
   * The file exists and is resumed after its last row.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param file the file
   * @param lastOpenTime the open time of its last row
   */
  default void resuming(String instId, Timeframe timeframe, Path file, Instant lastOpenTime) {}

  /**
   * The file already reaches the end of the range; nothing is fetched.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param file the file
   */
  default void upToDate(String instId, Timeframe timeframe, Path file) {}

  /**
   * Fetching starts.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param from the first open time fetched
   * @param to the end (exclusive) of the open times
   */
  default void started(String instId, Timeframe timeframe, Instant from, Instant to) {}

  /**
   * A page was written and flushed.
   *
   * @param page the page
   */
  default void page(CandlePage page) {}

  /**
   * The instrument is done.
   *
   * @param download what was written
   */
  default void finished(SymbolDownload download) {}

  /**
   * The instrument failed; the next one follows.
   *
   * @param failure why
   */
  default void failed(DownloadFailure failure) {}
}
