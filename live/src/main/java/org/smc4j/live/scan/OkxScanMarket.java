package org.smc4j.live.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.marketdata.okx.CandleGap;
import org.smc4j.marketdata.okx.CandleHistory;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.SwapVolume;

/**
 * The live market: OKX's live USDT swaps ranked by 24 h quote volume ({@code /market/tickers},
 * filtered to the instruments {@code /public/instruments} lists as live), contract specs from
 * {@code /public/instruments} (cached with the adapter's TTL) and closed 5m candles from {@code
 * /market/candles}, all through {@link OkxMarketData} and its shared rate limiter.
 */
public final class OkxScanMarket implements ScanMarket {

  private static final Logger log = LoggerFactory.getLogger(OkxScanMarket.class);

  /** More than OKX lists swaps: ask for the whole ranking. */
  private static final int RANK_ALL = 100_000;

  private final OkxMarketData okx;
  private final List<String> fixedSymbols;

  /**
   * Creates the market.
   *
   * @param okx the adapter (closed by {@link #close()})
   * @param fixedSymbols symbols to scan instead of the ranking; empty for the ranking
   */
  public OkxScanMarket(OkxMarketData okx, List<String> fixedSymbols) {
    this.okx = Objects.requireNonNull(okx, "okx");
    this.fixedSymbols = List.copyOf(fixedSymbols);
  }

  @Override
  public List<String> universe(int topN) {
    if (!fixedSymbols.isEmpty()) {
      return fixedSymbols.subList(0, Math.min(topN, fixedSymbols.size()));
    }
    // Rank every USDT swap, then keep the live ones OKX lists specs for: a delisted or suspended
    // swap still has a ticker but cannot be sized, and must not take a place in the top N.
    Set<String> live = new HashSet<>();
    for (ContractSpec spec : okx.swapInstruments().specs()) {
      if (spec.state() == InstrumentState.LIVE) {
        live.add(spec.instrumentId());
      }
    }
    List<String> out = new ArrayList<>();
    for (SwapVolume v : okx.topUsdtSwapsByQuoteVolume(RANK_ALL)) {
      if (out.size() == topN) {
        break;
      }
      if (live.contains(v.instId())) {
        out.add(v.instId());
      } else {
        log.debug("{}: ranked but not a live instrument; not scanned", v.instId());
      }
    }
    return out;
  }

  @Override
  public String universeSource() {
    return fixedSymbols.isEmpty()
        ? "OKX GET /api/v5/market/tickers?instType=SWAP and /api/v5/public/instruments?instType=SWAP"
        : "scan.symbols";
  }

  @Override
  public ContractSpec spec(String symbol) {
    return okx.contractSpec(symbol)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    symbol + ": OKX lists no such live swap in /api/v5/public/instruments"));
  }

  @Override
  public BarArrays latestClosed(String symbol, int count) {
    CandleHistory history = okx.latestClosedCandles(symbol, Timeframe.M5, count);
    for (CandleGap gap : history.gaps()) {
      log.warn(
          "{}: {} 5m candles missing between {} and {} (not filled)",
          symbol,
          gap.missingBars(),
          gap.previousOpenTime(),
          gap.nextOpenTime());
    }
    return history.bars();
  }

  @Override
  public void close() {
    okx.close();
  }
}
