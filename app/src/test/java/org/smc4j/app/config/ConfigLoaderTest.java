package org.smc4j.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.StopSlippage;
import org.smc4j.risk.guard.GuardLimits;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ConfigLoaderTest {

  @TempDir Path dir;

  private static Smc4jConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "test.yaml");
  }

  /** Asserts the error of a file, whose message starts with the file name, then the key path. */
  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: " + message);
  }

  @Test
  void shouldGiveEveryDefaultForAnEmptyFile() {
    assertThat(parse("")).isEqualTo(Smc4jConfig.DEFAULT);
    assertThat(parse("# nothing but a comment\n")).isEqualTo(Smc4jConfig.DEFAULT);
    assertThat(Smc4jConfig.DEFAULT.scan().topN()).isEqualTo(30);
    assertThat(Smc4jConfig.DEFAULT.scan().universeRefresh()).isEqualTo(Duration.ofHours(1));
    assertThat(Smc4jConfig.DEFAULT.strategy()).isEqualTo(StrategyConfig.DEFAULT);
  }

  @Test
  void shouldReadEverySection() {
    Smc4jConfig c =
        parse(
            """
            okx:
              base-url: http://127.0.0.1:8080
              request-timeout: 3s
              max-attempts: 2
              initial-backoff: 100ms
              max-backoff: 1s
              instrument-ttl: 30m
            scan:
              top-n: 50
              universe-refresh: 2h
              close-delay: 1500ms
              backfill-bars: 600
              fetch-threads: 4
              late-retry-delay: 2s
              late-retries: 1
              symbols: [btc-usdt-swap, ETH-USDT-SWAP, BTC-USDT-SWAP]
            strategy:
              swing:
                15m: {left: 4, right: 5}
                5m: {left: 3, right: 1}
              break: {confirm-bars: 2, min-atr: 0.2, continuation-only: true}
              fib: {zone-start: 0.45, golden: 0.6, zone-end: 0.8}
              fvg: {min-atr: 0.1}
              poi: {max-age-bars: 24}
              stop: {buffer-ticks: 3, buffer-atr: 0.2}
              target: {reward-risk: 3, second-target: true}
              score: {decisive-break-atr: 0.5, retest-atr: 0.3}
              atr-period: 10
            risk:
              risk-usd: 2.5
              tolerance: 0.05
              leverage: 20
              fees: {maker: 0.0001, taker: 0.0004}
              stop-slippage: {amount: 0.5, unit: price}
            output: {journal: j.db, signals: out/s.jsonl}
            alerts:
              telegram: {enabled: true, chat-id: "-1001234567890", token-env: MY_TOKEN}
              discord: {enabled: true, webhook-url-env: MY_HOOK}
              chart: false
            logging: {file: l/scan.log, level: debug, max-file-size-mb: 5, max-history-days: 3}
            """);
    assertThat(c.okx())
        .isEqualTo(
            new OkxConfig(
                URI.create("http://127.0.0.1:8080"),
                Duration.ofSeconds(3),
                2,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofMinutes(30)));
    assertThat(c.scan())
        .isEqualTo(
            new LoopConfig(
                50,
                Duration.ofHours(2),
                Duration.ofMillis(1500),
                600,
                4,
                Duration.ofSeconds(2),
                1,
                List.of("BTC-USDT-SWAP", "ETH-USDT-SWAP")));
    assertThat(c.strategy())
        .isEqualTo(
            StrategyConfig.builder()
                .swing15(4, 5)
                .swing5(3, 1)
                .confirmBars(2)
                .minBreakAtr(0.2)
                .continuationOnly(true)
                .fib(0.45, 0.6, 0.8)
                .minGapAtr(0.1)
                .poiMaxAgeBars(24)
                .stopBufferTicks(3)
                .stopBufferAtr(0.2)
                .rewardRisk(3)
                .secondTarget(true)
                .decisiveBreakAtr(0.5)
                .retestAtr(0.3)
                .atrPeriod(10)
                .build());
    assertThat(c.risk().sizing().riskUsd()).isEqualByComparingTo("2.5");
    assertThat(c.risk().sizing().tolerance()).isEqualByComparingTo("0.05");
    assertThat(c.risk().sizing().leverage()).isEqualByComparingTo("20");
    assertThat(c.risk().sizing().fees().makerRate()).isEqualByComparingTo("0.0001");
    assertThat(c.risk().sizing().fees().takerRate()).isEqualByComparingTo("0.0004");
    assertThat(c.risk().sizing().slippage()).isEqualTo(StopSlippage.price(new BigDecimal("0.5")));
    assertThat(c.output()).isEqualTo(new OutputConfig(Path.of("j.db"), Path.of("out/s.jsonl")));
    assertThat(c.alerts().telegram().chatId()).isEqualTo("-1001234567890");
    assertThat(c.alerts().telegram().tokenEnv()).isEqualTo("MY_TOKEN");
    assertThat(c.alerts().discord()).isEqualTo(new DiscordConfig(true, "MY_HOOK"));
    assertThat(c.alerts().chart()).isFalse();
    assertThat(c.logging())
        .isEqualTo(new LoggingConfig(Path.of("l/scan.log"), LogLevel.DEBUG, 5, 3));
  }

  @Test
  void shouldReadTheGuardsAndBacktestSections() {
    Smc4jConfig c =
        parse(
            """
            risk:
              risk-usd: 1
              fees: {maker: 0.0001, taker: 0.0004}
              max-size-policy: cap
              max-cost-share: 0.25
              guards:
                max-daily-loss-usd: 3
                max-daily-losing-trades: 2
                max-concurrent-trades: 1
                max-open-risk-usd: 1.5
                day-start-hour-utc: 8
                account-equity-usd: 250.5
            backtest:
              fill: standard
              slippage: {atr: 0.05, fallback-ticks: 2}
              funding-rate: -0.0002
              funding-interval: 4h
              limit-expiry: never
              apply-guards: false
            """);
    assertThat(c.risk().guards())
        .isEqualTo(new GuardLimits(new BigDecimal("3"), 2, 1, new BigDecimal("1.5"), 8));
    assertThat(c.risk().accountEquityUsd()).isEqualByComparingTo("250.5");
    assertThat(c.risk().sizing().maxSizePolicy()).isEqualTo(MaxSizePolicy.CAP);
    assertThat(c.risk().sizing().maxCostShare()).isEqualByComparingTo("0.25");
    assertThat(c.backtest())
        .isEqualTo(
            new BacktestConfig(
                FillKind.STANDARD,
                new AtrSlippageModel(0.05, 2),
                -0.0002,
                Duration.ofHours(4),
                Optional.empty(),
                false));
    // the broker charges the sizer's fees (risk.fees): 0.04 % of a 1000 USDT taker fill
    BrokerModels models = c.backtest().models(c.risk().sizing().fees());
    assertThat(models.fee().fee(1000, Liquidity.TAKER)).isEqualTo(0.4, within(1e-12));
    assertThat(models.fee().fee(1000, Liquidity.MAKER)).isEqualTo(0.1, within(1e-12));
    assertThat(models.funding().rate("BTCUSDT", 0)).isEqualTo(-0.0002);
    assertThat(models.fundingSchedule().intervalMillis()).isEqualTo(4 * 3_600_000L);
    assertThat(models.slippage()).isEqualTo(new AtrSlippageModel(0.05, 2));
    // other sections keep their defaults
    assertThat(c.strategy()).isEqualTo(StrategyConfig.DEFAULT);
    assertThat(c.scan()).isEqualTo(LoopConfig.DEFAULT);
  }

  @Test
  void shouldReadEachSlippageModelAndTheLimitExpiry() {
    assertThat(parse("backtest: {slippage: {ticks: 3}}\n").backtest().slippage())
        .isEqualTo(new TickSlippageModel(3));
    assertThat(parse("backtest: {slippage: {fraction: 0.0002}}\n").backtest().slippage())
        .isEqualTo(new PercentSlippageModel(0.0002));
    assertThat(parse("backtest: {slippage: {atr: 0.1}}\n").backtest().slippage())
        .as("one fallback tick while the ATR warms up")
        .isEqualTo(new AtrSlippageModel(0.1, 1));
    assertThat(
            parse("strategy: {atr-period: 10}\nbacktest: {slippage: {atr: 0.1}}\n")
                .backtest()
                .slippage())
        .as("the strategy's ATR period unless the slippage names its own")
        .isEqualTo(new AtrSlippageModel(0.1, 1, 10));
    assertThat(
            parse("strategy: {atr-period: 10}\nbacktest: {slippage: {atr: 0.1, atr-period: 20}}\n")
                .backtest()
                .slippage())
        .isEqualTo(new AtrSlippageModel(0.1, 1, 20));
    assertThat(parse("backtest: {slippage: {}}\n").backtest().slippage())
        .isEqualTo(new TickSlippageModel(1));
    assertThat(parse("backtest: {limit-expiry: 90m}\n").backtest().limitExpiry())
        .contains(Duration.ofMinutes(90));
    assertThat(Smc4jConfig.DEFAULT.backtest().limitExpiry()).contains(Duration.ofHours(12));
    assertThat(Smc4jConfig.DEFAULT.backtest().applyGuards()).isTrue();
    assertThat(Smc4jConfig.DEFAULT.risk().guards()).isEqualTo(GuardLimits.DEFAULT);
  }

  @Test
  void shouldNameThePathAndRuleOfABadGuardOrBacktestValue() {
    assertError(
        "risk: {guards: {max-concurrent-trades: 0}}\n",
        "risk.guards.max-concurrent-trades: must be >= 1, was 0");
    assertError(
        "risk: {guards: {max-daily-loss-usd: 0}}\n",
        "risk.guards.max-daily-loss-usd: must be > 0, was 0");
    assertError(
        "risk: {guards: {day-start-hour-utc: 24}}\n",
        "risk.guards.day-start-hour-utc: must be <= 23, was 24");
    assertError(
        "risk: {guards: {account-equity-usd: -5}}\n",
        "risk.guards.account-equity-usd: must be >= 0, was -5");
    assertError(
        "risk: {guards: {max-open-risk: 2}}\n",
        "risk.guards.max-open-risk: unknown key (known here: [max-daily-loss-usd,"
            + " max-daily-losing-trades, max-concurrent-trades, max-open-risk-usd,"
            + " day-start-hour-utc, account-equity-usd])");
    assertError(
        "risk: {max-cost-share: 0}\n",
        "risk.max-cost-share: must be > 0 (1 turns the cost filter off), was 0");
    assertError("risk: {max-cost-share: 1.2}\n", "risk.max-cost-share: must be <= 1, was 1.2");
    assertError(
        "risk: {max-size-policy: shrink}\n",
        "risk.max-size-policy: must be one of [refuse, cap], was 'shrink'");
    assertError(
        "backtest: {fill: optimistic}\n",
        "backtest.fill: must be one of [standard], was 'optimistic'");
    assertError(
        "backtest: {slippage: {ticks: 1, atr: 0.1}}\n",
        "backtest.slippage: give one model (ticks, fraction or atr), was ticks and atr");
    assertError(
        "backtest: {slippage: {ticks: 2, fallback-ticks: 1}}\n",
        "backtest.slippage.fallback-ticks: belongs to the atr model only");
    assertError(
        "backtest: {slippage: {ticks: 2, atr-period: 10}}\n",
        "backtest.slippage.atr-period: belongs to the atr model only");
    assertError(
        "backtest: {slippage: {tick: 1}}\n",
        "backtest.slippage.tick: unknown key (known here: [ticks, fraction, atr, fallback-ticks, atr-period])");
    assertError(
        "backtest: {slippage: {fraction: 0.1}}\n",
        "backtest.slippage.fraction: must be <= 0.05, was 0.1");
    assertError(
        "backtest: {funding-rate: 0.1}\n", "backtest.funding-rate: must be <= 0.05, was 0.1");
    assertError(
        "backtest: {funding-interval: 7h}\n",
        "backtest.funding-interval: must divide a day (e.g. 1h, 4h, 8h), was 7h");
    assertError(
        "backtest: {limit-expiry: 12}\n",
        "backtest.limit-expiry: must be a duration like 12h or 30m, or never, was 12");
    assertError(
        "backtest: {limit-expiry: 0s}\n", "backtest.limit-expiry: must be >= 1ms, was 0s ('0s')");
    assertError(
        "backtest: {apply-guards: yes please}\n",
        "backtest.apply-guards: must be true or false, was text 'yes please'");
    // the keys of the former flat backtest file are unknown now, and say what is known
    assertThatThrownBy(() -> parse("backtest:\n  riskUsd: 2\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: backtest.riskUsd: unknown key (known here: [fill,");
  }

  @Test
  void shouldNameTheFileOfABadKeyReadFromDisk() throws Exception {
    Path file = dir.resolve("smc4j.yaml");
    Files.writeString(file, "strategy:\n  swing:\n    15m: {left: 0}\n");
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": strategy.swing.15m.left: must be >= 1, was 0");
    assertThatThrownBy(() -> ConfigLoader.locate(dir.resolve("absent.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + dir.resolve("absent.yaml") + " does not exist");
    assertThat(ConfigLoader.locate(file)).contains(file);
    assertThat(ConfigLoader.load(Optional.empty())).isEqualTo(Smc4jConfig.DEFAULT);
  }

  @Test
  void shouldNameThePathOfAnUnknownKey() {
    assertError(
        "strategy:\n  swing:\n    15m: {left: 3, rigth: 3}\n",
        "strategy.swing.15m.rigth: unknown key (known here: [left, right])");
    assertThatThrownBy(() -> parse("stratgy: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: stratgy: unknown key")
        .extracting(e -> ((ConfigException) e).path())
        .isEqualTo("stratgy");
  }

  @Test
  void shouldNameThePathAndRuleOfABadValue() {
    assertError(
        "strategy:\n  swing:\n    15m: {left: 0}\n",
        "strategy.swing.15m.left: must be >= 1, was 0");
    assertError("scan: {top-n: 1.5}\n", "scan.top-n: must be a whole number, was 1.5");
    assertError("scan: {top-n: many}\n", "scan.top-n: must be a whole number, was text 'many'");
    assertError(
        "strategy: {fib: {golden: 0.4}}\n",
        "strategy.fib.golden: must be > strategy.fib.zone-start (0.5) and < 1, was 0.4");
    assertError(
        "strategy: {stop: {buffer-ticks: 0}}\n",
        "strategy.stop.buffer-ticks: must be > 0 and finite, was 0.0");
    assertError("risk: {fees: {taker: 0.05}}\n", "risk.fees.taker: must be <= 0.0099999, was 0.05");
    assertError("risk: {risk-usd: 0}\n", "risk.risk-usd: must be > 0, was 0");
    assertError(
        "risk: {stop-slippage: {unit: pips}}\n",
        "risk.stop-slippage.unit: must be one of [ticks, price], was 'pips'");
    assertError(
        "scan: {close-delay: 2 seconds}\n",
        "scan.close-delay: unknown duration unit in '2 seconds' (use ms, s, m, h or d)");
    assertError(
        "scan: {close-delay: 5m}\n",
        "scan.close-delay: must be <= 4m (a cycle must end before the next 5m close), was 5m");
    assertError(
        "okx: {base-url: ftp://example.org}\n",
        "okx.base-url: must be an http(s) URL with a host, was 'ftp://example.org'");
    assertError(
        "okx: {base-url: 'http://127.0.0.1:1/api'}\n",
        "okx.base-url: must have no path or query, was 'http://127.0.0.1:1/api'");
    assertError("okx: 3\n", "okx: must be a mapping of keys, was 3");
    assertError(
        "alerts: {telegram: {enabled: true}}\n",
        "alerts.telegram.chat-id: is required when telegram is enabled");
    assertError(
        "alerts: {discord: {webhook-url-env: 'https://discord.com/api/webhooks/1/x'}}\n",
        "alerts.discord.webhook-url-env: must name an environment variable (letters, digits, _),"
            + " was 'https://discord.com/api/webhooks/1/x'; secrets never go into the config file");
    assertError(
        "logging: {level: loud}\n",
        "logging.level: must be one of [trace, debug, info, warn, error], was 'loud'");
  }

  @Test
  void shouldRejectDuplicateKeysAndNonYaml() {
    assertError("scan:\n  top-n: 3\n  top-n: 4\n", "scan.top-n: duplicate key (lines 2 and 3)");
    assertError(
        "# flow style too\nstrategy:\n  swing:\n    15m: {left: 3, left: 4}\n",
        "strategy.swing.15m.left: duplicate key (lines 4 and 4)");
    assertError("risk: {}\nbacktest: {}\nrisk: {}\n", "risk: duplicate key (lines 1 and 3)");
    assertThatThrownBy(() -> parse("scan: {top-n: [1, 2}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml is not valid YAML: ");
    assertThatThrownBy(() -> parse("- a\n- b\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml must be a mapping of sections (okx, scan, ...)");
  }

  @Test
  void shouldPrintAConfigThatReadsBackToItself() {
    Smc4jConfig c =
        parse(
            "scan: {top-n: 12, close-delay: 1500ms, symbols: [BTC-USDT-SWAP]}\n"
                + "risk: {risk-usd: 2.5, stop-slippage: {amount: 2, unit: ticks}}\n"
                + "strategy: {fib: {golden: 0.65}, target: {reward-risk: 2.5}}\n");
    String yaml = ConfigPrinter.toYaml(c, null);
    assertThat(ConfigLoader.parse(yaml, "printed")).isEqualTo(c);
    for (String backtest :
        List.of(
            "{slippage: {atr: 0.05, fallback-ticks: 0}, limit-expiry: never, apply-guards: false}",
            "{slippage: {fraction: 0.0003}, funding-interval: 1h, limit-expiry: 45m}")) {
      Smc4jConfig b =
          parse(
              "backtest: "
                  + backtest
                  + "\nrisk: {max-size-policy: cap, guards: {max-open-risk-usd: 2.2,"
                  + " account-equity-usd: 50}}\n");
      assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(b, null), "printed")).isEqualTo(b);
    }
    assertThat(ConfigPrinter.toYaml(Smc4jConfig.DEFAULT, null))
        .contains("top-n: 30")
        .contains("universe-refresh: 1h")
        .contains("golden: 0.618");
  }

  @Test
  void shouldReadSecretsFromTheEnvironmentFirstThenDotEnvAndNeverPrintThem() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(
        env,
        "# secrets\nexport SMC4J_TELEGRAM_BOT_TOKEN=\"123:dotenv-token\"\n"
            + "SMC4J_DISCORD_WEBHOOK_URL='https://discord.com/api/webhooks/1/abc'\n");
    Secrets fromFile = Secrets.of(Map.of(), Optional.of(env));
    assertThat(fromFile.get("SMC4J_TELEGRAM_BOT_TOKEN")).contains("123:dotenv-token");
    assertThat(fromFile.get("SMC4J_DISCORD_WEBHOOK_URL"))
        .contains("https://discord.com/api/webhooks/1/abc");
    Secrets both = Secrets.of(Map.of("SMC4J_TELEGRAM_BOT_TOKEN", "9:env-token"), Optional.of(env));
    assertThat(both.get("SMC4J_TELEGRAM_BOT_TOKEN")).contains("9:env-token");
    assertThat(both.get("UNSET")).isEmpty();

    String printed = ConfigPrinter.toYaml(Smc4jConfig.DEFAULT, both);
    assertThat(printed)
        .contains("SMC4J_TELEGRAM_BOT_TOKEN: set in the environment, value redacted")
        .contains("SMC4J_DISCORD_WEBHOOK_URL: set in " + env + ", value redacted")
        .doesNotContain("env-token")
        .doesNotContain("dotenv-token")
        .doesNotContain("webhooks/1/abc");
    assertThat(both.toString()).doesNotContain("token");
  }

  @Test
  void shouldRejectABadDotEnvLineWithoutShowingIt() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "OK=1\nthis-is-secret-and-wrong\n");
    assertThatThrownBy(() -> Secrets.of(Map.of(), Optional.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(env + " line 2: expected NAME=value (line not shown: secrets)");
  }

  @Test
  void shouldReadTheShippedExampleAsTheDefaults() {
    // The example file documents every key with its default; it must stay exactly that.
    Path example = Path.of("../scanner-cli/smc4j.example.yaml");
    assertThat(example).exists();
    assertThat(ConfigLoader.load(example)).isEqualTo(Smc4jConfig.DEFAULT);
  }

  @Test
  void shouldDocumentEveryKeyInTheShippedExample() throws Exception {
    // Every key the printer writes (all there are) appears in the example, and nothing else.
    Object example =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(Path.of("../scanner-cli/smc4j.example.yaml")));
    Object printed =
        new Load(LoadSettings.builder().build())
            .loadFromString(ConfigPrinter.toYaml(Smc4jConfig.DEFAULT, null));
    Set<String> exampleKeys = new TreeSet<>();
    Set<String> printedKeys = new TreeSet<>();
    keyPaths("", example, exampleKeys);
    keyPaths("", printed, printedKeys);
    assertThat(printedKeys).contains("risk.guards.max-concurrent-trades", "backtest.apply-guards");
    assertThat(exampleKeys).isEqualTo(printedKeys);
  }

  private static void keyPaths(String prefix, Object node, Set<String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String path = prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey();
        if (e.getValue() instanceof Map<?, ?>) {
          keyPaths(path, e.getValue(), out);
        } else {
          out.add(path);
        }
      }
    }
  }

  @Test
  void shouldParseDurations() {
    assertThat(ConfigNode.parseDuration("p", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ConfigNode.parseDuration("p", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ConfigNode.parseDuration("p", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ConfigNode.parseDuration("p", "PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(ConfigNode.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(ConfigNode.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThatThrownBy(() -> ConfigNode.parseDuration("p", "1.5ms"))
        .hasMessage("p: must be a whole number of milliseconds, was '1.5ms'");
  }
}
