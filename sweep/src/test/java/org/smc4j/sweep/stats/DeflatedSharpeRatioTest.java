package org.smc4j.sweep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeflatedSharpeRatioTest {

  @Test
  void shouldEqualTheClosedFormOnAHandComputedExample() {
    // N = 100 trials whose Sharpe ratios vary by V = 0.001; the best has SR = 0.1 per day over
    // T = 1000 days, skewness -0.5, kurtosis 5.
    // Phi^-1(1 - 1/100)       = 2.3263478740408408
    // Phi^-1(1 - 1/(100 e))   = 2.680210444966887
    // SR0 = sqrt(0.001) x ((1 - 0.5772156649) x 2.32634787 + 0.5772156649 x 2.68021044)
    //     = 0.08002468995929155
    // denominator 1 - (-0.5)(0.1) + (5 - 1)/4 x 0.01 = 1.06
    // z = (0.1 - 0.08002469) x sqrt(999) / sqrt(1.06) = 0.6132299256467224
    // DSR = Phi(z) = 0.7301378399535501
    DeflatedSharpeRatio.Result r = DeflatedSharpeRatio.of(0.1, 0.001, 100, 1000, -0.5, 5);
    assertThat(r.expectedMaxSharpe()).isCloseTo(0.08002468995929155, within(1e-12));
    assertThat(r.probability()).isCloseTo(0.7301378399535501, within(1e-12));
  }

  @Test
  void shouldTakeTheBestTrialsMomentsFromItsReturns() {
    // trial A: 1, -1, 2, 0: mean 0.5, sample sd sqrt(5/3), SR 0.5 / sqrt(5/3) = 0.3872983...
    // trial B: 0.5, 0.5, -0.5, 0.5: mean 0.25, sample sd 0.5, SR 0.5 (the best)
    // B's population moments: m2 = 0.1875, m3 = -0.09375, m4 = 0.08203125
    //   skewness -0.09375 / 0.1875^1.5 = -1.1547005..., kurtosis 0.08203125 / 0.1875^2 = 2.3333...
    // the Sharpe ratios' sample variance: (0.5 - 0.3872983)^2 / 2
    double[][] returns = {{1, 0.5}, {-1, 0.5}, {2, -0.5}, {0, 0.5}};
    double srA = 0.5 / Math.sqrt(5.0 / 3);
    double varianceOfSharpes = (0.5 - srA) * (0.5 - srA) / 2;
    DeflatedSharpeRatio.Result expected =
        DeflatedSharpeRatio.of(
            0.5,
            varianceOfSharpes,
            2,
            4,
            -0.09375 / Math.pow(0.1875, 1.5),
            0.08203125 / (0.1875 * 0.1875));
    DeflatedSharpeRatio.Result r = DeflatedSharpeRatio.ofBest(returns);
    assertThat(r.sharpe()).isCloseTo(0.5, within(1e-15));
    assertThat(r.skewness()).isCloseTo(-1.1547005383792517, within(1e-12));
    assertThat(r.kurtosis()).isCloseTo(7.0 / 3, within(1e-12));
    assertThat(r.probability()).isCloseTo(expected.probability(), within(1e-12));
    assertThat(r.expectedMaxSharpe()).isCloseTo(expected.expectedMaxSharpe(), within(1e-15));
  }

  @Test
  void shouldDeflateMoreForMoreTrials() {
    double few = DeflatedSharpeRatio.of(0.1, 0.001, 10, 1000, 0, 3).probability();
    double many = DeflatedSharpeRatio.of(0.1, 0.001, 10_000, 1000, 0, 3).probability();
    assertThat(many).isLessThan(few);
    assertThat(DeflatedSharpeRatio.expectedMaxSharpe(1000, 0)).isZero();
  }

  @Test
  void shouldRefuseTooFewTrialsOrObservations() {
    assertThatThrownBy(() -> DeflatedSharpeRatio.of(0.1, 0.001, 1, 1000, 0, 3))
        .hasMessage("trials must be >= 2, was 1");
    assertThatThrownBy(() -> DeflatedSharpeRatio.of(0.1, 0.001, 10, 1, 0, 3))
        .hasMessage("observations must be >= 2, was 1");
  }
}
