package org.smc4j.app.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CsvFormat;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRates;
import org.smc4j.marketdata.validate.CandleValidator;
import org.smc4j.marketdata.validate.RawCandles;
import org.smc4j.marketdata.validate.ValidationMode;

/**
 * {@code data check}: reads candle and funding-rate CSV files and reports what is wrong with them.
 * Folders are walked recursively; the candle files of one folder with the same format and timeframe
 * form one series (e.g. six monthly Binance files), checked leniently for continuity across file
 * boundaries. Funding files are checked for the {@link #FUNDING_INTERVAL}. A file that cannot be
 * read is reported beside the others, which are still checked.
 */
public final class DataCheckJob {

  /** The funding interval the venues' USDT perpetuals settle at. */
  public static final Duration FUNDING_INTERVAL = Duration.ofHours(8);

  private DataCheckJob() {}

  private record SeriesKey(Path dir, CsvFormat format, Timeframe timeframe) {}

  /**
   * Runs the check.
   *
   * @param request what to check
   * @return every series, funding file and unreadable file, in report order
   */
  public static DataCheckResult run(DataCheckRequest request) {
    List<Path> files = CandleFileDiscovery.expand(request.inputs());
    List<FileCheck> checks = new ArrayList<>();
    Map<SeriesKey, List<RawCandles>> series = new LinkedHashMap<>();
    List<Path> fundingFiles = new ArrayList<>();
    for (Path f : files) {
      try {
        Optional<CsvFormat> format = CsvFormat.detect(f);
        if (format.isPresent() && !format.get().isCandles()) {
          fundingFiles.add(f);
          continue;
        }
        RawCandles raw = CandleCsvReader.readRaw(f);
        Timeframe tf =
            request.timeframe().orElseGet(() -> CandleCsvReader.inferTimeframe(List.of(raw)));
        Path dir = f.toAbsolutePath().getParent();
        series
            .computeIfAbsent(new SeriesKey(dir, format.orElseThrow(), tf), k -> new ArrayList<>())
            .add(raw);
      } catch (MarketDataException e) {
        checks.add(new UnreadableFile(f, e.getMessage()));
      }
    }
    List<Map.Entry<SeriesKey, List<RawCandles>>> ordered = new ArrayList<>(series.entrySet());
    ordered.sort(
        Comparator.comparing((Map.Entry<SeriesKey, List<RawCandles>> e) -> e.getKey().dir())
            .thenComparing(e -> e.getKey().format())
            .thenComparing(e -> e.getKey().timeframe().millis()));
    for (Map.Entry<SeriesKey, List<RawCandles>> e : ordered) {
      SeriesKey key = e.getKey();
      List<RawCandles> raw = e.getValue();
      Path parent = raw.get(0).file().getParent();
      checks.add(
          new SeriesCheck(
              parent == null ? Path.of(".") : parent,
              key.format(),
              CandleValidator.validate(
                      raw, key.timeframe(), ValidationMode.LENIENT, request.outlierRule())
                  .report()));
    }
    for (Path f : fundingFiles) {
      checks.add(checkFunding(f));
    }
    return new DataCheckResult(files.size(), checks);
  }

  private static FileCheck checkFunding(Path f) {
    FundingRates read;
    try {
      read = FundingRateCsvReader.LENIENT.read(f);
    } catch (MarketDataException e) {
      return new UnreadableFile(f, e.getMessage());
    }
    return new FundingCheck(read, read.history().irregularIntervals(FUNDING_INTERVAL));
  }
}
