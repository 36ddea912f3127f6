package org.smc4j.sweep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class NormalDistributionTest {

  @Test
  void shouldMatchReferenceCdfValues() {
    // reference values: Python's statistics.NormalDist().cdf (erf-based, exact near the centre)
    // Phi(-5) = 2.8665157187919391e-7 (tables; an erf-based 1 + erf(x) loses digits here)
    assertThat(NormalDistribution.cdf(-5))
        .isCloseTo(2.8665157187919391e-07, Percentage.withPercentage(1e-10));
    assertThat(NormalDistribution.cdf(-2)).isCloseTo(0.02275013194817921, within(1e-15));
    assertThat(NormalDistribution.cdf(-0.5)).isCloseTo(0.3085375387259869, within(1e-15));
    assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
    assertThat(NormalDistribution.cdf(0.3)).isCloseTo(0.6179114221889526, within(1e-15));
    assertThat(NormalDistribution.cdf(1.96)).isCloseTo(0.9750021048517796, within(1e-15));
    assertThat(NormalDistribution.cdf(4)).isCloseTo(0.9999683287581669, within(1e-15));
    assertThat(NormalDistribution.cdf(7.5)).isCloseTo(0.999999999999968, within(1e-15));
    // the far left tail keeps its relative precision: Phi(-9) = 1.1285884059538e-19
    assertThat(NormalDistribution.cdf(-9))
        .isCloseTo(1.1285884059538e-19, Percentage.withPercentage(1e-4));
    assertThat(NormalDistribution.cdf(-40)).isZero();
    assertThat(NormalDistribution.cdf(40)).isEqualTo(1);
  }

  @Test
  void shouldMatchReferenceQuantiles() {
    assertThat(NormalDistribution.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
    assertThat(NormalDistribution.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
    assertThat(NormalDistribution.quantile(0.025)).isCloseTo(-1.9599639845400538, within(1e-12));
    assertThat(NormalDistribution.quantile(0.3)).isCloseTo(-0.5244005127080407, within(1e-12));
    assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-15));
    assertThat(NormalDistribution.quantile(0.9)).isCloseTo(1.2815515655446008, within(1e-12));
    assertThat(NormalDistribution.quantile(0.99)).isCloseTo(2.3263478740408408, within(1e-12));
    assertThat(NormalDistribution.quantile(0.999999)).isCloseTo(4.753424308817089, within(1e-9));
  }

  @Test
  void shouldRefuseAProbabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> NormalDistribution.quantile(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in (0, 1), was 1.0");
  }
}
