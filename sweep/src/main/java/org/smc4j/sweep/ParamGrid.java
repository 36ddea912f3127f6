package org.smc4j.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.smc4j.sweep.internal.IndexPermutation;

/**
 * The combinations a sweep tries, <b>indexable</b>: {@link #size()} combinations, the {@code i}-th
 * given by {@link #at(long)} without expanding the others, so a task carries a range {@code
 * [comboFrom, comboTo)} and never the expanded grid. {@code at(i)} is the same on every JVM.
 */
public sealed interface ParamGrid
    permits ParamGrid.Cartesian, ParamGrid.Explicit, ParamGrid.Random {

  /** Returns the number of combinations, {@code >= 1}. */
  long size();

  /**
   * Returns one combination.
   *
   * @param index in {@code [0, size())}
   * @return the combination, its keys in {@link #keys()} order
   * @throws IndexOutOfBoundsException when the index is out of range
   */
  ParamSet at(long index);

  /** Returns the parameter key paths, in column order. */
  List<String> keys();

  /**
   * One parameter of a cartesian grid and the values it takes.
   *
   * @param key the key path, e.g. {@code strategy.target.reward-risk}
   * @param values the values in order, at least one, no duplicates
   */
  record Axis(String key, List<ParamValue> values) {

    /**
     * Validates the axis.
     *
     * @throws IllegalArgumentException when it has no value or a value twice
     */
    public Axis {
      Objects.requireNonNull(key, "key");
      values = List.copyOf(Objects.requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException(key + ": no value to sweep (empty list)");
      }
      if (new LinkedHashSet<>(values).size() != values.size()) {
        throw new IllegalArgumentException(key + ": a value is given twice in " + texts(values));
      }
    }
  }

  /**
   * Every combination of the axes' values; the last axis varies fastest.
   *
   * @param axes the axes, at least one, each key once
   */
  record Cartesian(List<Axis> axes) implements ParamGrid {

    /**
     * Validates the axes.
     *
     * @throws IllegalArgumentException when there is none, a key repeats or the product exceeds
     *     {@code 2^62}
     */
    public Cartesian {
      axes = List.copyOf(Objects.requireNonNull(axes, "axes"));
      if (axes.isEmpty()) {
        throw new IllegalArgumentException("the grid has no parameter");
      }
      Set<String> keys = new LinkedHashSet<>();
      long n = 1;
      for (Axis a : axes) {
        if (!keys.add(a.key())) {
          throw new IllegalArgumentException(a.key() + ": parameter given twice");
        }
        try {
          n = Math.multiplyExact(n, a.values().size());
        } catch (ArithmeticException e) {
          n = Long.MAX_VALUE;
        }
        if (n > (1L << 62)) {
          throw new IllegalArgumentException("the grid has more than 2^62 combinations");
        }
      }
    }

    @Override
    public long size() {
      long n = 1;
      for (Axis a : axes) {
        n *= a.values().size();
      }
      return n;
    }

    @Override
    public ParamSet at(long index) {
      long n = size();
      if (index < 0 || index >= n) {
        throw new IndexOutOfBoundsException("combination " + index + " out of [0, " + n + ")");
      }
      ParamValue[] vs = new ParamValue[axes.size()];
      long rest = index;
      for (int a = axes.size() - 1; a >= 0; a--) {
        List<ParamValue> values = axes.get(a).values();
        vs[a] = values.get((int) (rest % values.size()));
        rest /= values.size();
      }
      return ParamSet.of(keys(), List.of(vs));
    }

    @Override
    public List<String> keys() {
      return axes.stream().map(Axis::key).toList();
    }
  }

  /**
   * Combinations listed one by one.
   *
   * @param combos the combinations, at least one, all with the same keys in the same order
   */
  record Explicit(List<ParamSet> combos) implements ParamGrid {

    /**
     * Validates the list.
     *
     * @throws IllegalArgumentException when it is empty or the combinations' keys differ
     */
    public Explicit {
      combos = List.copyOf(Objects.requireNonNull(combos, "combos"));
      if (combos.isEmpty()) {
        throw new IllegalArgumentException("the grid lists no combination");
      }
      List<String> keys = combos.get(0).keys();
      for (int i = 1; i < combos.size(); i++) {
        if (!combos.get(i).keys().equals(keys)) {
          throw new IllegalArgumentException(
              "combination "
                  + i
                  + " has the parameters "
                  + combos.get(i).keys()
                  + ", the first has "
                  + keys);
        }
      }
    }

    @Override
    public long size() {
      return combos.size();
    }

    @Override
    public ParamSet at(long index) {
      if (index < 0 || index >= combos.size()) {
        throw new IndexOutOfBoundsException(
            "combination " + index + " out of [0, " + combos.size() + ")");
      }
      return combos.get((int) index);
    }

    @Override
    public List<String> keys() {
      return combos.get(0).keys();
    }
  }

  /**
   * A seeded random sample, without repetition, of {@code count} combinations of a cartesian space:
   * combination {@code i} is {@code space.at(p(i))} for a seeded permutation {@code p} of the
   * space's indices, so it is indexable and the same on every JVM.
   *
   * @param space the space sampled
   * @param count how many combinations, in {@code [1, space.size()]}
   * @param seed the seed
   */
  record Random(Cartesian space, long count, long seed) implements ParamGrid {

    /**
     * Validates the sample size.
     *
     * @throws IllegalArgumentException when {@code count} is not in {@code [1, space.size()]}
     */
    public Random {
      Objects.requireNonNull(space, "space");
      if (count < 1 || count > space.size()) {
        throw new IllegalArgumentException(
            "count must be in [1, " + space.size() + "] (the space's size), was " + count);
      }
    }

    @Override
    public long size() {
      return count;
    }

    @Override
    public ParamSet at(long index) {
      if (index < 0 || index >= count) {
        throw new IndexOutOfBoundsException("combination " + index + " out of [0, " + count + ")");
      }
      return space.at(new IndexPermutation(space.size(), seed).apply(index));
    }

    @Override
    public List<String> keys() {
      return space.keys();
    }
  }

  private static String texts(List<ParamValue> values) {
    List<String> t = new ArrayList<>();
    values.forEach(v -> t.add(v.text()));
    return t.toString();
  }
}
