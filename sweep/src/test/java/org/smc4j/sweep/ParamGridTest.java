package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ParamGridTest {

  private static ParamValue n(String s) {
    return new ParamValue.Decimal(new BigDecimal(s));
  }

  private static final ParamGrid.Cartesian GRID =
      new ParamGrid.Cartesian(
          List.of(
              new ParamGrid.Axis("strategy.target.reward-risk", List.of(n("2"), n("2.5"), n("3"))),
              new ParamGrid.Axis(
                  "strategy.break.continuation-only",
                  List.of(new ParamValue.Flag(false), new ParamValue.Flag(true)))));

  @Test
  void shouldVaryTheLastAxisFastest() {
    assertThat(GRID.size()).isEqualTo(6);
    assertThat(GRID.keys())
        .containsExactly("strategy.target.reward-risk", "strategy.break.continuation-only");
    assertThat(GRID.at(0).toString())
        .isEqualTo("strategy.target.reward-risk=2, strategy.break.continuation-only=false");
    assertThat(GRID.at(1).toString())
        .isEqualTo("strategy.target.reward-risk=2, strategy.break.continuation-only=true");
    assertThat(GRID.at(5).toString())
        .isEqualTo("strategy.target.reward-risk=3, strategy.break.continuation-only=true");
  }

  @Test
  void shouldRefuseAnIndexOutOfRange() {
    assertThatThrownBy(() -> GRID.at(6))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("combination 6 out of [0, 6)");
    assertThatThrownBy(() -> GRID.at(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldRefuseAnEmptyAxisNamingItsKey() {
    assertThatThrownBy(() -> new ParamGrid.Axis("strategy.fib.golden", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy.fib.golden: no value to sweep (empty list)");
  }

  @Test
  void shouldRefuseARepeatedValueAndARepeatedKey() {
    assertThatThrownBy(() -> new ParamGrid.Axis("risk.risk-usd", List.of(n("1"), n("1.0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("risk.risk-usd: a value is given twice in [1, 1]");
    ParamGrid.Axis a = new ParamGrid.Axis("risk.risk-usd", List.of(n("1")));
    assertThatThrownBy(() -> new ParamGrid.Cartesian(List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("risk.risk-usd: parameter given twice");
  }

  @Test
  void shouldRefuseAGridOfMoreThanTwoToTheSixtySecondCombinations() {
    List<ParamValue> thousand =
        LongStream.range(0, 1000).mapToObj(i -> n(Long.toString(i))).toList();
    List<ParamGrid.Axis> axes =
        LongStream.range(0, 7).mapToObj(i -> new ParamGrid.Axis("k" + i, thousand)).toList();
    assertThatThrownBy(() -> new ParamGrid.Cartesian(axes))
        .hasMessage("the grid has more than 2^62 combinations");
  }

  @Test
  void shouldListExplicitCombinationsAsGiven() {
    ParamSet a = ParamSet.of(List.of("risk.risk-usd"), List.of(n("1")));
    ParamSet b = ParamSet.of(List.of("risk.risk-usd"), List.of(n("2")));
    ParamGrid.Explicit grid = new ParamGrid.Explicit(List.of(b, a));
    assertThat(grid.size()).isEqualTo(2);
    assertThat(grid.at(0)).isEqualTo(b);
    assertThat(grid.at(1)).isEqualTo(a);
    ParamSet other = ParamSet.of(List.of("risk.tolerance"), List.of(n("0.1")));
    assertThatThrownBy(() -> new ParamGrid.Explicit(List.of(a, other)))
        .hasMessage(
            "combination 1 has the parameters [risk.tolerance], the first has [risk.risk-usd]");
  }

  @Test
  void shouldSampleDistinctCombinationsOfTheSpaceForASeed() {
    List<ParamValue> ten = LongStream.range(0, 10).mapToObj(i -> n(Long.toString(i))).toList();
    ParamGrid.Cartesian space =
        new ParamGrid.Cartesian(
            List.of(new ParamGrid.Axis("a", ten), new ParamGrid.Axis("b", ten)));
    ParamGrid.Random sample = new ParamGrid.Random(space, 40, 42);
    Set<ParamSet> seen = new HashSet<>();
    for (long i = 0; i < sample.size(); i++) {
      seen.add(sample.at(i));
    }
    assertThat(seen).hasSize(40);
    assertThat(new ParamGrid.Random(space, 40, 42).at(7)).isEqualTo(sample.at(7));
    assertThat(
            LongStream.range(0, 40)
                .mapToObj(i -> new ParamGrid.Random(space, 40, 43).at(i))
                .toList())
        .isNotEqualTo(LongStream.range(0, 40).mapToObj(sample::at).toList());
  }

  @Test
  void shouldGiveTheSameRandomCombinationsOnEveryJvm() {
    // pinned: the permutation is pure long arithmetic, so these never change for seed 42
    List<ParamValue> ten = LongStream.range(0, 10).mapToObj(i -> n(Long.toString(i))).toList();
    ParamGrid.Cartesian space =
        new ParamGrid.Cartesian(
            List.of(new ParamGrid.Axis("a", ten), new ParamGrid.Axis("b", ten)));
    ParamGrid.Random sample = new ParamGrid.Random(space, 5, 42);
    List<String> texts = LongStream.range(0, 5).mapToObj(i -> sample.at(i).toString()).toList();
    assertThat(texts).containsExactly("a=0, b=6", "a=6, b=2", "a=7, b=8", "a=6, b=3", "a=8, b=5");
  }

  @Test
  void shouldRefuseASampleLargerThanItsSpace() {
    assertThatThrownBy(() -> new ParamGrid.Random(GRID, 7, 1))
        .hasMessage("count must be in [1, 6] (the space's size), was 7");
  }
}
