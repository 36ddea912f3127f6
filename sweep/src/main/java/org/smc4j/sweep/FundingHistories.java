package org.smc4j.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.funding.HistoricalFundingModel;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.funding.FundingRate;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRateHistory;

/**
 * Funding-rate histories by symbol, as {@code smc4j backtest --funding} reads them: a backtest of a
 * symbol with a history is charged its rates, and the constant {@code backtest.funding-rate} where
 * the history has no settlement; a symbol without one is charged the constant throughout.
 *
 * @param bySymbol per symbol, rates by exchange funding time (epoch ms)
 */
public record FundingHistories(Map<String, Map<Long, Double>> bySymbol) {

  /** No history: every settlement at the constant rate. */
  public static final FundingHistories NONE = new FundingHistories(Map.of());

  /** Copies the maps, sorted. */
  public FundingHistories {
    Objects.requireNonNull(bySymbol, "bySymbol");
    Map<String, Map<Long, Double>> copy = new TreeMap<>();
    bySymbol.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    bySymbol = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads the funding CSV files under a folder (walked, sorted), each file's symbol from its name
   * or its nearest folder named like a symbol, strictly.
   *
   * @param root the folder
   * @return the histories
   * @throws MarketDataException when a file cannot be read or is malformed
   * @throws IllegalArgumentException when the folder does not exist
   */
  public static FundingHistories read(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no such funding folder: " + root);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new MarketDataException("cannot walk " + root + ": " + e.getMessage(), e);
    }
    Map<String, Map<Long, Double>> out = new TreeMap<>();
    for (Path f : files) {
      Optional<String> symbol = CsvCandleSource.symbolOf(f);
      if (symbol.isEmpty()) {
        continue;
      }
      FundingRateHistory h = FundingRateCsvReader.STRICT.read(f).history();
      Map<Long, Double> rates = out.computeIfAbsent(symbol.get(), k -> new TreeMap<>());
      for (int i = 0; i < h.size(); i++) {
        FundingRate r = h.get(i);
        rates.put(r.settlementTime().toEpochMilli(), r.rate());
      }
    }
    return new FundingHistories(out);
  }

  /**
   * Returns the funding model of one symbol's backtest.
   *
   * @param symbol the instrument
   * @param settings the combination's settings (constant rate and settlement interval)
   * @return its history with the constant rate where it has none, or the constant rate alone
   */
  public FundingModel model(String symbol, RunSettings settings) {
    ConstantFundingModel constant = new ConstantFundingModel(settings.fundingRate());
    Map<Long, Double> own = bySymbol.get(symbol);
    if (own == null) {
      return constant;
    }
    return HistoricalFundingModel.of(
        Map.of(symbol, own), new FundingSchedule(settings.fundingInterval().toMillis()), constant);
  }
}
