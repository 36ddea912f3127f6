package org.smc4j.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import picocli.CommandLine;

/** {@code smc4j scan} options that need no OKX: the printed config and the replay inputs. */
class ScanCommandTest {

  @TempDir Path dir;

  /** The result of one in-process run. */
  record Result(int exit, String out, String err) {}

  /** A config whose log file lies in the test's folder, not in the working directory. */
  private String logConfig() throws Exception {
    Path config = dir.resolve("log.yaml");
    Files.writeString(config, "logging: {file: '" + dir.resolve("scan.log") + "'}\n");
    return config.toString();
  }

  private static Result run(String... args) {
    CommandLine cmd = Smc4jMain.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void shouldPrintTheEffectiveConfigWithOverridesAndRedactedSecrets() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "scan: {top-n: 12}\nalerts: {discord: {enabled: true}}\n");
    Path env = dir.resolve(".env");
    Files.writeString(env, "SMC4J_DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/9/s3cr3t\n");

    Result r =
        run(
            "scan",
            "--print-config",
            "--config",
            config.toString(),
            "--env-file",
            env.toString(),
            "--top",
            "7",
            "--okx-url",
            "http://127.0.0.1:9");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("top-n: 7")
        .contains("base-url: http://127.0.0.1:9")
        .contains("SMC4J_DISCORD_WEBHOOK_URL: set in " + env + ", value redacted")
        .contains("max-concurrent-trades: 3")
        .contains("apply-guards: true")
        .doesNotContain("s3cr3t");
    Smc4jConfig printed = ConfigLoader.parse(r.out(), "printed");
    assertThat(printed.scan().topN()).isEqualTo(7);
    assertThat(printed.alerts().discord().enabled()).isTrue();
  }

  @Test
  void shouldExitWithTwoNamingTheKeyOnABadConfigOrAMissingSecret() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "risk:\n  fees: {maker: -0.1}\n");
    Result bad = run("scan", "--once", "--config", config.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains("error: " + config + ": risk.fees.maker: must be >= 0, was -0.1");

    Files.writeString(config, "alerts:\n  telegram: {enabled: true, chat-id: '-100123'}\n");
    Result missing =
        run(
            "scan",
            "--once",
            "--config",
            config.toString(),
            "--env-file",
            dir.resolve("none.env").toString(),
            "--data-dir",
            dir.toString());
    // The test JVM may have the variable set; only check when it does not.
    if (System.getenv("SMC4J_TELEGRAM_BOT_TOKEN") == null) {
      assertThat(missing.exit()).isEqualTo(2);
      assertThat(missing.err())
          .contains(
              "error: alerts.telegram.token-env: telegram is enabled but SMC4J_TELEGRAM_BOT_TOKEN"
                  + " is not set in the environment or the .env file");
    }
    Result badNow = run("scan", "--once", "--now", "yesterday", "--config", logConfig());
    assertThat(badNow.exit()).isEqualTo(2);
    assertThat(badNow.err()).contains("error: --now: must be an instant like 2025-05-01T12:05:00Z");
    Result noFile = run("scan", "--config", dir.resolve("absent.yaml").toString());
    assertThat(noFile.exit()).isEqualTo(2);
    assertThat(noFile.err()).contains("does not exist");
  }

  @Test
  void shouldGroupReplayFilesBySymbolFromTheirNames() throws Exception {
    Path binance = SharedData.requireData("binance-usdm/BTCUSDT/5m");
    Path bybit = SharedData.requireData("bybit-linear/ETHUSDT");
    Map<String, List<Path>> grouped =
        CandleFileDiscovery.discover(List.of(binance, bybit), Timeframe.M5).bySymbol();

    assertThat(grouped.keySet()).containsExactly("BTCUSDT", "ETHUSDT");
    assertThat(grouped.get("BTCUSDT")).hasSize(6);
    // Only the 5m file of ETH's 5m and 15m folders.
    assertThat(grouped.get("ETHUSDT"))
        .singleElement()
        .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("ETHUSDT_5m.csv"));

    Path wrong = dir.resolve("BTCUSDT_15m.csv");
    Files.writeString(wrong, "timestamp,open,high,low,close,volume\n");
    Result r =
        run(
            "scan",
            "--replay",
            wrong.toString(),
            "--config",
            logConfig(),
            "--data-dir",
            dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--replay: BTCUSDT: " + wrong + " holds 15m candles, expected 5m");
  }

  @Test
  void shouldReplayCandleFilesFromTheCommandLine() throws Exception {
    Path jan = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-01.csv");
    Path journal = dir.resolve("r.db");
    Path signals = dir.resolve("r.jsonl");

    Result r =
        run(
            "scan",
            "--replay",
            jan.toString(),
            "--config",
            logConfig(),
            "--data-dir",
            dir.toString(),
            "--journal",
            journal.toString(),
            "--signals",
            signals.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    long lines = r.out().lines().filter(l -> l.startsWith("SIGNAL ")).count();
    assertThat(lines).isGreaterThan(10);
    assertThat(r.out()).contains("replay: 8928 cycles over 1 symbols, " + lines + " signals");
    assertThat(Files.readAllLines(signals)).hasSize((int) lines);
    assertThat(r.err()).contains("note: SOLUSDT: tick 0.001 inferred from the price decimals");
  }

  @Test
  void shouldReadTheOkxInstrumentsJsonAsSpecsForAReplayAsBacktestDoes() throws Exception {
    Path jan = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv");
    Path okx = SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");

    Result r =
        run(
            "scan",
            "--replay",
            jan.toString(),
            "--specs",
            okx.toString(),
            "--config",
            logConfig(),
            "--data-dir",
            dir.toString(),
            "--journal",
            dir.resolve("j.db").toString(),
            "--signals",
            dir.resolve("j.jsonl").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    // BTCUSDT (the file's symbol) found as BTC-USDT-SWAP: nothing inferred
    assertThat(r.err()).doesNotContain("inferred");
    assertThat(r.out()).contains("replay: 8928 cycles over 1 symbols");
  }

  @Test
  void shouldWriteTheJournalSignalsAndLogIntoTheDataFolderAndSayWhereAtTheStart() throws Exception {
    Path jan = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-01.csv");
    Path data = dir.resolve("data");
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "output: {journal: j/scan.db}\nlogging: {file: logs/s.log}\n");

    Result r =
        run(
            "scan",
            "--replay",
            jan.toString(),
            "--config",
            config.toString(),
            "--data-dir",
            data.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Path journal = data.toAbsolutePath().resolve("j/scan.db");
    Path signals = data.toAbsolutePath().resolve("signals.jsonl");
    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "data folder: "
                + data.toAbsolutePath()
                + "; journal "
                + journal
                + ", signals "
                + signals
                + ", log "
                + data.toAbsolutePath().resolve("logs/s.log"));
    assertThat(journal).isNotEmptyFile();
    assertThat(signals).isNotEmptyFile();
    assertThat(data.resolve("logs")).isDirectory();
    assertThat(r.out()).contains("journal " + journal + ", signals " + signals);

    Result printed = run("scan", "--print-config", "--config", config.toString());
    assertThat(printed.out()).contains("data-dir: default").contains("journal: j/scan.db");
    Result given = run("scan", "--print-config", "--data-dir", data.toString());
    assertThat(ConfigLoader.parse(given.out(), "printed").output().dataDir())
        .contains(data.toAbsolutePath());
  }

  @Test
  void shouldExitWithThreeNamingHostErrorAndHintWhenOkxIsUnreachableForOneCycle() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        "okx: {max-attempts: 2, initial-backoff: 10ms, max-backoff: 20ms, request-timeout: 1s}\n");
    String url = "http://127.0.0.1:" + closed;

    Result r =
        run(
            "scan",
            "--once",
            "--config",
            config.toString(),
            "--data-dir",
            dir.toString(),
            "--okx-url",
            url);

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("error: OKX unreachable at " + url + " (GET /api/v5/public/")
                    .contains("2 attempts")
                    .contains("--okx-url")
                    .contains("--replay"));
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("cycle ");
  }
}
