package org.smc4j.marketdata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.marketdata.MarketDataException;

class BundledOkxSpecsTest {

  @Test
  void shouldShipTheDatedUsdtSwapSpecsOfTheOkxFixtureWithEverySizeField() {
    BundledOkxSpecs bundled = BundledOkxSpecs.load();

    assertThat(bundled.asOf()).isEqualTo(LocalDate.parse("2025-10-24"));
    assertThat(bundled.source()).contains("public-instruments-SWAP.json");
    assertThat(bundled.specs())
        .extracting(ContractSpec::instrumentId)
        .containsExactly("ETH-USDT-SWAP", "BTC-USDT-SWAP");
    // okx-fixtures/public-instruments-SWAP.json: ctVal 0.01 BTC, tickSz 0.1, lotSz and minSz 0.01.
    ContractSpec btc = bundled.find("BTCUSDT").orElseThrow();
    assertThat(btc.contractValue()).isEqualByComparingTo("0.01");
    assertThat(btc.contractValueCurrency()).isEqualTo("BTC");
    assertThat(btc.settleCurrency()).isEqualTo("USDT");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.lotSize()).isEqualByComparingTo("0.01");
    assertThat(btc.minSize()).isEqualByComparingTo("0.01");
    assertThat(btc.maxSize(Liquidity.TAKER)).isEqualByComparingTo("12000");
  }

  @Test
  void shouldFindASymbolInEveryUsualSpellingAndSayWhenItFallsBackToInference() {
    BundledOkxSpecs bundled = BundledOkxSpecs.load();

    assertThat(bundled.find("BTC-USDT-SWAP")).isPresent();
    assertThat(bundled.find("btc-usdt")).isPresent();
    assertThat(bundled.find("ethusdt").orElseThrow().instrumentId()).isEqualTo("ETH-USDT-SWAP");
    assertThat(bundled.find("NEARUSDT")).isEmpty();
    assertThat(bundled.fallbackNote("NEARUSDT"))
        .isEqualTo(
            "NEARUSDT: not in the OKX specs shipped with smc4j (2 USDT swaps as of 2025-10-24);"
                + " contract spec inferred from the candles");
    assertThat(bundled.foundNote("BTCUSDT", bundled.find("BTCUSDT").orElseThrow()))
        .isEqualTo(
            "BTCUSDT: OKX spec BTC-USDT-SWAP as of 2025-10-24 (shipped with smc4j; pass --specs"
                + " for newer ones)");
  }

  @Test
  void shouldRejectABundleWithoutADateNamingTheField() {
    String body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[]}";

    assertThatThrownBy(() -> BundledOkxSpecs.parse(body, "x.json"))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("x.json: field asOf must be a date such as 2025-10-24, was \"\"");
  }
}
