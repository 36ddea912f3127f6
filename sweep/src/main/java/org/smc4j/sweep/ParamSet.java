package org.smc4j.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One combination of a grid: parameter key paths ({@code strategy.target.reward-risk}) to values,
 * in the grid's column order.
 *
 * @param values key path to value, in order
 */
public record ParamSet(Map<String, ParamValue> values) {

  /** An empty combination: the base settings unchanged. */
  public static final ParamSet EMPTY = new ParamSet(Map.of());

  /** Copies the map, keeping its order. */
  public ParamSet {
    Objects.requireNonNull(values, "values");
    Map<String, ParamValue> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a combination of keys and values given side by side.
   *
   * @param keys the key paths
   * @param values their values, as many as keys
   * @return the combination
   * @throws IllegalArgumentException when the lists differ in length or a key repeats
   */
  public static ParamSet of(List<String> keys, List<ParamValue> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          "keys and values must be as many, were " + keys.size() + " and " + values.size());
    }
    Map<String, ParamValue> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (m.put(keys.get(i), values.get(i)) != null) {
        throw new IllegalArgumentException("parameter " + keys.get(i) + " is given twice");
      }
    }
    return new ParamSet(m);
  }

  /** Returns the key paths in order. */
  public List<String> keys() {
    return List.copyOf(values.keySet());
  }

  /**
   * Returns the value of a key.
   *
   * @param key the key path
   * @return the value
   * @throws IllegalArgumentException when the combination has no such key
   */
  public ParamValue get(String key) {
    ParamValue v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + key + " in " + values.keySet());
    }
    return v;
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ");
    values.forEach((k, v) -> j.add(k + "=" + v.text()));
    return j.toString();
  }
}
