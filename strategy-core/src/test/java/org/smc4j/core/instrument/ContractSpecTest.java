package org.smc4j.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ContractSpecTest {

  private static ContractSpec spec(
      String id,
      String settle,
      String ctVal,
      String ctMult,
      String tick,
      String lot,
      String min,
      String maxLmt,
      String maxMkt) {
    return new ContractSpec(
        id,
        ContractType.LINEAR,
        settle,
        new BigDecimal(ctVal),
        new BigDecimal(ctMult),
        "BTC",
        new BigDecimal(tick),
        new BigDecimal(lot),
        new BigDecimal(min),
        new BigDecimal(maxLmt),
        new BigDecimal(maxMkt),
        InstrumentState.LIVE);
  }

  @Test
  void shouldExposeUnitsPerContractAndMaxSizeByLiquidity() {
    ContractSpec s = spec("X", "USDT", "0.01", "3", "0.1", "0.01", "0.01", "100", "12");
    assertThat(s.unitsPerContract()).isEqualByComparingTo("0.03");
    assertThat(s.maxSize(Liquidity.MAKER)).isEqualByComparingTo("100");
    assertThat(s.maxSize(Liquidity.TAKER)).isEqualByComparingTo("12");
  }

  @Test
  void shouldRejectBlankTexts() {
    assertThatThrownBy(() -> spec(" ", "USDT", "1", "1", "1", "1", "1", "1", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrumentId (instId) must not be blank");
    assertThatThrownBy(() -> spec("X", "", "1", "1", "1", "1", "1", "1", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contract spec X: settleCurrency (settleCcy) must not be blank");
  }

  @Test
  void shouldRejectNonPositiveDecimalsNamingTheField() {
    assertThatThrownBy(() -> spec("X", "USDT", "0", "1", "1", "1", "1", "1", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contract spec X: contractValue (ctVal) must be > 0, was 0");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "-1", "1", "1", "1", "1", "1"))
        .hasMessage("contract spec X: contractMultiplier (ctMult) must be > 0, was -1");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "0", "1", "1", "1", "1"))
        .hasMessage("contract spec X: tickSize (tickSz) must be > 0, was 0");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "0.00", "1", "1", "1"))
        .hasMessage("contract spec X: lotSize (lotSz) must be > 0, was 0.00");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "1", "0", "1", "1"))
        .hasMessage("contract spec X: minSize (minSz) must be > 0, was 0");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "1", "1", "0", "1"))
        .hasMessage("contract spec X: maxLimitSize (maxLmtSz) must be > 0, was 0");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "1", "1", "1", "-5"))
        .hasMessage("contract spec X: maxMarketSize (maxMktSz) must be > 0, was -5");
  }

  @Test
  void shouldRejectMinSizeThatIsNotAMultipleOfLotSize() {
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "0.01", "0.015", "10", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "contract spec X: minSize (minSz) must be a multiple of lotSize (lotSz) 0.01, was"
                + " 0.015");
  }

  @Test
  void shouldRejectMaxSizesBelowMinSize() {
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "1", "5", "4", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contract spec X: maxLimitSize (maxLmtSz) must be >= minSize (minSz) 5, was 4");
    assertThatThrownBy(() -> spec("X", "USDT", "1", "1", "1", "1", "5", "10", "3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "contract spec X: maxMarketSize (maxMktSz) must be >= minSize (minSz) 5, was 3");
  }

  @Test
  void shouldRejectNullComponents() {
    assertThatThrownBy(
            () ->
                new ContractSpec(
                    "X",
                    null,
                    "USDT",
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    "BTC",
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    InstrumentState.LIVE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
    assertThatThrownBy(
            () ->
                new ContractSpec(
                    "X",
                    ContractType.LINEAR,
                    "USDT",
                    null,
                    BigDecimal.ONE,
                    "BTC",
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    InstrumentState.LIVE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("contractValue (ctVal)");
  }

  @Test
  void shouldParseOkxContractTypesAndStates() {
    assertThat(ContractType.parse("linear")).isEqualTo(ContractType.LINEAR);
    assertThat(ContractType.parse(" Inverse ")).isEqualTo(ContractType.INVERSE);
    assertThatThrownBy(() -> ContractType.parse("quanto"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ctType must be linear or inverse, was \"quanto\"");
    assertThat(InstrumentState.parse("live")).isEqualTo(InstrumentState.LIVE);
    assertThat(InstrumentState.parse("SUSPEND")).isEqualTo(InstrumentState.SUSPEND);
    assertThat(InstrumentState.parse("preopen")).isEqualTo(InstrumentState.PREOPEN);
    assertThat(InstrumentState.parse("test")).isEqualTo(InstrumentState.TEST);
    assertThat(InstrumentState.PREOPEN.okxName()).isEqualTo("preopen");
    assertThatThrownBy(() -> InstrumentState.parse("expired"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state must be one of live, suspend, preopen, test, was \"expired\"");
  }
}
