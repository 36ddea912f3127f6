package org.smc4j.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.FundingHistories;

/** Candles through Hadoop's file systems ({@code file:} URIs here) equal the local reader's. */
class HadoopCandleSourceTest {

  private static final Instant FROM = Instant.parse("2025-02-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");

  @Test
  void shouldReadExactlyWhatTheLocalSourceReadsFromAFileUri() {
    Path data = SharedData.requireData("binance-usdm").toAbsolutePath();
    HadoopCandleSource remote =
        HadoopCandleSource.of(
            data.toUri().toString(), new Configuration(), CandleCsvReader.STRICT, FROM, TO);
    CsvCandleSource local = CsvCandleSource.of(data, CandleCsvReader.STRICT, FROM, TO);

    assertThat(remote.symbols()).isEqualTo(local.symbols());
    for (String symbol : List.of("SOLUSDT", "BTCUSDT")) {
      BarArrays r = remote.fiveMinute(symbol);
      BarArrays l = local.fiveMinute(symbol);
      assertThat(r.size()).isEqualTo(l.size()).isPositive();
      assertThat(r.openTimeMillisUnsafe()).isEqualTo(l.openTimeMillisUnsafe());
      assertThat(r.openUnsafe()).isEqualTo(l.openUnsafe());
      assertThat(r.closeUnsafe()).isEqualTo(l.closeUnsafe());
      assertThat(r.volumeUnsafe()).isEqualTo(l.volumeUnsafe());
    }
  }

  @Test
  void shouldFindSymbolsByFolderAndLeaveNoCopyBehind(@TempDir Path dir) throws IOException {
    Path data = SharedData.requireData("binance-usdm").toAbsolutePath();
    // a file named without its symbol, in a folder named by it
    Path file;
    try (Stream<Path> files = Files.walk(data.resolve("SOLUSDT"))) {
      file = files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
    }
    Path mine = Files.createDirectories(dir.resolve("candles").resolve("SOLUSDT"));
    Files.copy(file, mine.resolve("5m-part.csv"));
    long tempsBefore = temps();

    HadoopCandleSource source =
        HadoopCandleSource.of(
            "file:" + dir.resolve("candles"),
            new Configuration(),
            CandleCsvReader.STRICT,
            Instant.EPOCH,
            Instant.parse("2100-01-01T00:00:00Z"));

    assertThat(source.symbols()).containsExactly("SOLUSDT");
    assertThat(source.fiveMinute("SOLUSDT").size()).isPositive();
    assertThat(temps()).isEqualTo(tempsBefore);
    assertThatThrownBy(() -> source.fiveMinute("BTCUSDT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BTCUSDT: no 5m candle files in file:")
        .hasMessageContaining("(found [SOLUSDT])");
  }

  @Test
  void shouldNameAFolderThatDoesNotExist(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                HadoopCandleSource.of(
                    dir.resolve("nope").toUri().toString(),
                    new Configuration(),
                    CandleCsvReader.STRICT,
                    FROM,
                    TO))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("data folder file:")
        .hasMessageContaining("nope");
  }

  @Test
  void shouldReadFundingFilesThroughACopy() {
    Path funding = SharedData.requireData("binance-usdm-funding").toAbsolutePath();

    FundingHistories copied =
        HadoopCandleSource.readCopy(
            funding.toUri().toString(), new Configuration(), FundingHistories::read);

    assertThat(copied).isEqualTo(FundingHistories.read(funding));
  }

  private static long temps() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("smc4j-candles-")).count();
    }
  }
}
