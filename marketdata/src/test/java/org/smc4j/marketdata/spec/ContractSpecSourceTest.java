package org.smc4j.marketdata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;

class ContractSpecSourceTest {

  @TempDir Path dir;

  private static final String BTC_CSV =
      "instId,ctType,settleCcy,ctVal,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz\n"
          + "BTCUSDT,linear,USDT,1,BTC,0.1,0.001,0.001,1000,120\n";

  private static BarArrays bars(double... closes) {
    long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    long[] times = new long[closes.length];
    double[] volume = new double[closes.length];
    for (int i = 0; i < closes.length; i++) {
      times[i] = t + 300_000L * i;
      volume[i] = 1;
    }
    return BarArrays.of(Timeframe.M5, times, closes, closes, closes, closes, volume);
  }

  @Test
  void shouldReadTheSavedOkxInstrumentsJsonAndFindItsIdsByEitherSpelling() {
    Path json = SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");

    ContractSpecs specs = ContractSpecs.read(json);

    assertThat(specs.source()).isEqualTo(json.toString());
    ContractSpec btc = specs.find("BTC-USDT-SWAP").orElseThrow();
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.contractValue()).isEqualByComparingTo("0.01");
    assertThat(specs.find("BTCUSDT")).contains(btc);
    assertThat(specs.find("btc-usdt")).contains(btc);
    assertThat(specs.find("ETHUSDT").orElseThrow().instrumentId()).isEqualTo("ETH-USDT-SWAP");
    assertThat(specs.find("SOLUSDT")).isEmpty();
  }

  @Test
  void shouldReadASpecCsvAndFindItByTheOkxId() throws Exception {
    Path csv = dir.resolve("specs.csv");
    Files.writeString(csv, BTC_CSV);

    ContractSpecs specs = ContractSpecs.read(csv);

    assertThat(specs.find("BTC-USDT-SWAP").orElseThrow().instrumentId()).isEqualTo("BTCUSDT");
    assertThat(specs.unreadable()).isEmpty();
  }

  @Test
  void shouldNameTheFileOfABadJsonAndOfAMissingFile() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"code\":\"50011\",\"msg\":\"Too Many Requests\",\"data\":[]}");
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> ContractSpecs.read(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(bad + ": OKX returned code 50011 \"Too Many Requests\" instead of 0");
    assertThatThrownBy(() -> ContractSpecs.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read contract spec file " + missing + ": no such file")
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void shouldKeyIdsOnLettersAndDigitsWithoutTheSwapSuffix() {
    assertThat(ContractSpecs.key("BTC-USDT-SWAP")).isEqualTo("BTCUSDT");
    assertThat(ContractSpecs.key("1000pepe_usdt")).isEqualTo("1000PEPEUSDT");
    assertThat(ContractSpecs.key("BTC-USDT-250328")).isEqualTo("BTCUSDT250328");
  }

  @Test
  void shouldInferAndSayItWhenNoFileIsGiven() {
    ResolvedSpec s = ContractSpecSource.inferred().resolve("WUSDT", bars(0.1234, 0.1235));

    assertThat(s.inferred()).isTrue();
    assertThat(s.spec().tickSize()).isEqualByComparingTo("0.0001");
    assertThat(s.spec().contractValueCurrency()).isEqualTo("W");
    assertThat(s.describe())
        .isEqualTo(
            "tick 0.0001 inferred from the price decimals; assumed linear, 1 W per contract, lot 1"
                + " (give --specs for the venue's sizing)");
  }

  @Test
  void shouldTakeTheFileSpecAndNameItsSource() {
    ContractSpecs file = ContractSpecs.parse(BTC_CSV, "specs.csv");

    ResolvedSpec s =
        ContractSpecSource.of(file, ContractSpecSource.Missing.FAIL)
            .resolve("BTCUSDT", bars(100.5));

    assertThat(s.source()).contains("specs.csv");
    assertThat(s.describe())
        .isEqualTo("tick 0.1, 1 BTC per contract, lot 0.001 from specs.csv (BTCUSDT)");
  }

  @Test
  void shouldRefuseOrInferASymbolTheFileLacksAsAsked() {
    ContractSpecs file = ContractSpecs.parse(BTC_CSV, "specs.csv");
    BarArrays sol = bars(150.25, 150.5);

    assertThatThrownBy(
            () ->
                ContractSpecSource.of(file, ContractSpecSource.Missing.FAIL)
                    .resolve("SOLUSDT", sol))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--specs specs.csv: no contract for SOLUSDT (1 read, BTC-USDT-SWAP matches BTCUSDT)");
    ResolvedSpec inferred =
        ContractSpecSource.of(file, ContractSpecSource.Missing.INFER).resolve("SOLUSDT", sol);
    assertThat(inferred.source()).isEqualTo(Optional.empty());
    assertThat(inferred.spec().tickSize()).isEqualByComparingTo("0.01");
  }

  @Test
  void shouldInferTheTickFromTheFinestDecimalOfAnyPrice() {
    assertThat(TickSizeInference.fromPrices(bars(100.0, 100.5, 101.25)))
        .isEqualByComparingTo("0.01");
    assertThat(TickSizeInference.fromPrices(bars(100, 102, 99))).isEqualByComparingTo("1");
    assertThatThrownBy(() -> TickSizeInference.fromPrices(bars(0.123456789012)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot infer the tick size: a price has more than 10 decimals; give the venue's tick"
                + " size or contract specs");
  }

  @Test
  void shouldInferTheTicksOfTheRealBinanceFiles() {
    Path btc = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv");
    Path pepe = SharedData.requireData("binance-usdm/1000PEPEUSDT/5m/1000PEPEUSDT-5m-2025-01.csv");

    // README of the data: BTCUSDT prices carry 2 decimals but end in 0 (93548.80), PEPE 7.
    assertThat(TickSizeInference.fromPrices(CandleCsvReader.STRICT.read(List.of(btc)).bars()))
        .isEqualByComparingTo("0.1");
    assertThat(TickSizeInference.fromPrices(CandleCsvReader.STRICT.read(List.of(pepe)).bars()))
        .isEqualByComparingTo("0.0000001");
  }

  @Test
  void shouldReadEveryContractOfTheRealOkxAnswerWithoutAJsonLibraryAndListTheOthers() {
    Path json = SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");
    Path spot = SharedData.requireShared("okx-fixtures/public-instruments-SPOT.json");

    ContractSpecFile.OkxInstruments swaps =
        ContractSpecFile.parseOkxInstruments(readString(json), "swap.json");
    ContractSpecFile.OkxInstruments spots =
        ContractSpecFile.parseOkxInstruments(readString(spot), "spot.json");

    // okx-fixtures/public-instruments-SWAP.json: BTC-USD-SWAP (inverse, 100 USD), ETH-USDT-SWAP
    // (0.1 ETH, lot 0.01) and BTC-USDT-SWAP (0.01 BTC, tick 0.1, lot and min 0.01, max 12000)
    assertThat(swaps.unreadable()).isEmpty();
    assertThat(swaps.specs())
        .extracting(ContractSpec::instrumentId)
        .containsExactly("BTC-USD-SWAP", "ETH-USDT-SWAP", "BTC-USDT-SWAP");
    ContractSpec btc = swaps.specs().get(2);
    assertThat(btc.contractValue()).isEqualByComparingTo("0.01");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.lotSize()).isEqualByComparingTo("0.01");
    assertThat(btc.minSize()).isEqualByComparingTo("0.01");
    assertThat(btc.maxSize(org.smc4j.core.instrument.Liquidity.TAKER))
        .isEqualByComparingTo("12000");
    assertThat(swaps.specs().get(0).contractValueCurrency()).isEqualTo("USD");
    assertThat(spots.specs()).isEmpty();
    assertThat(spots.unreadable())
        .singleElement()
        .asString()
        .startsWith("spot.json: instrument 0 (BTC-USDT): field instType: only SWAP and FUTURES");
  }

  @Test
  void shouldNameInstrumentAndFieldOfABadOkxInstrumentAndThePlaceOfBrokenJson() {
    String body =
        "{\"code\":\"0\",\"msg\":\"\",\"data\":["
            + "{\"instId\":\"A-USDT-SWAP\",\"instType\":\"SWAP\",\"ctType\":\"linear\","
            + "\"settleCcy\":\"USDT\",\"ctValCcy\":\"A\",\"tickSz\":\"0.1\",\"lotSz\":\"1\","
            + "\"minSz\":\"1\",\"maxLmtSz\":\"10\",\"maxMktSz\":\"10\",\"state\":\"live\"},"
            + "{\"instId\":\"B-USDT-SWAP\",\"instType\":\"SWAP\",\"ctType\":\"linear\","
            + "\"settleCcy\":\"USDT\",\"ctVal\":\"1\",\"ctValCcy\":\"B\",\"tickSz\":\"-0.1\","
            + "\"lotSz\":\"1\",\"minSz\":\"1\",\"maxLmtSz\":\"10\",\"maxMktSz\":\"10\"}]}";

    ContractSpecs specs = ContractSpecs.parse(body, "r.json");

    assertThat(specs.all()).isEmpty();
    assertThat(specs.unreadable())
        .containsExactly(
            "r.json: instrument 0 (A-USDT-SWAP): field ctVal: missing",
            "r.json: instrument 1 (B-USDT-SWAP): field tickSz: must be > 0, was -0.1");
    assertThat(specs.unreadable("BUSDT")).hasValueSatisfying(m -> assertThat(m).contains("tickSz"));
    assertThatThrownBy(() -> ContractSpecs.parse("{\"code\":\"0\",\"data\":[", "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "t.json: not an OKX instruments answer: line 1, column 21: unexpected end of text,"
                + " expected a value");
  }

  @Test
  void shouldTakeTheShippedOkxSpecsOfflineAndInferTheOthersSayingSoPerSymbol() {
    BarArrays sol = bars(148.1234, 148.2, 148.3);
    ContractSpecSource source = ContractSpecSource.offlineDefault();

    ResolvedSpec btc = source.resolve("BTCUSDT", bars(84000.1, 84000.2, 84000.3));
    ResolvedSpec other = source.resolve("SOLUSDT", sol);

    assertThat(btc.inferred()).isFalse();
    assertThat(btc.spec().instrumentId()).isEqualTo("BTC-USDT-SWAP");
    assertThat(btc.describe())
        .isEqualTo(
            "tick 0.1, 0.01 BTC per contract, lot 0.01 from the OKX specs shipped with smc4j, 2"
                + " USDT swaps as of 2025-10-24 (BTC-USDT-SWAP)");
    assertThat(other.inferred()).isTrue();
    assertThat(other.spec()).isEqualTo(InferredContractSpec.from("SOLUSDT", sol));
    assertThat(other.describe())
        .startsWith("tick 0.0001 inferred from the price decimals; assumed linear, ")
        .endsWith(
            "; not in the OKX specs shipped with smc4j, 2 USDT swaps as of 2025-10-24 (give"
                + " --specs for the venue's sizing)");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
