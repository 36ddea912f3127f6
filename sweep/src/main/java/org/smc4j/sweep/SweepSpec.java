package org.smc4j.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a sweep runs: every combination of {@link #grid()} applied to {@link #base()}, on each
 * symbol, in each window. Every (symbol, window, combination) is one single-symbol backtest, as
 * {@code smc4j backtest --symbols SYMBOL --from W.from --to W.to} with those parameters would run
 * it (so the portfolio guards see that symbol only).
 *
 * @param symbols the instruments, at least one, each once
 * @param from the start of the data the sweep reads
 * @param to the end (exclusive) of the data the sweep reads
 * @param windows the windows, at least one, numbered 0.., each inside {@code [from, to)}
 * @param base the settings every combination starts from
 * @param grid the combinations; every key a {@link SweepParameters} key path
 * @param objective what results are ranked by
 * @param minTrades the fewest trades a result needs to be ranked, {@code >= 0}
 * @param seed the seed of anything random (a random grid carries its own)
 * @param blockSize combinations per task, {@code >= 1}
 */
public record SweepSpec(
    List<String> symbols,
    Instant from,
    Instant to,
    List<SweepWindow> windows,
    RunSettings base,
    ParamGrid grid,
    Objective objective,
    int minTrades,
    long seed,
    int blockSize) {

  /** The default number of combinations per task: a few seconds of work on six months. */
  public static final int DEFAULT_BLOCK_SIZE = 25;

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException when a list is empty, a symbol repeats, a window is out of
   *     order or outside the range, a count is out of range
   * @throws SweepParameterException when a grid key is not a known parameter
   */
  public SweepSpec {
    symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(objective, "objective");
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("symbols: no symbol to sweep");
    }
    if (new LinkedHashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException("symbols: a symbol is given twice in " + symbols);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to " + to + " must be after from " + from);
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("windows: no window to sweep");
    }
    for (int i = 0; i < windows.size(); i++) {
      SweepWindow w = windows.get(i);
      if (w.index() != i) {
        throw new IllegalArgumentException("window " + i + " has the index " + w.index());
      }
      if (w.from().isBefore(from) || w.to().isAfter(to)) {
        throw new IllegalArgumentException(
            "window "
                + i
                + " ["
                + w.from()
                + ", "
                + w.to()
                + ") lies outside the data range ["
                + from
                + ", "
                + to
                + ")");
      }
    }
    grid.keys().forEach(SweepParameters::requireKnown);
    if (minTrades < 0) {
      throw new IllegalArgumentException("minTrades must be >= 0, was " + minTrades);
    }
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be >= 1, was " + blockSize);
    }
  }

  /**
   * A spec with one window over the whole range.
   *
   * @param symbols the instruments
   * @param from the first candle open time
   * @param to the end (exclusive)
   * @param base the base settings
   * @param grid the combinations
   * @param objective the ranking
   * @param minTrades the fewest trades to be ranked
   * @return the spec, with seed 0 and the default block size
   */
  public static SweepSpec of(
      List<String> symbols,
      Instant from,
      Instant to,
      RunSettings base,
      ParamGrid grid,
      Objective objective,
      int minTrades) {
    return new SweepSpec(
        symbols,
        from,
        to,
        List.of(new SweepWindow(0, from, to)),
        base,
        grid,
        objective,
        minTrades,
        0,
        DEFAULT_BLOCK_SIZE);
  }

  /** Returns a copy with other windows. */
  public SweepSpec withWindows(List<SweepWindow> value) {
    return new SweepSpec(
        symbols, from, to, value, base, grid, objective, minTrades, seed, blockSize);
  }

  /** Returns a copy with another grid. */
  public SweepSpec withGrid(ParamGrid value) {
    return new SweepSpec(
        symbols, from, to, windows, base, value, objective, minTrades, seed, blockSize);
  }

  /** Returns a copy with another block size. */
  public SweepSpec withBlockSize(int value) {
    return new SweepSpec(symbols, from, to, windows, base, grid, objective, minTrades, seed, value);
  }

  /**
   * Lists the tasks in one deterministic order: by symbol (as listed), then window, then block.
   *
   * @return the tasks
   */
  public List<SweepTask> tasks() {
    long n = grid.size();
    List<SweepTask> tasks = new ArrayList<>();
    for (String symbol : symbols) {
      for (SweepWindow w : windows) {
        for (long c = 0; c < n; c += blockSize) {
          tasks.add(SweepTask.of(symbol, w, c, Math.min(n, c + blockSize)));
        }
      }
    }
    return tasks;
  }

  /**
   * Applies every combination to the base settings (or, for grids over {@code limit} combinations,
   * every value of each key on its own), so that a value the strategy, the sizer, the guards or the
   * broker reject is refused before any work starts.
   *
   * @param limit the most combinations applied one by one
   * @throws SweepParameterException naming the key path and, for a combination, its index
   */
  public void checkCombinations(long limit) {
    long n = grid.size();
    if (n <= limit) {
      for (long i = 0; i < n; i++) {
        ParamSet combo = grid.at(i);
        try {
          SweepParameters.apply(base, combo);
        } catch (SweepParameterException e) {
          throw new SweepParameterException(
              e.keyPath(), e.rule() + " (in combination " + i + ": " + combo + ")", e);
        }
      }
      return;
    }
    if (grid instanceof ParamGrid.Cartesian c) {
      for (ParamGrid.Axis a : c.axes()) {
        a.values().forEach(v -> SweepParameters.apply(base, a.key(), v));
      }
    } else if (grid instanceof ParamGrid.Random r) {
      for (ParamGrid.Axis a : r.space().axes()) {
        a.values().forEach(v -> SweepParameters.apply(base, a.key(), v));
      }
    }
  }
}
