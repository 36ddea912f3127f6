package org.smc4j.app.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.TradingSections;
import org.smc4j.sweep.Objective;
import org.smc4j.sweep.ParamGrid;
import org.smc4j.sweep.ParamSet;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.RunSettings;
import org.smc4j.sweep.SweepParameterException;
import org.smc4j.sweep.SweepParameters;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepWindow;
import org.smc4j.sweep.walkforward.WalkForwardScheme;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a sweep spec file (YAML). Every problem is a {@link ConfigException} naming the key path:
 * an unknown key, a missing or bad value, an unknown parameter, an empty list of values, a value
 * the strategy, the sizer, the guards or the broker reject (every combination is applied before any
 * work), a walk-forward longer than the range. The base settings are the file's {@code strategy},
 * {@code risk} and {@code backtest} sections, read by the rules of {@code smc4j.yaml}.
 *
 * <pre>
 * data: ../shared/data/binance-usdm
 * funding: ../shared/data/binance-usdm-funding   # optional, as backtest --funding
 * symbols: [BTCUSDT, SOLUSDT]
 * from: 2025-01-01
 * to: 2025-07-01
 * objective: net-r          # net-r, net-usd, average-r, sharpe, profit-factor
 * min-trades: 20
 * block-size: 25            # combinations per task
 * grid:
 *   cartesian:              # or random: {count: 50, seed: 7, parameters: {...}}, or list: [{...}]
 *     strategy.target.reward-risk: [1.5, 2, 3]
 *     risk.max-cost-share: [1, 0.25]
 * heat-map: [strategy.target.reward-risk, risk.max-cost-share]
 * walk-forward: {train: P2M, test: P1M, step: P1M, anchored: false}
 * strategy: {...}           # the base, as in smc4j.yaml
 * </pre>
 */
public final class SweepSpecLoader {

  /** Applying more combinations one by one than this checks each value on its own. */
  static final long CHECK_LIMIT = 1_000_000;

  private static final Set<String> KEYS =
      Set.of(
          "data",
          "funding",
          "symbols",
          "from",
          "to",
          "objective",
          "min-trades",
          "block-size",
          "seed",
          "grid",
          "heat-map",
          "walk-forward",
          "strategy",
          "risk",
          "backtest");

  private SweepSpecLoader() {}

  /**
   * Reads a spec file.
   *
   * @param file the file
   * @return the job
   * @throws ConfigException naming the file and key path of the first problem
   */
  public static SweepJob load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "no such sweep spec file", e);
    } catch (IOException e) {
      throw new ConfigException(
          "",
          "cannot read the sweep spec: " + e.getClass().getSimpleName() + " " + e.getMessage(),
          e);
    }
    try {
      return parse(text, file);
    } catch (ConfigException e) {
      if (!e.source().isEmpty() || e.getMessage().startsWith(file.toString())) {
        throw e;
      }
      throw new ConfigException("", file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a sweep spec from its text.
   *
   * @param text the YAML
   * @param file the file it came from, for messages
   * @return the job
   * @throws ConfigException naming the key path of the first problem
   */
  public static SweepJob parse(String text, Path file) {
    Object root;
    try {
      root =
          new Load(
                  LoadSettings.builder()
                      .setLabel(file.toString())
                      .setAllowDuplicateKeys(false)
                      .build())
              .loadFromString(text);
    } catch (YamlEngineException e) {
      throw new ConfigException(
          "", "is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException("", "must be a mapping (data, symbols, from, to, grid, ...)");
    }
    for (Object k : map.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new ConfigException(
            String.valueOf(k), "unknown key (known here: " + new TreeSet<>(KEYS) + ")");
      }
    }
    Path data = Path.of(string(map, "data"));
    Optional<Path> funding =
        map.containsKey("funding")
            ? Optional.of(Path.of(string(map, "funding")))
            : Optional.empty();
    List<String> symbols = symbols(map);
    Instant from = date(map, "from");
    Instant to = date(map, "to");
    if (!to.isAfter(from)) {
      throw new ConfigException("to", "must be after from (" + from + "), was " + to);
    }
    Objective objective = Objective.NET_R;
    if (map.containsKey("objective")) {
      try {
        objective = Objective.parse(string(map, "objective"));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("objective", e.getMessage(), e);
      }
    }
    int minTrades = integer(map, "min-trades", 0, 0, 1_000_000);
    int blockSize = integer(map, "block-size", SweepSpec.DEFAULT_BLOCK_SIZE, 1, 1_000_000);
    long seed = integer(map, "seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    RunSettings base = base(map, file);
    ParamGrid grid = grid(map.get("grid"));
    SweepSpec spec;
    try {
      spec =
          new SweepSpec(
              symbols,
              from,
              to,
              List.of(new SweepWindow(0, from, to)),
              base,
              grid,
              objective,
              minTrades,
              seed,
              blockSize);
      spec.checkCombinations(CHECK_LIMIT);
    } catch (SweepParameterException e) {
      throw new ConfigException("grid: " + e.keyPath(), e.rule(), e);
    }
    List<String> heatMap = heatMap(map, grid);
    Optional<WalkForwardScheme> wf = Optional.empty();
    if (map.containsKey("walk-forward")) {
      wf = Optional.of(walkForward(map.get("walk-forward"), from, to));
    }
    return new SweepJob(file, data, funding, spec, heatMap, wf);
  }

  private static RunSettings base(Map<?, ?> map, Path file) {
    Map<String, Object> sections = new LinkedHashMap<>();
    for (String s : List.of("strategy", "risk", "backtest")) {
      if (map.containsKey(s)) {
        sections.put(s, map.get(s));
      }
    }
    TradingSections cfg =
        sections.isEmpty()
            ? TradingSections.DEFAULT
            : TradingSections.parse(sections, file.toString());
    return new RunSettings(
        cfg.strategy(),
        cfg.risk().sizing(),
        cfg.risk().guards(),
        cfg.risk().accountEquityUsd(),
        cfg.backtest().applyGuards(),
        cfg.backtest().slippage(),
        cfg.backtest().fundingRate(),
        cfg.backtest().fundingInterval(),
        cfg.backtest().limitExpiry());
  }

  private static ParamGrid grid(Object node) {
    if (!(node instanceof Map<?, ?> g) || g.size() != 1) {
      throw new ConfigException(
          "grid", "must hold one of cartesian, random or list, was " + describe(node));
    }
    Map.Entry<?, ?> e = g.entrySet().iterator().next();
    String kind = String.valueOf(e.getKey());
    Object body = e.getValue();
    return switch (kind) {
      case "cartesian" -> new ParamGrid.Cartesian(axes("grid.cartesian", body));
      case "random" -> {
        if (!(body instanceof Map<?, ?> r)) {
          throw new ConfigException(
              "grid.random", "must be a mapping of count, seed and parameters");
        }
        for (Object k : r.keySet()) {
          if (!Set.of("count", "seed", "parameters").contains(String.valueOf(k))) {
            throw new ConfigException(
                "grid.random." + k, "unknown key (known here: [count, parameters, seed])");
          }
        }
        ParamGrid.Cartesian space =
            new ParamGrid.Cartesian(axes("grid.random.parameters", r.get("parameters")));
        long count = integer(r, "count", -1, 1, Integer.MAX_VALUE, "grid.random.");
        if (count > space.size()) {
          throw new ConfigException(
              "grid.random.count",
              "must be <= " + space.size() + " (the combinations of the parameters), was " + count);
        }
        long seed = integer(r, "seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "grid.random.");
        yield new ParamGrid.Random(space, count, seed);
      }
      case "list" -> {
        if (!(body instanceof List<?> list) || list.isEmpty()) {
          throw new ConfigException(
              "grid.list", "must list at least one combination, was " + describe(body));
        }
        List<ParamSet> combos = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          String path = "grid.list[" + i + "]";
          if (!(list.get(i) instanceof Map<?, ?> m) || m.isEmpty()) {
            throw new ConfigException(path, "must be a mapping of parameter: value");
          }
          Map<String, ParamValue> values = new LinkedHashMap<>();
          for (Map.Entry<?, ?> kv : m.entrySet()) {
            String key = known(path, String.valueOf(kv.getKey()));
            values.put(key, value(path + "." + key, kv.getValue()));
          }
          combos.add(new ParamSet(values));
        }
        try {
          yield new ParamGrid.Explicit(combos);
        } catch (IllegalArgumentException ex) {
          throw new ConfigException("grid.list", ex.getMessage(), ex);
        }
      }
      default ->
          throw new ConfigException(
              "grid." + kind, "unknown grid kind (known: cartesian, random, list)");
    };
  }

  private static List<ParamGrid.Axis> axes(String path, Object node) {
    if (!(node instanceof Map<?, ?> m) || m.isEmpty()) {
      throw new ConfigException(
          path, "must map at least one parameter to its values, was " + describe(node));
    }
    List<ParamGrid.Axis> axes = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = known(path, String.valueOf(e.getKey()));
      String at = path + "." + key;
      List<?> raw = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
      if (raw.isEmpty()) {
        throw new ConfigException(at, "no value to sweep (empty list)");
      }
      List<ParamValue> values = new ArrayList<>();
      for (Object v : raw) {
        values.add(value(at, v));
      }
      try {
        axes.add(new ParamGrid.Axis(key, values));
      } catch (IllegalArgumentException ex) {
        throw new ConfigException(at, ex.getMessage().substring(key.length() + 2), ex);
      }
    }
    return axes;
  }

  private static String known(String path, String key) {
    if (!SweepParameters.isKnown(key)) {
      throw new ConfigException(
          path + "." + key,
          "unknown parameter (a sweep can vary: "
              + String.join(", ", SweepParameters.keys())
              + ")");
    }
    return key;
  }

  private static ParamValue value(String path, Object v) {
    if (v == null) {
      throw new ConfigException(path, "a value must not be empty");
    }
    try {
      return switch (v) {
        case Boolean b -> new ParamValue.Flag(b);
        case Integer i -> new ParamValue.Decimal(BigDecimal.valueOf(i));
        case Long l -> new ParamValue.Decimal(BigDecimal.valueOf(l));
        case BigInteger b -> new ParamValue.Decimal(new BigDecimal(b));
        case Double d -> ParamValue.of(d);
        default -> ParamValue.parse(String.valueOf(v));
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, e.getMessage(), e);
    }
  }

  private static List<String> heatMap(Map<?, ?> map, ParamGrid grid) {
    if (!map.containsKey("heat-map")) {
      return grid.keys().subList(0, Math.min(2, grid.keys().size()));
    }
    if (!(map.get("heat-map") instanceof List<?> l) || l.size() != 2) {
      throw new ConfigException("heat-map", "must list two swept parameters");
    }
    List<String> keys = new ArrayList<>();
    for (Object o : l) {
      if (!grid.keys().contains(String.valueOf(o))) {
        throw new ConfigException(
            "heat-map", String.valueOf(o) + " is not swept (the grid varies " + grid.keys() + ")");
      }
      keys.add(String.valueOf(o));
    }
    if (keys.get(0).equals(keys.get(1))) {
      throw new ConfigException("heat-map", "must name two different parameters");
    }
    return keys;
  }

  private static WalkForwardScheme walkForward(Object node, Instant from, Instant to) {
    if (!(node instanceof Map<?, ?> m)) {
      throw new ConfigException("walk-forward", "must be a mapping of train, test, step, anchored");
    }
    for (Object k : m.keySet()) {
      if (!Set.of("train", "test", "step", "anchored").contains(String.valueOf(k))) {
        throw new ConfigException(
            "walk-forward." + k, "unknown key (known here: [anchored, step, test, train])");
      }
    }
    Period train = period(m, "train");
    Period test = period(m, "test");
    Period step = m.containsKey("step") ? period(m, "step") : test;
    Object anchored = m.containsKey("anchored") ? m.get("anchored") : Boolean.FALSE;
    if (!(anchored instanceof Boolean a)) {
      throw new ConfigException("walk-forward.anchored", "must be true or false, was " + anchored);
    }
    try {
      WalkForwardScheme scheme = new WalkForwardScheme(train, test, step, a);
      scheme.windows(from, to);
      return scheme;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("walk-forward", e.getMessage(), e);
    }
  }

  private static Period period(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new ConfigException("walk-forward." + key, "required, e.g. P1M or P14D");
    }
    try {
      return Period.parse(String.valueOf(v).toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          "walk-forward." + key, "must be an ISO period like P1M or P14D, was " + v, e);
    }
  }

  private static List<String> symbols(Map<?, ?> map) {
    if (!(map.get("symbols") instanceof List<?> l) || l.isEmpty()) {
      throw new ConfigException(
          "symbols", "must list at least one symbol, was " + describe(map.get("symbols")));
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object o : l) {
      String s = String.valueOf(o).strip().toUpperCase(Locale.ROOT);
      if (!out.add(s)) {
        throw new ConfigException("symbols", s + " is given twice");
      }
    }
    return List.copyOf(out);
  }

  private static String string(Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new ConfigException(key, "required");
    }
    return String.valueOf(v);
  }

  private static Instant date(Map<?, ?> map, String key) {
    String s = string(map, key);
    try {
      return s.contains("T")
          ? Instant.parse(s)
          : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          key, "must be a date like 2025-01-01 or 2025-01-01T08:00:00Z, was " + s, e);
    }
  }

  private static int integer(Map<?, ?> map, String key, int def, long min, long max) {
    return integer(map, key, def, min, max, "");
  }

  private static int integer(
      Map<?, ?> map, String key, int def, long min, long max, String prefix) {
    Object v = map.get(key);
    if (v == null) {
      if (def < min) {
        throw new ConfigException(prefix + key, "required");
      }
      return def;
    }
    if (!(v instanceof Integer i)) {
      throw new ConfigException(prefix + key, "must be a whole number, was " + v);
    }
    if (i < min || i > max) {
      throw new ConfigException(prefix + key, "must be in [" + min + ", " + max + "], was " + i);
    }
    return i;
  }

  private static String describe(Object o) {
    return o == null ? "nothing" : "'" + o + "'";
  }
}
