package org.smc4j.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.backtest.report.ReportProgress;
import org.smc4j.core.testing.SharedData;

class BacktestJobTest {

  @TempDir Path temp;

  @Test
  void shouldFailOnlyTheSymbolWithAPriceOutlierNamingFileAndLineAndRunTheOthers() throws Exception {
    Path btc = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-03.csv");
    Path sol = SharedData.requireData("binance-usdm/SOLUSDT/5m/SOLUSDT-5m-2025-03.csv");
    Path data = temp.resolve("data");
    Files.createDirectories(data.resolve("BTCUSDT"));
    Files.createDirectories(data.resolve("SOLUSDT"));
    Files.copy(btc, data.resolve("BTCUSDT").resolve(btc.getFileName()));
    // a copy of the real SOL month with one bad tick: line 500's high times 100
    List<String> lines = new ArrayList<>(Files.readAllLines(sol, StandardCharsets.UTF_8));
    String[] f = lines.get(499).split(",", -1);
    f[2] = new BigDecimal(f[2]).multiply(BigDecimal.valueOf(100)).toPlainString();
    lines.set(499, String.join(",", f));
    Path badFile = data.resolve("SOLUSDT").resolve(sol.getFileName());
    Files.write(badFile, lines, StandardCharsets.UTF_8);
    List<String> printed = new ArrayList<>();

    BacktestRun run =
        BacktestJob.run(
            new BacktestRequest(
                List.of(data),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Smc4jConfig.DEFAULT,
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                temp.resolve("out"),
                2,
                false,
                "test"),
            printed::add,
            ProgressListener.NONE,
            ReportProgress.NONE);

    assertThat(run.result().failures())
        .extracting(SymbolFailure::symbol)
        .containsExactly("SOLUSDT");
    assertThat(run.result().failures().get(0).message())
        .startsWith(badFile.getFileName() + ":500: high: ")
        .endsWith("price outlier");
    assertThat(run.specs()).containsOnlyKeys("BTCUSDT");
    assertThat(run.result().signals()).isNotEmpty().allMatch(s -> s.symbol().equals("BTCUSDT"));
    assertThat(printed)
        .anyMatch(
            l -> l.startsWith("error: SOLUSDT: not replayed: " + badFile.getFileName() + ":500"));
    assertThat(Files.readString(temp.resolve("out/report.html"))).contains("SOLUSDT");
  }
}
