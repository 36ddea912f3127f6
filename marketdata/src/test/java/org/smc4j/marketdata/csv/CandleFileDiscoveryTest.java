package org.smc4j.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.MarketDataException;

class CandleFileDiscoveryTest {

  @TempDir Path dir;

  /** Two 5m rows in the Bybit layout, so that the timeframe can be read from the rows too. */
  private static final String FIVE_MINUTE_ROWS =
      "timestamp,open,high,low,close,volume\n"
          + "2025-04-03 17:05:00+00:00,100,101,99,100.5,1\n"
          + "2025-04-03 17:10:00+00:00,100.5,101,99,100,1\n";

  private Path file(String relative) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, FIVE_MINUTE_ROWS);
    return f;
  }

  @Test
  void shouldTakeTheSymbolOfABinanceMonthlyFileUpToItsTimeframe() {
    assertThat(CandleFileDiscovery.symbolOf(Path.of("d", "BTCUSDT-5m-2025-01.csv")))
        .isEqualTo("BTCUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("1000PEPEUSDT-5m-2025-06.CSV")))
        .isEqualTo("1000PEPEUSDT");
  }

  @Test
  void shouldTakeTheSymbolOfABybitFile() {
    assertThat(CandleFileDiscovery.symbolOf(Path.of("BTCUSDT_5m.csv"))).isEqualTo("BTCUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("dogeusdt_15m.csv"))).isEqualTo("DOGEUSDT");
  }

  @Test
  void shouldKeepTheOkxInstrumentIdOfAnOkxStyleFile() {
    assertThat(CandleFileDiscovery.symbolOf(Path.of("BTC-USDT-SWAP_5m.csv")))
        .isEqualTo("BTC-USDT-SWAP");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("ETH-USDT-SWAP-15m.csv")))
        .isEqualTo("ETH-USDT-SWAP");
  }

  @Test
  void shouldAcceptOneLetterBases() {
    // backtest used to require two characters before the quote currency and refused these.
    assertThat(CandleFileDiscovery.symbolOf(Path.of("WUSDT-5m-2025-01.csv"))).isEqualTo("WUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("TUSDT_5m.csv"))).isEqualTo("TUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("data", "WUSDT", "candles.csv")))
        .isEqualTo("WUSDT");
  }

  @Test
  void shouldTakeTheSymbolFolderOfANameWithoutTimeframe() {
    assertThat(CandleFileDiscovery.symbolOf(Path.of("root", "BTCUSDT", "5m", "part-1.csv")))
        .as("<root>/<SYMBOL>/<tf>/files")
        .isEqualTo("BTCUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("root", "SOLUSDT", "SOL_binance_funding.csv")))
        .as("<root>/<SYMBOL>/files")
        .isEqualTo("SOLUSDT");
    assertThat(CandleFileDiscovery.symbolOf(Path.of("root", "BTC-USDT-SWAP", "candles.csv")))
        .isEqualTo("BTC-USDT-SWAP");
  }

  @Test
  void shouldTakeABareSymbolFileName() {
    assertThat(CandleFileDiscovery.symbolOf(Path.of("plain", "BTCUSDT.csv"))).isEqualTo("BTCUSDT");
  }

  @Test
  void shouldRefuseANameThatGivesNoSymbolNamingTheFileAndTheForms() {
    // No timeframe token, not a quoted symbol, and no symbol folder.
    assertThatThrownBy(() -> CandleFileDiscovery.symbolOf(Path.of("plain", "candles.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot infer the symbol of "
                + Path.of("plain", "candles.csv")
                + ": name the file like BTCUSDT-5m-2025-01.csv, BTCUSDT_5m.csv or"
                + " BTC-USDT-SWAP_5m.csv, or put it in a folder named like BTCUSDT");
    // The timeframe comes first: nothing before it names a symbol.
    assertThat(CandleFileDiscovery.findSymbol(Path.of("plain", "5m_BTC.csv"))).isEmpty();
    // A symbol folder does not rescue a name whose part before the timeframe is not a symbol.
    assertThat(CandleFileDiscovery.findSymbol(Path.of("BTCUSDT", "5m", "a b_5m.csv"))).isEmpty();
  }

  @Test
  void shouldReadTheTimeframeFromTheNameThenTheFolderThenTheRows() throws IOException {
    assertThat(CandleFileDiscovery.timeframeOf(Path.of("BTCUSDT-15m-2025-01.csv")))
        .isEqualTo(Timeframe.M15);
    assertThat(CandleFileDiscovery.timeframeOf(Path.of("x", "BTCUSDT", "1m", "part.csv")))
        .isEqualTo(Timeframe.M1);
    assertThat(CandleFileDiscovery.timeframeOf(file("BTCUSDT/rows.csv"))).isEqualTo(Timeframe.M5);
  }

  @Test
  void shouldGroupMonthlyFilesOfOneFolderIntoOneSeriesAndSkipOtherTimeframes() throws IOException {
    Path jan = file("binance/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv");
    Path feb = file("binance/BTCUSDT/5m/BTCUSDT-5m-2025-02.csv");
    Path w = file("binance/WUSDT/5m/WUSDT-5m-2025-01.csv");
    Path okx = file("okx/BTC-USDT-SWAP_5m.csv");
    Path fifteen = file("bybit/DOGEUSDT/15m/DOGEUSDT_15m.csv");
    Path doge = file("bybit/DOGEUSDT/5m/DOGEUSDT_5m.csv");

    CandleFiles found = CandleFileDiscovery.discover(List.of(dir), Timeframe.M5);

    assertThat(found.bySymbol())
        .containsOnlyKeys("BTC-USDT-SWAP", "BTCUSDT", "DOGEUSDT", "WUSDT")
        .containsEntry("BTCUSDT", List.of(jan, feb))
        .containsEntry("WUSDT", List.of(w))
        .containsEntry("BTC-USDT-SWAP", List.of(okx))
        .containsEntry("DOGEUSDT", List.of(doge));
    assertThat(found.symbols()).containsExactly("BTC-USDT-SWAP", "BTCUSDT", "DOGEUSDT", "WUSDT");
    assertThat(found.otherTimeframes()).containsExactly(fifteen);
    assertThat(found.failures()).isEmpty();
  }

  @Test
  void shouldFailASymbolWhoseFilesLieInTwoFolders() throws IOException {
    file("binance/BTCUSDT/5m/BTCUSDT-5m-2025-04.csv");
    file("bybit/BTCUSDT/5m/BTCUSDT_5m.csv");
    Path sol = file("bybit/SOLUSDT/5m/SOLUSDT_5m.csv");

    CandleFiles found = CandleFileDiscovery.discover(List.of(dir), Timeframe.M5);

    assertThat(found.bySymbol()).containsOnlyKeys("SOLUSDT").containsEntry("SOLUSDT", List.of(sol));
    assertThat(found.failures().get("BTCUSDT"))
        .startsWith("5m files of this symbol lie in 2 folders [")
        .endsWith("; one series comes from one folder");
  }

  @Test
  void shouldFailANamedFileOfAnotherTimeframeAndANameWithoutSymbol() throws IOException {
    Path fifteen = file("XRPUSDT_15m.csv");
    Path nameless = file("plain/candles.csv");
    Path doge = file("DOGEUSDT_5m.csv");

    CandleFiles found =
        CandleFileDiscovery.discover(List.of(fifteen, dir.resolve("plain"), doge), Timeframe.M5);

    assertThat(found.bySymbol()).containsOnlyKeys("DOGEUSDT");
    assertThat(found.failures())
        .containsEntry("XRPUSDT", fifteen + " holds 15m candles, expected 5m")
        .containsKey(nameless.toString());
    assertThat(found.failures().get(nameless.toString())).startsWith("cannot infer the symbol of");
  }

  @Test
  void shouldRefuseAMissingInput() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> CandleFileDiscovery.discover(List.of(missing), Timeframe.M5))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("no such file or directory: " + missing);
  }

  @Test
  void shouldFindTheSharedDataSymbolsOfBothVenuesByTheOneRule() {
    Path binance = SharedData.requireData("binance-usdm");
    Path bybit = SharedData.requireData("bybit-linear");

    CandleFiles b = CandleFileDiscovery.discover(List.of(binance), Timeframe.M5);
    CandleFiles y = CandleFileDiscovery.discover(List.of(bybit), Timeframe.M15);

    assertThat(b.symbols()).containsExactly("1000PEPEUSDT", "BTCUSDT", "NEARUSDT", "SOLUSDT");
    assertThat(b.bySymbol().get("BTCUSDT")).hasSize(6);
    assertThat(y.symbols()).containsExactly("BTCUSDT", "DOGEUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT");
    // the 5m files and DOGEUSDT's 1m file
    assertThat(y.otherTimeframes()).hasSize(6);
  }
}
