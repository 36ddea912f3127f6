package org.smc4j.sweep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityOfOverfittingTest {

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller from the seeded generator, so the matrix is the same on every JVM
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Test
  void shouldBeZeroWhenOneTrialDominatesInEveryBlock() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[][] returns = new double[320][10];
    for (double[] row : returns) {
      for (int k = 0; k < row.length; k++) {
        row[k] = 0.1 * gaussian(rnd) + (k == 3 ? 1 : 0);
      }
    }
    ProbabilityOfOverfitting.Result r = ProbabilityOfOverfitting.compute(returns, 16);
    assertThat(r.splits()).isEqualTo(12_870);
    assertThat(r.probability()).isZero();
    // trial 3 is best in and out of sample in every split: rank 10 of 10, omega 10/11
    assertThat(r.logits()).containsOnly(Math.log(10.0 / 11 / (1 - 10.0 / 11)));
  }

  @Test
  void shouldBeNearOneHalfOrMoreForPureNoise() {
    SplittableRandom rnd = new SplittableRandom(2015);
    double[][] returns = new double[1000][50];
    for (double[] row : returns) {
      for (int k = 0; k < row.length; k++) {
        row[k] = gaussian(rnd);
      }
    }
    ProbabilityOfOverfitting.Result r = ProbabilityOfOverfitting.compute(returns, 16);
    // skill-less trials: the in-sample best is a coin flip out of sample (seed 2015, printed on
    // failure by the assertion's description)
    assertThat(r.probability()).as("seed 2015: %s", r).isBetween(0.4, 0.8);
  }

  @Test
  void shouldBeOneWhenTheInSampleBestAlwaysLosesOutOfSample() {
    // S = 2 blocks (rows 0-1 and 2-3), 2 trials, 2 splits:
    // A = 1, 3 | -1, -3 has SR 2/sqrt(2) then -2/sqrt(2); B = 0, 1 | 2, 3 has 0.5/sqrt(0.5) then
    // 2.5/sqrt(0.5). In-sample block 0 picks A, which is worst in block 1; in-sample block 1 picks
    // B, worst in block 0. Rank 1 of 2: omega 1/3, lambda ln(1/2), both at or below 0.
    double[][] returns = {{1, 0}, {3, 1}, {-1, 2}, {-3, 3}};
    ProbabilityOfOverfitting.Result r = ProbabilityOfOverfitting.compute(returns, 2);
    assertThat(r.probability()).isEqualTo(1.0);
    assertThat(r.logits()).hasSize(2);
    assertThat(r.logits()[0]).isCloseTo(Math.log(0.5), within(1e-15));
    assertThat(r.logits()[1]).isCloseTo(Math.log(0.5), within(1e-15));
  }

  @Test
  void shouldRefuseAnOddOrTooLargeBlockCount() {
    double[][] returns = new double[40][3];
    assertThatThrownBy(() -> ProbabilityOfOverfitting.compute(returns, 3))
        .hasMessage("blocks must be even and in [2, 16], was 3");
    assertThatThrownBy(() -> ProbabilityOfOverfitting.compute(new double[4][3], 8))
        .hasMessage("periods must be >= blocks (8), was 4");
    assertThatThrownBy(() -> ProbabilityOfOverfitting.compute(new double[40][1], 8))
        .hasMessage("trials must be >= 2, was 1");
  }

  @Test
  void shouldCountTheSplitsAsTheBinomialCoefficient() {
    assertThat(ProbabilityOfOverfitting.binomial(16, 8)).isEqualTo(12_870);
    assertThat(ProbabilityOfOverfitting.binomial(10, 5)).isEqualTo(252);
  }
}
