package org.smc4j.app.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.exchange.okx.execution.ReconciliationSchedule;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.live.scan.LoopConfig;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the smc4j YAML configuration, the one file of {@code scan}, {@code backtest} and {@code
 * detect}. Every key is optional (the defaults are {@link Smc4jConfig#DEFAULT}); an unknown key, a
 * duplicate key, a value of the wrong type or out of its range fails with a {@link ConfigException}
 * whose message names the file and the key path, e.g. {@code smc4j.yaml: strategy.swing.15m.left:
 * must be >= 1, was 0}. The whole file is checked whichever command reads it.
 *
 * <p>The file never holds secrets: the Telegram bot token and the Discord webhook URL are read from
 * the environment variables the file names ({@link Secrets}).
 */
public final class ConfigLoader {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_BARS = StrategyConfig.MAX_BARS;

  /** The file every command reads when no {@code --config} is given and it exists. */
  public static final Path DEFAULT_FILE = Path.of("smc4j.yaml");

  private ConfigLoader() {}

  /**
   * Finds the configuration file of a command: the {@code --config} file when given (it must
   * exist), else {@code smc4j.yaml} in the working directory when present, else none (the built-in
   * defaults).
   *
   * @param explicit the {@code --config} file, or null
   * @return the file to read, or empty for the defaults
   * @throws ConfigException when the explicit file does not exist
   */
  public static Optional<Path> locate(Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new ConfigException("", "config file " + explicit + " does not exist");
      }
      return Optional.of(explicit);
    }
    return Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
  }

  /**
   * Reads the located file, or gives the defaults.
   *
   * @param file the file from {@link #locate(Path)}
   * @return the effective configuration
   * @throws ConfigException when the file cannot be read, is not YAML, or a key is unknown or bad
   */
  public static Smc4jConfig load(Optional<Path> file) {
    return file.map(ConfigLoader::load).orElse(Smc4jConfig.DEFAULT);
  }

  /**
   * Reads a configuration file.
   *
   * @param file the YAML file
   * @return the effective configuration (defaults for what the file leaves out)
   * @throws ConfigException when the file cannot be read, is not YAML, or a key is unknown or bad
   */
  public static Smc4jConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + file + ": " + e, e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses configuration text.
   *
   * @param yaml the YAML text
   * @param source the file name, for messages
   * @return the effective configuration
   * @throws ConfigException when the text is not YAML, or a key is unknown or bad
   */
  public static Smc4jConfig parse(String yaml, String source) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
    Object root;
    try {
      new Compose(settings)
          .composeString(yaml)
          .ifPresent(node -> rejectDuplicateKeys(node, "", source, new IdentityHashMap<>()));
      root = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new ConfigException(
          "", source + " is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "), e);
    }
    if (root == null) {
      return Smc4jConfig.DEFAULT;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException("", source + " must be a mapping of sections (okx, scan, ...)");
    }
    try {
      ConfigNode rootNode = ConfigNode.root(map);
      OkxConfig okx = okx(rootNode.section("okx"));
      LoopConfig loop = loop(rootNode.section("scan"));
      StrategyConfig strategy = TradingSections.strategy(rootNode.section("strategy"));
      Smc4jConfig config =
          new Smc4jConfig(
              okx,
              loop,
              strategy,
              TradingSections.risk(rootNode.section("risk")),
              TradingSections.backtest(rootNode.section("backtest"), strategy.atrPeriod()),
              output(rootNode.section("output")),
              alerts(rootNode.section("alerts")),
              logging(rootNode.section("logging")),
              trade(rootNode.section("trade")));
      rootNode.finish();
      return config;
    } catch (ConfigException e) {
      throw e.inFile(source);
    }
  }

  /**
   * Rejects a key given twice in one mapping, naming its path and both lines (the YAML loader's own
   * message names neither the path nor the first line).
   */
  private static void rejectDuplicateKeys(
      Node node, String path, String source, IdentityHashMap<Node, Boolean> seen) {
    if (seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (NodeTuple t : mapping.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
        String keyPath = key == null ? path : path.isEmpty() ? key : path + "." + key;
        if (key != null) {
          int line = line(t.getKeyNode());
          Integer first = lines.putIfAbsent(key, line);
          if (first != null) {
            throw new ConfigException(
                    keyPath, "duplicate key (lines " + first + " and " + line + ")")
                .inFile(source);
          }
        }
        rejectDuplicateKeys(t.getValueNode(), keyPath, source, seen);
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        rejectDuplicateKeys(items.get(i), path + "[" + i + "]", source, seen);
      }
    }
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private static OkxConfig okx(ConfigNode n) {
    OkxConfig d = OkxConfig.DEFAULT;
    URI base = n.url("base-url", d.baseUrl());
    String path = base.getRawPath();
    if (!(path == null || path.isEmpty() || "/".equals(path)) || base.getQuery() != null) {
      throw new ConfigException(
          n.pathOf("base-url"), "must have no path or query, was '" + base + "'");
    }
    Duration initial = n.duration("initial-backoff", d.initialBackoff(), Duration.ZERO);
    Duration timeout = n.duration("request-timeout", d.requestTimeout(), Duration.ofMillis(1));
    int attempts = n.integer("max-attempts", d.maxAttempts(), 1, 100);
    Duration max = n.duration("max-backoff", d.maxBackoff(), initial);
    Duration ttl = n.duration("instrument-ttl", d.instrumentTtl(), Duration.ZERO);
    n.finish();
    try {
      return new OkxConfig(base, timeout, attempts, initial, max, ttl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(n.path(), e.getMessage(), e);
    }
  }

  private static LoopConfig loop(ConfigNode n) {
    LoopConfig d = LoopConfig.DEFAULT;
    LoopConfig c =
        new LoopConfig(
            n.integer("top-n", d.topN(), 1, 500),
            n.duration("universe-refresh", d.universeRefresh(), Duration.ofMinutes(5)),
            n.duration("close-delay", d.closeDelay(), Duration.ZERO),
            n.integer("backfill-bars", d.backfillBars(), 1, MAX_BARS),
            n.integer("fetch-threads", d.fetchThreads(), 1, 64),
            n.duration("late-retry-delay", d.lateRetryDelay(), Duration.ZERO),
            n.integer("late-retries", d.lateRetries(), 0, 100),
            n.strings("symbols", d.symbols()).stream()
                .map(s -> s.toUpperCase(Locale.ROOT))
                .distinct()
                .toList());
    if (c.closeDelay().compareTo(Duration.ofMinutes(4)) > 0) {
      throw new ConfigException(
          n.pathOf("close-delay"),
          "must be <= 4m (a cycle must end before the next 5m close), was "
              + ConfigNode.format(c.closeDelay()));
    }
    n.finish();
    return c;
  }

  private static OutputConfig output(ConfigNode n) {
    OutputConfig d = OutputConfig.DEFAULT;
    String dir = n.string("data-dir", OutputConfig.PLATFORM_DEFAULT).strip();
    OutputConfig c =
        new OutputConfig(
            dir.equals(OutputConfig.PLATFORM_DEFAULT)
                ? Optional.empty()
                : Optional.of(n.file("data-dir", null)),
            n.file("journal", d.journal()),
            n.file("signals", d.signals()));
    n.finish();
    return c;
  }

  private static AlertsConfig alerts(ConfigNode n) {
    ConfigNode t = n.section("telegram");
    TelegramConfig td = TelegramConfig.DEFAULT;
    TelegramConfig telegram =
        new TelegramConfig(
            t.bool("enabled", td.enabled()),
            t.url("api-url", td.apiUrl()),
            t.string("chat-id", td.chatId()).strip(),
            envName(t, "token-env", td.tokenEnv()));
    if (telegram.enabled() && telegram.chatId().isEmpty()) {
      throw new ConfigException(t.pathOf("chat-id"), "is required when telegram is enabled");
    }
    t.finish();
    ConfigNode dc = n.section("discord");
    DiscordConfig dd = DiscordConfig.DEFAULT;
    DiscordConfig discord =
        new DiscordConfig(
            dc.bool("enabled", dd.enabled()), envName(dc, "webhook-url-env", dd.webhookUrlEnv()));
    dc.finish();
    boolean chart = n.bool("chart", AlertsConfig.DEFAULT.chart());
    n.finish();
    return new AlertsConfig(telegram, discord, chart);
  }

  private static String envName(ConfigNode n, String key, String def) {
    String name = n.string(key, def).strip();
    if (!ENV_NAME.matcher(name).matches()) {
      throw new ConfigException(
          n.pathOf(key),
          "must name an environment variable (letters, digits, _), was '"
              + name
              + "'; secrets never go into the config file");
    }
    return name;
  }

  private static LoggingConfig logging(ConfigNode n) {
    LoggingConfig d = LoggingConfig.DEFAULT;
    LoggingConfig c =
        new LoggingConfig(
            n.file("file", d.file()),
            n.choice("level", d.level(), LogLevel.class),
            n.integer("max-file-size-mb", d.maxFileSizeMb(), 1, 10_000),
            n.integer("max-history-days", d.maxHistoryDays(), 1, 3650));
    n.finish();
    return c;
  }

  private static TradeConfig trade(ConfigNode n) {
    TradeConfig d = TradeConfig.DEFAULT;
    TradeConfig c =
        new TradeConfig(
            n.choice("mode", d.mode(), TradeMode.class),
            n.choice("margin-mode", d.marginMode(), MarginMode.class),
            n.duration("unprotected-deadline", d.unprotectedDeadline(), Duration.ofSeconds(1)),
            n.duration("entry-validity", d.entryValidity(), Duration.ofSeconds(1)),
            reconcile(n.section("reconcile")),
            n.bool("dead-man-switch", d.deadManSwitch()));
    n.finish();
    return c;
  }

  private static ReconciliationSchedule reconcile(ConfigNode n) {
    ReconciliationSchedule d = TradeConfig.DEFAULT.reconcile();
    Duration min = Duration.ofMillis(100);
    ReconciliationSchedule c =
        new ReconciliationSchedule(
            n.duration("unsettled", d.unsettled(), min),
            n.duration("positions-open", d.positionsOpen(), min),
            n.duration("idle", d.idle(), min),
            n.duration("ledger", d.ledger(), min));
    n.finish();
    return c;
  }
}
