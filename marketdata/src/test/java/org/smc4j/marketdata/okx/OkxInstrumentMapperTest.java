package org.smc4j.marketdata.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.json.JsonReader;
import org.smc4j.marketdata.json.JsonSyntaxException;

class OkxInstrumentMapperTest {

  private static final String BTC_LINE =
      "{\"instType\":\"SWAP\",\"instId\":\"BTC-USDT-SWAP\",\"ctType\":\"linear\","
          + "\"settleCcy\":\"USDT\",\"ctVal\":\"0.01\",\"ctMult\":\"1\",\"ctValCcy\":\"BTC\","
          + "\"tickSz\":\"0.1\",\"lotSz\":\"0.01\",\"minSz\":\"0.01\",\"maxLmtSz\":\"100000000\","
          + "\"maxMktSz\":\"12000\",\"state\":\"live\"}";

  private static String response(String... instruments) {
    return "{\"code\":\"0\",\"msg\":\"\",\"data\":[" + String.join(",", instruments) + "]}";
  }

  @Test
  void shouldMapTheRealSwapFixtureExactly() throws Exception {
    Path file = SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");
    OkxInstrumentMapper.Mapped mapped =
        OkxInstrumentMapper.mapResponse(Files.readString(file), file.getFileName().toString());
    assertThat(mapped.failures()).isEmpty();
    assertThat(mapped.specs())
        .extracting(ContractSpec::instrumentId)
        .containsExactly("BTC-USD-SWAP", "ETH-USDT-SWAP", "BTC-USDT-SWAP");
    // The same values the risk module's tests transcribe (RealSpecs).
    assertThat(mapped.specs().get(2))
        .isEqualTo(
            new ContractSpec(
                "BTC-USDT-SWAP",
                ContractType.LINEAR,
                "USDT",
                new BigDecimal("0.01"),
                new BigDecimal("1"),
                "BTC",
                new BigDecimal("0.1"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("100000000"),
                new BigDecimal("12000"),
                InstrumentState.LIVE));
    assertThat(mapped.specs().get(1))
        .isEqualTo(
            new ContractSpec(
                "ETH-USDT-SWAP",
                ContractType.LINEAR,
                "USDT",
                new BigDecimal("0.1"),
                new BigDecimal("1"),
                "ETH",
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("100000000"),
                new BigDecimal("20000"),
                InstrumentState.LIVE));
    ContractSpec inverse = mapped.specs().get(0);
    assertThat(inverse.type()).isEqualTo(ContractType.INVERSE);
    assertThat(inverse.settleCurrency()).isEqualTo("BTC");
    assertThat(inverse.contractValue()).isEqualByComparingTo("100");
    assertThat(inverse.contractValueCurrency()).isEqualTo("USD");
    assertThat(inverse.lotSize()).isEqualByComparingTo("1");
    assertThat(inverse.maxMarketSize()).isEqualByComparingTo("30000");
  }

  @Test
  void shouldReportSpotInstrumentsAsFailuresBesideTheSpecs() throws Exception {
    Path file = SharedData.requireShared("okx-fixtures/public-instruments-SPOT.json");
    OkxInstrumentMapper.Mapped mapped =
        OkxInstrumentMapper.mapResponse(Files.readString(file), "spot.json");
    assertThat(mapped.specs()).isEmpty();
    assertThat(mapped.failures())
        .containsExactly(
            "spot.json: instrument 0 (BTC-USDT): field instType: only SWAP and FUTURES contracts"
                + " are mapped, was SPOT");
  }

  @Test
  void shouldKeepGoodInstrumentsAndNameTheFieldOfBadOnes() {
    String noCtVal = BTC_LINE.replace("\"ctVal\":\"0.01\",", "").replace("BTC-USDT-SWAP", "A");
    String badTick =
        BTC_LINE.replace("\"tickSz\":\"0.1\"", "\"tickSz\":\"x\"").replace("BTC-USDT-SWAP", "B");
    String emptyMax =
        BTC_LINE
            .replace("\"maxMktSz\":\"12000\"", "\"maxMktSz\":\"\"")
            .replace("BTC-USDT-SWAP", "C");
    String badState = BTC_LINE.replace("\"live\"", "\"gone\"").replace("BTC-USDT-SWAP", "D");
    String badType = BTC_LINE.replace("\"linear\"", "\"quanto\"").replace("BTC-USDT-SWAP", "E");
    String badMin =
        BTC_LINE.replace("\"minSz\":\"0.01\"", "\"minSz\":\"0.015\"").replace("BTC-USDT-SWAP", "F");
    OkxInstrumentMapper.Mapped mapped =
        OkxInstrumentMapper.mapResponse(
            response(noCtVal, BTC_LINE, badTick, emptyMax, badState, badType, badMin), "r");
    assertThat(mapped.specs())
        .extracting(ContractSpec::instrumentId)
        .containsExactly("BTC-USDT-SWAP");
    assertThat(mapped.failures())
        .containsExactly(
            "r: instrument 0 (A): field ctVal is missing",
            "r: instrument 2 (B): field tickSz is not a decimal number: \"x\"",
            "r: instrument 3 (C): field maxMktSz is empty",
            "r: instrument 4 (D): field state: state must be one of live, suspend, preopen, test,"
                + " was \"gone\"",
            "r: instrument 5 (E): field ctType: ctType must be linear or inverse, was \"quanto\"",
            "r: instrument 6 (F): contract spec F: minSize (minSz) must be a multiple of lotSize"
                + " (lotSz) 0.01, was 0.015");
  }

  @Test
  void shouldRejectOkxErrorEnvelopesAndMalformedBodies() throws Exception {
    Path rateLimited = SharedData.requireShared("okx-fixtures/error-50011-rate-limit-http429.json");
    assertThatThrownBy(
            () -> OkxInstrumentMapper.mapResponse(Files.readString(rateLimited), "429.json"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("429.json: OKX returned code 50011 \"Too Many Requests\" instead of 0");
    assertThatThrownBy(() -> OkxInstrumentMapper.mapResponse("{\"code\":\"0\"}", "r"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("r: field data must be an array of instruments");
    assertThatThrownBy(() -> OkxInstrumentMapper.mapResponse("[1]", "r"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("r: expected a JSON object with code, msg and data");
    assertThatThrownBy(() -> OkxInstrumentMapper.mapResponse("{\"data\":[]}", "r"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("r: OKX returned code (missing) instead of 0");
    assertThatThrownBy(() -> OkxInstrumentMapper.mapResponse("{not json", "r"))
        .isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith("r: not a JSON instruments response: ")
        .hasCauseInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void shouldMapOneInstrumentNodeAndRejectNonObjects() throws Exception {
    assertThat(OkxInstrumentMapper.map(JsonReader.parse(BTC_LINE)).tickSize())
        .isEqualTo(new BigDecimal("0.1"));
    assertThatThrownBy(() -> OkxInstrumentMapper.map(JsonReader.parse("\"x\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a JSON object, was a string");
    assertThatThrownBy(
            () ->
                OkxInstrumentMapper.map(
                    JsonReader.parse(BTC_LINE.replace("\"0.01\",\"ctMult\"", "[],\"ctMult\""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field ctVal must be a string or number");
  }
}
