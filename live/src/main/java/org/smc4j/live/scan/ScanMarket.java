package org.smc4j.live.scan;

import java.util.List;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;

/**
 * What the scan loop needs from a market: the ranked universe, contract specs and the newest closed
 * 5m candles. {@link OkxScanMarket} asks OKX; {@link ReplayScanMarket} answers from candle files on
 * a simulated clock. Implementations are thread-safe: symbols are fetched in parallel.
 */
public interface ScanMarket extends AutoCloseable {

  /**
   * Returns the symbols to scan, best first.
   *
   * @param topN how many at most
   * @return the symbols, known as of now
   * @throws RuntimeException (a {@code MarketDataException}) when the ranking cannot be fetched
   */
  List<String> universe(int topN);

  /**
   * Returns a symbol's contract spec.
   *
   * @param symbol the instrument
   * @return its spec
   * @throws IllegalStateException when the market does not list the symbol
   */
  ContractSpec spec(String symbol);

  /**
   * Returns up to {@code count} of the newest 5m candles that have closed by now, ascending.
   *
   * @param symbol the instrument
   * @param count how many at most, {@code >= 1}
   * @return the candles (possibly fewer, possibly with gaps)
   */
  BarArrays latestClosed(String symbol, int count);

  @Override
  void close();

  /**
   * Names where {@link #universe} comes from, for messages, e.g. the endpoints asked.
   *
   * @return the source
   */
  default String universeSource() {
    return "the market's universe";
  }
}
