package org.smc4j.app.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CanonicalCandleCsvWriter;
import org.smc4j.marketdata.okx.CandleGap;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxSettings;

/**
 * {@code download}: fetches closed OKX candles ({@code /api/v5/market/history-candles}, 100 per
 * request, forward in time, within OKX's 20 requests / 2 s) into one canonical CSV per instrument
 * and timeframe ({@code OUT/BTC-USDT-SWAP_5m.csv}).
 *
 * <p>Each page is checked (ascending, no duplicates, on the grid, sane OHLCV) and flushed before
 * the next is fetched, so an interrupted run leaves a valid file; running the same request again
 * continues after the file's last row. Gaps are reported, never filled. An instrument that fails
 * does not stop the others.
 */
public final class DownloadJob {

  private DownloadJob() {}

  /**
   * Parses a candle period that OKX offers.
   *
   * @param text e.g. {@code 5m} or {@code 1h}
   * @return the timeframe
   * @throws IllegalArgumentException when the text is no timeframe or OKX has no such bar
   */
  public static Timeframe timeframe(String text) {
    Timeframe tf = Timeframe.parse(text);
    OkxMarketData.okxBar(tf);
    return tf;
  }

  /**
   * Runs the download against OKX.
   *
   * @param request what to download
   * @param okx the OKX REST settings (base URL, rate limits, retries)
   * @param listener receives the progress
   * @return every instrument's outcome
   * @throws IOException when the output folder cannot be created
   */
  public static DownloadResult run(
      DownloadRequest request, OkxSettings okx, DownloadListener listener) throws IOException {
    try (OkxMarketData market = OkxMarketData.create(okx)) {
      return run(request, market::forEachClosedPage, listener);
    }
  }

  /**
   * Runs the download from a page source.
   *
   * @param request what to download
   * @param source the closed candles, page by page
   * @param listener receives the progress
   * @return every instrument's outcome
   * @throws IOException when the output folder cannot be created
   */
  public static DownloadResult run(
      DownloadRequest request, CandlePageSource source, DownloadListener listener)
      throws IOException {
    Files.createDirectories(request.out());
    List<SymbolDownload> downloads = new ArrayList<>();
    List<DownloadFailure> failures = new ArrayList<>();
    for (String instId : request.instIds()) {
      try {
        SymbolDownload done = download(request, source, instId, listener);
        downloads.add(done);
      } catch (MarketDataException e) {
        DownloadFailure failure = new DownloadFailure(instId, request.timeframe(), e.getMessage());
        failures.add(failure);
        listener.failed(failure);
      }
    }
    return new DownloadResult(downloads, failures);
  }

  private static SymbolDownload download(
      DownloadRequest request, CandlePageSource source, String instId, DownloadListener listener) {
    Timeframe tf = request.timeframe();
    Path file = request.out().resolve(instId + "_" + tf.label() + ".csv");
    List<CandleGap> gaps = new ArrayList<>();
    long[] bars = {0};
    try (CanonicalCandleCsvWriter writer = CanonicalCandleCsvWriter.append(file)) {
      Optional<Instant> last = writer.lastOpenTime();
      Instant resumeFrom = last.map(t -> t.plus(tf.duration())).orElse(request.from());
      last.ifPresent(t -> listener.resuming(instId, tf, file, t));
      if (!resumeFrom.isBefore(request.to())) {
        listener.upToDate(instId, tf, file);
        return new SymbolDownload(instId, tf, file, 0, List.of());
      }
      listener.started(instId, tf, resumeFrom, request.to());
      source.forEachClosedPage(
          instId,
          tf,
          resumeFrom,
          request.to(),
          last.map(t -> OptionalLong.of(t.toEpochMilli())).orElse(OptionalLong.empty()),
          page -> {
            writer.writeAll(page.bars());
            writer.flush();
            gaps.addAll(page.gaps());
            bars[0] += page.bars().size();
            listener.page(page);
            return true;
          });
    } catch (IllegalArgumentException e) {
      throw new MarketDataException(file + ": " + e.getMessage(), e);
    }
    SymbolDownload done = new SymbolDownload(instId, tf, file, bars[0], gaps);
    listener.finished(done);
    return done;
  }
}
