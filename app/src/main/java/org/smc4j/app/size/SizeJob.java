package org.smc4j.app.size;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxSettings;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.risk.PositionSizer;
import org.smc4j.risk.SizingResult;

/**
 * {@code size}: how many contracts risk a fixed dollar amount between an entry and a stop, on a
 * real contract spec ({@link PositionSizer}, all-in: price move, both fees and the stop's
 * slippage).
 */
public final class SizeJob {

  private SizeJob() {}

  /**
   * Sizes a trade.
   *
   * @param request the trade and the sizing parameters
   * @param catalogue the contract specs to find the symbol in
   * @return the spec used, the side and the sizer's answer
   * @throws IllegalArgumentException when the symbol is unknown (see {@link #find})
   */
  public static SizeOutcome run(SizeRequest request, ContractSpecs catalogue) {
    ContractSpec contract = find(catalogue, request.symbol());
    Side side = request.side().orElse(request.stop() > request.entry() ? Side.SHORT : Side.LONG);
    SizingResult result =
        new PositionSizer(request.parameters())
            .size(side, request.entry(), request.stop(), contract);
    return new SizeOutcome(contract, side, request.parameters(), catalogue.source(), result);
  }

  /**
   * Returns the contract specs a trade is sized on: the file when one is given, else the live swap
   * specs from OKX (there is no built-in list: specs change, and a stale copy would size wrongly).
   *
   * @param file an OKX instruments JSON or a spec CSV; empty to fetch the live specs
   * @param okxUrl the OKX REST base URL for the live specs
   * @return the specs, their source naming the file or the URL
   * @throws IllegalArgumentException naming {@code --okx-url} when the URL is not usable
   * @throws MarketDataException naming {@code --specs} and the file when it cannot be read or is
   *     invalid, or naming the URL when OKX cannot be reached or answers with an error
   */
  public static ContractSpecs specs(Optional<Path> file, URI okxUrl) {
    if (file.isPresent()) {
      Path path = file.get();
      try {
        return ContractSpecs.read(path);
      } catch (UncheckedIOException e) {
        throw new MarketDataException(
            "cannot read --specs "
                + path
                + (e.getCause() instanceof NoSuchFileException
                    ? ": no such file"
                    : ": " + e.getCause().getMessage()),
            e);
      } catch (IllegalArgumentException e) {
        throw new MarketDataException("--specs " + path + ": " + e.getMessage(), e);
      }
    }
    try {
      return liveSpecs(okxUrl);
    } catch (MarketDataException e) {
      throw new MarketDataException(
          "cannot fetch the contract specs from OKX "
              + okxUrl
              + " (live): "
              + e.getMessage()
              + " (pass --specs FILE to size offline)",
          e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--okx-url: " + e.getMessage(), e);
    }
  }

  /**
   * Fetches the live swap specs from OKX.
   *
   * @param okxUrl the REST base URL
   * @return the specs, their source naming the URL
   * @throws IllegalArgumentException when the URL is not usable
   * @throws MarketDataException when OKX cannot be reached or answers with an error
   */
  public static ContractSpecs liveSpecs(URI okxUrl) {
    OkxSettings settings = OkxSettings.defaults().withBaseUrl(okxUrl);
    try (OkxMarketData okx = OkxMarketData.create(settings)) {
      OkxInstrumentMapper.Mapped mapped = okx.swapInstruments();
      return ContractSpecs.of("OKX " + okxUrl + " (live)", mapped.specs(), mapped.failures());
    }
  }

  /**
   * Finds the spec of a symbol in the catalogue ({@link ContractSpecs#find}: {@code BTCUSDT}
   * matches {@code BTC-USDT-SWAP}).
   *
   * @param catalogue the specs
   * @param symbol the symbol asked for
   * @return the spec
   * @throws IllegalArgumentException when the symbol is unknown (naming the count, the source and
   *     the near matches) or its instrument could not be read
   */
  public static ContractSpec find(ContractSpecs catalogue, String symbol) {
    Optional<ContractSpec> found = catalogue.find(symbol);
    if (found.isPresent()) {
      return found.get();
    }
    List<ContractSpec> all = catalogue.all();
    List<String> unreadable = catalogue.unreadable();
    String source = catalogue.source();
    for (String failure : unreadable) {
      if (failure.contains("(" + symbol + ")")) {
        throw new IllegalArgumentException(
            symbol + " is in " + source + " but could not be read: " + failure);
      }
    }
    List<String> near =
        all.stream()
            .map(ContractSpec::instrumentId)
            .filter(
                id ->
                    distance(normalise(id), normalise(symbol)) <= 3
                        || normalise(id).contains(normalise(symbol))
                        || normalise(symbol).contains(normalise(id)))
            .sorted(
                Comparator.comparingInt((String id) -> distance(id, symbol))
                    .thenComparing(id -> id))
            .limit(5)
            .toList();
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unknown symbol %s: not among the %d instruments in %s%s; %s",
            symbol,
            all.size(),
            source,
            unreadable.isEmpty() ? "" : " (" + unreadable.size() + " more could not be read)",
            near.isEmpty() ? "no near matches" : "near matches: " + String.join(", ", near)));
  }

  private static String normalise(String id) {
    return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
