package org.smc4j.benchmarks.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.smc4j.sweep.ParamGrid;
import org.smc4j.sweep.ParamSet;
import org.smc4j.sweep.ParamValue;

/**
 * The grid the sweep benchmarks take their combinations from: strategy parameters only (so that
 * smc4j's ta4j strategy can run the same grid), 2,400 combinations. The last axis varies fastest,
 * so the first 200 combinations are reward/risk x stop buffer x gap size x break size on the
 * default swings, POI age and break rule.
 */
public final class SweepGrids {

  /** The whole grid. */
  public static final ParamGrid.Cartesian FULL =
      new ParamGrid.Cartesian(
          List.of(
              axis("strategy.swing.5m.left", "2", "3"),
              flags("strategy.break.continuation-only"),
              axis("strategy.poi.max-age-bars", "48", "24", "96"),
              axis("strategy.break.min-atr", "0.1", "0.3"),
              axis("strategy.fvg.min-atr", "0", "0.05", "0.1", "0.2"),
              axis("strategy.stop.buffer-atr", "0", "0.1", "0.2", "0.3", "0.5"),
              axis("strategy.target.reward-risk", "1.5", "2", "2.5", "3", "4")));

  private SweepGrids() {}

  /**
   * Returns the first combinations of {@link #FULL} as an explicit grid.
   *
   * @param combos how many, in {@code [1, FULL.size()]}
   * @return the grid
   * @throws IllegalArgumentException when combos is out of range
   */
  public static ParamGrid first(int combos) {
    if (combos < 1 || combos > FULL.size()) {
      throw new IllegalArgumentException(
          "combos must be in [1, " + FULL.size() + "], was " + combos);
    }
    List<ParamSet> list = new ArrayList<>();
    for (long c = 0; c < combos; c++) {
      list.add(FULL.at(c));
    }
    return new ParamGrid.Explicit(list);
  }

  private static ParamGrid.Axis axis(String key, String... values) {
    List<ParamValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(new ParamValue.Decimal(new BigDecimal(v)));
    }
    return new ParamGrid.Axis(key, list);
  }

  private static ParamGrid.Axis flags(String key) {
    return new ParamGrid.Axis(key, List.of(new ParamValue.Flag(false), new ParamValue.Flag(true)));
  }
}
