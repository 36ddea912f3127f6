package org.smc4j.cli.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smc4j.app.config.RiskConfig;
import org.smc4j.risk.guard.GuardLimits;

/** The help footer of {@code backtest}: the configuration, the default guards, exit codes. */
final class BacktestHelp {

  private BacktestHelp() {}

  /** Returns the footer's lines, the guard limits taken from the built-in defaults. */
  static String[] footer() {
    GuardLimits g = GuardLimits.DEFAULT;
    List<String> footer = new ArrayList<>();
    footer.add("");
    footer.add("Configuration: --config FILE, else ./smc4j.yaml when present, else the");
    footer.add("built-in defaults; the same YAML file as scan and detect (every key is in");
    footer.add("smc4j.example.yaml). backtest uses its strategy, risk (sizing, fees, guards)");
    footer.add("and backtest (fill, slippage, funding, limit expiry, apply-guards) sections;");
    footer.add("the whole file is checked: an unknown key or a bad value is an error naming");
    footer.add("the file and the key path. The (default: ...) of a strategy option is the");
    footer.add("built-in value.");
    footer.add("Precedence: an option given here > the config file > the built-in default.");
    footer.add("");
    footer.add("Portfolio guards (risk.guards) are on by default, as for a $1-risk account:");
    footer.add(
        String.format(
            Locale.ROOT,
            "  max $%s daily loss, %d losing trades a day, %d open trades, $%s open risk,",
            g.maxDailyLossUsd().toPlainString(),
            g.maxDailyLosingTrades(),
            g.maxConcurrentTrades(),
            g.maxOpenRiskUsd().toPlainString()));
    footer.add(
        String.format(
            Locale.ROOT,
            "  days from %02d:00 UTC, margin within $%s equity. A refused signal is",
            g.dayStartHourUtc(),
            RiskConfig.DEFAULT.accountEquityUsd().toPlainString()));
    footer.add("  journaled as skipped with the guard's reason. --no-guards (or");
    footer.add("  backtest.apply-guards: false) trades every signal the sizer accepts.");
    footer.add("");
    footer.add("Exit codes: 0 done, 1 a symbol failed or a file could not be read or written,");
    footer.add("2 usage error.");
    footer.add("Example:");
    footer.add("  smc4j backtest --data ../shared/data/binance-usdm --symbols BTCUSDT,SOLUSDT");
    footer.add("    --from 2025-01-01 --to 2025-07-01");
    footer.add("    --funding ../shared/data/binance-usdm-funding --out runs/h1");
    return footer.toArray(String[]::new);
  }
}
