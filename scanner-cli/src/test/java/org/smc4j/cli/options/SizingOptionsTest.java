package org.smc4j.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.StopSlippage;
import picocli.CommandLine;

class SizingOptionsTest {

  private static SizingOptions parse(String... args) {
    SizingOptions options = new SizingOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void shouldKeepTheFilesSizingWhenNoOptionIsGiven() {
    SizingParameters fromFile = SizingParameters.DEFAULT.withRiskUsd(new BigDecimal("2"));

    assertThat(parse().applyTo(fromFile)).isEqualTo(fromFile);
  }

  @Test
  void shouldApplyEachOptionGivenOverTheFile() {
    SizingParameters p =
        parse(
                "--risk",
                "3",
                "--tolerance",
                "0.2",
                "--leverage",
                "5",
                "--maker",
                "--cap-at-max-size",
                "--slippage-price",
                "0.5",
                "--taker-fee",
                "0.0004")
            .applyTo(SizingParameters.DEFAULT);

    assertThat(p.riskUsd()).isEqualByComparingTo("3");
    assertThat(p.tolerance()).isEqualByComparingTo("0.2");
    assertThat(p.leverage()).isEqualByComparingTo("5");
    assertThat(p.entryLiquidity()).isEqualTo(Liquidity.MAKER);
    assertThat(p.maxSizePolicy()).isEqualTo(MaxSizePolicy.CAP);
    assertThat(p.slippage()).isEqualTo(StopSlippage.price(new BigDecimal("0.5")));
    assertThat(p.fees())
        .isEqualTo(
            new FeeSchedule(SizingParameters.DEFAULT.fees().makerRate(), new BigDecimal("0.0004")));
  }

  @Test
  void shouldNameTheOptionOfEachInvalidValue() {
    SizingParameters d = SizingParameters.DEFAULT;

    assertThatThrownBy(() -> parse("--risk", "0").applyTo(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--risk: riskUsd must be > 0, was 0");
    assertThatThrownBy(() -> parse("--tolerance", "2").applyTo(d))
        .hasMessage("--tolerance: tolerance must be in [0, 1], was 2");
    assertThatThrownBy(() -> parse("--leverage", "200").applyTo(d))
        .hasMessage("--leverage: leverage must be in [1, 125], was 200");
    assertThatThrownBy(() -> parse("--maker-fee", "0.5", "--taker-fee", "0.6").applyTo(d))
        .hasMessageStartingWith("--maker-fee: makerRate must be in [0, 0.01)");
    assertThatThrownBy(() -> parse("--taker-fee", "-0.1").applyTo(d))
        .hasMessageStartingWith("--taker-fee: takerRate must be in [0, 0.01)");
    assertThatThrownBy(() -> parse("--slippage-ticks", "-1").applyTo(d))
        .hasMessage("--slippage-ticks/--slippage-price: slippage amount must be >= 0, was -1");
    assertThatThrownBy(() -> parse("--slippage-ticks", "1", "--slippage-price", "2").applyTo(d))
        .hasMessage("give either --slippage-ticks or --slippage-price, not both");
  }
}
