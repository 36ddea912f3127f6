package org.smc4j.backtest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.risk.PositionSizer;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;

class InferredContractSpecTest {

  @Test
  void shouldInferALotFineEnoughThatRealBtcTradesRiskTheTargetWithinTheTolerance() {
    Path dir = SharedData.requireData("binance-usdm/BTCUSDT/5m");
    BarArrays btc =
        CandleCsvReader.STRICT
            .read(
                List.of(
                    dir.resolve("BTCUSDT-5m-2025-01.csv"), dir.resolve("BTCUSDT-5m-2025-02.csv")))
            .bars();
    ContractSpec spec = InferredContractSpec.from("BTCUSDT", btc);
    PositionSizer sizer = new PositionSizer(SizingParameters.DEFAULT);
    BigDecimal floor =
        SizingParameters.DEFAULT
            .riskUsd()
            .multiply(BigDecimal.ONE.subtract(SizingParameters.DEFAULT.tolerance()));

    // The highest BTC high of January-February 2025 is 110,000: 0.00001 BTC would be worth 1.10.
    assertThat(spec.lotSize()).isEqualByComparingTo("0.000001");
    assertThat(spec.minSize()).isEqualByComparingTo("0.000001");
    // A long at every 50th close with the stop under the lowest low of the 24 bars before it, and
    // a short with the stop over the highest high: real BTC stop distances (0.1 % to a few %).
    int sized = 0;
    for (int i = 24; i < btc.size(); i += 50) {
      double lowest = Double.MAX_VALUE;
      double highest = 0;
      for (int j = i - 24; j < i; j++) {
        lowest = Math.min(lowest, btc.low(j));
        highest = Math.max(highest, btc.high(j));
      }
      double entry = btc.close(i);
      for (SizingResult r :
          List.of(
              sizer.size(Side.LONG, entry, Math.min(lowest, entry - 50), spec),
              sizer.size(Side.SHORT, entry, Math.max(highest, entry + 50), spec))) {
        assertThat(r).isInstanceOf(SizingResult.Sized.class);
        SizingResult.Sized s = (SizingResult.Sized) r;
        assertThat(s.riskAllIn())
            .as("%s at bar %d, entry %s, stop %s", s.side(), i, s.entry(), s.stop())
            .isBetween(floor, SizingParameters.DEFAULT.riskUsd());
        sized++;
      }
    }
    assertThat(sized).isGreaterThan(600);
  }

  @Test
  void shouldInferAWholeUnitLotForACoinWorthLessThanOneDollar() {
    Path file = SharedData.requireData("binance-usdm/1000PEPEUSDT/5m/1000PEPEUSDT-5m-2025-03.csv");
    BarArrays pepe = CandleCsvReader.STRICT.read(file).bars();

    assertThat(InferredContractSpec.lotSize(pepe)).isEqualByComparingTo("1");
  }
}
