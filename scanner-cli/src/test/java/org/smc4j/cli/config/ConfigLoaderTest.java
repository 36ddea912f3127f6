package org.smc4j.cli.scan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.StopSlippage;

class ScanConfigLoaderTest {

  @TempDir Path dir;

  private static ScanConfig parse(String yaml) {
    return ScanConfigLoader.parse(yaml, "test.yaml");
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void shouldGiveEveryDefaultForAnEmptyFile() {
    assertThat(parse("")).isEqualTo(ScanConfig.DEFAULT);
    assertThat(parse("# nothing but a comment\n")).isEqualTo(ScanConfig.DEFAULT);
    assertThat(ScanConfig.DEFAULT.scan().topN()).isEqualTo(30);
    assertThat(ScanConfig.DEFAULT.scan().universeRefresh()).isEqualTo(Duration.ofHours(1));
    assertThat(ScanConfig.DEFAULT.strategy()).isEqualTo(StrategyConfig.DEFAULT);
  }

  @Test
  void shouldReadEverySection() {
    ScanConfig c =
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
            new StrategyConfig(
                4, 5, 3, 1, 2, 0.2, true, 0.45, 0.6, 0.8, 0.1, 24, 3, 0.2, 3, true, 0.5, 0.3, 10));
    assertThat(c.risk().riskUsd()).isEqualByComparingTo("2.5");
    assertThat(c.risk().tolerance()).isEqualByComparingTo("0.05");
    assertThat(c.risk().leverage()).isEqualByComparingTo("20");
    assertThat(c.risk().fees().makerRate()).isEqualByComparingTo("0.0001");
    assertThat(c.risk().fees().takerRate()).isEqualByComparingTo("0.0004");
    assertThat(c.risk().slippage()).isEqualTo(StopSlippage.price(new BigDecimal("0.5")));
    assertThat(c.output()).isEqualTo(new OutputConfig(Path.of("j.db"), Path.of("out/s.jsonl")));
    assertThat(c.alerts().telegram().chatId()).isEqualTo("-1001234567890");
    assertThat(c.alerts().telegram().tokenEnv()).isEqualTo("MY_TOKEN");
    assertThat(c.alerts().discord()).isEqualTo(new DiscordConfig(true, "MY_HOOK"));
    assertThat(c.alerts().chart()).isFalse();
    assertThat(c.logging())
        .isEqualTo(new LoggingConfig(Path.of("l/scan.log"), LogLevel.DEBUG, 5, 3));
  }

  @Test
  void shouldNameThePathOfAnUnknownKey() {
    assertError(
        "strategy:\n  swing:\n    15m: {left: 3, rigth: 3}\n",
        "strategy.swing.15m.rigth: unknown key (known here: [left, right])");
    assertThatThrownBy(() -> parse("stratgy: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("stratgy: unknown key");
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
    assertThatThrownBy(() -> parse("scan:\n  top-n: 3\n  top-n: 4\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.yaml is not valid YAML")
        .hasMessageContaining("top-n");
    assertThatThrownBy(() -> parse("- a\n- b\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml must be a mapping of sections (okx, scan, ...)");
  }

  @Test
  void shouldPrintAConfigThatReadsBackToItself() {
    ScanConfig c =
        parse(
            "scan: {top-n: 12, close-delay: 1500ms, symbols: [BTC-USDT-SWAP]}\n"
                + "risk: {risk-usd: 2.5, stop-slippage: {amount: 2, unit: ticks}}\n"
                + "strategy: {fib: {golden: 0.65}, target: {reward-risk: 2.5}}\n");
    String yaml = ConfigPrinter.toYaml(c, null);
    assertThat(ScanConfigLoader.parse(yaml, "printed")).isEqualTo(c);
    assertThat(ConfigPrinter.toYaml(ScanConfig.DEFAULT, null))
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

    String printed = ConfigPrinter.toYaml(ScanConfig.DEFAULT, both);
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
    Path example = Path.of("smc4j.example.yaml");
    assertThat(example).exists();
    assertThat(ScanConfigLoader.load(example)).isEqualTo(ScanConfig.DEFAULT);
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
