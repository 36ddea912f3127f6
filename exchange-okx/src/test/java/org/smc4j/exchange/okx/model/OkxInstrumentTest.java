package org.smc4j.exchange.okx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;

class OkxInstrumentTest {

  /** BTC-USDT-SWAP as in okx-fixtures/public-instruments-SWAP.json. */
  static final OkxInstrument BTC =
      new OkxInstrument(
          "BTC-USDT-SWAP",
          "SWAP",
          "linear",
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          "BTC",
          "USDT",
          new BigDecimal("0.1"),
          new BigDecimal("0.01"),
          new BigDecimal("0.01"),
          new BigDecimal("100000000"),
          new BigDecimal("12000"),
          "live");

  @Test
  void shouldFormatPlainDecimalsWithoutExponentOrTrailingZeros() {
    assertThat(BTC.formatPrice(new BigDecimal("68790.0"))).isEqualTo("68790");
    assertThat(BTC.formatPrice(new BigDecimal("6.94815E+4"))).isEqualTo("69481.5");
    assertThat(BTC.formatSize(new BigDecimal("0.130"), true)).isEqualTo("0.13");
    assertThat(BTC.formatSize(new BigDecimal("1E+2"), true)).isEqualTo("100");
  }

  @Test
  void shouldRejectOffTickPricesAndOffLotSizes() {
    assertThatThrownBy(() -> BTC.formatPrice(new BigDecimal("69481.55")))
        .hasMessage("BTC-USDT-SWAP: price 69481.55 is not a multiple of tickSz 0.1");
    assertThatThrownBy(() -> BTC.formatSize(new BigDecimal("0.135"), true))
        .hasMessage("BTC-USDT-SWAP: size 0.135 is not a multiple of lotSz 0.01");
    assertThatThrownBy(() -> BTC.formatSize(new BigDecimal("12000.01"), true))
        .hasMessage("BTC-USDT-SWAP: size 12000.01 is above maxMktSz 12000");
    assertThat(BTC.formatSize(new BigDecimal("12000.01"), false)).isEqualTo("12000.01");
  }

  @Test
  void shouldConvertToAndFromTheContractSpec() {
    ContractSpec spec = BTC.toContractSpec();

    assertThat(spec.instrumentId()).isEqualTo("BTC-USDT-SWAP");
    assertThat(spec.type()).isEqualTo(ContractType.LINEAR);
    assertThat(spec.unitsPerContract()).isEqualByComparingTo("0.01");
    assertThat(OkxInstrument.of(spec)).isEqualTo(BTC);
  }

  @Test
  void shouldRoundToTheTickAndFloorToTheLot() {
    assertThat(BTC.roundPrice(new BigDecimal("68790.07"), RoundingMode.FLOOR))
        .isEqualByComparingTo("68790.0");
    assertThat(BTC.roundPrice(new BigDecimal("68790.01"), RoundingMode.CEILING))
        .isEqualByComparingTo("68790.1");
    assertThat(BTC.floorSize(new BigDecimal("0.1399"))).isEqualByComparingTo("0.13");
  }
}
