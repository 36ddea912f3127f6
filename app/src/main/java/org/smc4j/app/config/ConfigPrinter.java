package org.smc4j.app.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.SlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a {@link Smc4jConfig} as the YAML {@link ConfigLoader} reads (so the output, saved, is a
 * complete config file), optionally followed by comment lines saying which secrets are set, without
 * their values. This is {@code --print-config} of every command.
 */
public final class ConfigPrinter {

  private ConfigPrinter() {}

  /**
   * Renders the effective configuration.
   *
   * @param config the configuration
   * @param secrets where the secrets would come from, or null to leave the secrets block out
   * @return YAML text
   */
  public static String toYaml(Smc4jConfig config, Secrets secrets) {
    Map<String, Object> root = new LinkedHashMap<>();
    OkxConfig okx = config.okx();
    root.put(
        "okx",
        map(
            "base-url", text(okx.baseUrl()),
            "request-timeout", ConfigNode.format(okx.requestTimeout()),
            "max-attempts", okx.maxAttempts(),
            "initial-backoff", ConfigNode.format(okx.initialBackoff()),
            "max-backoff", ConfigNode.format(okx.maxBackoff()),
            "instrument-ttl", ConfigNode.format(okx.instrumentTtl())));
    LoopConfig loop = config.scan();
    root.put(
        "scan",
        map(
            "top-n", loop.topN(),
            "universe-refresh", ConfigNode.format(loop.universeRefresh()),
            "close-delay", ConfigNode.format(loop.closeDelay()),
            "backfill-bars", loop.backfillBars(),
            "fetch-threads", loop.fetchThreads(),
            "late-retry-delay", ConfigNode.format(loop.lateRetryDelay()),
            "late-retries", loop.lateRetries(),
            "symbols", loop.symbols()));
    StrategyConfig s = config.strategy();
    root.put(
        "strategy",
        map(
            "swing",
            map(
                "15m", map("left", s.swings().m15().left(), "right", s.swings().m15().right()),
                "5m", map("left", s.swings().m5().left(), "right", s.swings().m5().right())),
            "break",
            map(
                "confirm-bars", s.breaks().confirmBars(),
                "min-atr", s.breaks().minAtr(),
                "continuation-only", s.breaks().continuationOnly()),
            "fib",
            map(
                "zone-start",
                s.fib().zoneStart(),
                "golden",
                s.fib().golden(),
                "zone-end",
                s.fib().zoneEnd()),
            "fvg",
            map("min-atr", s.gaps().minAtr()),
            "poi",
            map("max-age-bars", s.poi().maxAgeBars()),
            "stop",
            map("buffer-ticks", s.stop().bufferTicks(), "buffer-atr", s.stop().bufferAtr()),
            "target",
            map("reward-risk", s.exits().rewardRisk(), "second-target", s.exits().secondTarget()),
            "score",
            map(
                "decisive-break-atr",
                s.score().decisiveBreakAtr(),
                "retest-atr",
                s.score().retestAtr()),
            "atr-period",
            s.atrPeriod()));
    SizingParameters r = config.risk().sizing();
    GuardLimits g = config.risk().guards();
    root.put(
        "risk",
        map(
            "risk-usd", number(r.riskUsd()),
            "tolerance", number(r.tolerance()),
            "leverage", number(r.leverage()),
            "fees",
                map("maker", number(r.fees().makerRate()), "taker", number(r.fees().takerRate())),
            "stop-slippage",
                map(
                    "amount", number(r.slippage().amount()),
                    "unit", name(r.slippage().unit())),
            "max-size-policy", name(r.maxSizePolicy()),
            "max-cost-share", number(r.maxCostShare()),
            "guards",
                map(
                    "max-daily-loss-usd", number(g.maxDailyLossUsd()),
                    "max-daily-losing-trades", g.maxDailyLosingTrades(),
                    "max-concurrent-trades", g.maxConcurrentTrades(),
                    "max-open-risk-usd", number(g.maxOpenRiskUsd()),
                    "day-start-hour-utc", g.dayStartHourUtc(),
                    "account-equity-usd", number(config.risk().accountEquityUsd()))));
    BacktestConfig b = config.backtest();
    root.put(
        "backtest",
        map(
            "fill", name(b.fill()),
            "slippage", slippage(b.slippage()),
            "funding-rate", b.fundingRate(),
            "funding-interval", ConfigNode.format(b.fundingInterval()),
            "limit-expiry", b.limitExpiry().map(ConfigNode::format).orElse("never"),
            "apply-guards", b.applyGuards()));
    OutputConfig out = config.output();
    root.put(
        "output",
        map(
            "data-dir", out.dataDir().map(Path::toString).orElse(OutputConfig.PLATFORM_DEFAULT),
            "journal", text(out.journal()),
            "signals", text(out.signals())));
    AlertsConfig a = config.alerts();
    root.put(
        "alerts",
        map(
            "telegram",
                map(
                    "enabled", a.telegram().enabled(),
                    "api-url", text(a.telegram().apiUrl()),
                    "chat-id", a.telegram().chatId(),
                    "token-env", a.telegram().tokenEnv()),
            "discord",
                map(
                    "enabled", a.discord().enabled(),
                    "webhook-url-env", a.discord().webhookUrlEnv()),
            "chart", a.chart()));
    LoggingConfig l = config.logging();
    root.put(
        "logging",
        map(
            "file", text(l.file()),
            "level", name(l.level()),
            "max-file-size-mb", l.maxFileSizeMb(),
            "max-history-days", l.maxHistoryDays()));
    TradeConfig t = config.trade();
    root.put(
        "trade",
        map(
            "mode", name(t.mode()),
            "margin-mode", name(t.marginMode()),
            "unprotected-deadline", ConfigNode.format(t.unprotectedDeadline()),
            "entry-validity", ConfigNode.format(t.entryValidity()),
            "reconcile",
                map(
                    "unsettled", ConfigNode.format(t.reconcile().unsettled()),
                    "positions-open", ConfigNode.format(t.reconcile().positionsOpen()),
                    "idle", ConfigNode.format(t.reconcile().idle()),
                    "ledger", ConfigNode.format(t.reconcile().ledger())),
            "dead-man-switch", t.deadManSwitch()));
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).build();
    StringBuilder sb = new StringBuilder(new Dump(settings).dumpToString(root));
    if (secrets != null) {
      sb.append("# secrets (from the environment or .env; values are never shown):\n");
      sb.append("#   ")
          .append(a.telegram().tokenEnv())
          .append(": ")
          .append(secrets.describe(a.telegram().tokenEnv()))
          .append('\n');
      sb.append("#   ")
          .append(a.discord().webhookUrlEnv())
          .append(": ")
          .append(secrets.describe(a.discord().webhookUrlEnv()))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Formats a duration as the file writes it: {@code 12h}, {@code 30m}, {@code 500ms}.
   *
   * @param d the duration
   * @return its text
   */
  public static String duration(Duration d) {
    return ConfigNode.format(d);
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> slippage(SlippageModel model) {
    return switch (model) {
      case TickSlippageModel t -> map("ticks", t.ticks());
      case PercentSlippageModel p -> map("fraction", p.fraction());
      case AtrSlippageModel a ->
          map(
              "atr",
              a.atrFraction(),
              "fallback-ticks",
              a.fallbackTicks(),
              "atr-period",
              a.atrPeriod());
      default ->
          throw new IllegalArgumentException(
              "no config form for the slippage model " + model.getClass().getName());
    };
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String text(URI uri) {
    return uri.toString();
  }

  private static String text(Path path) {
    return path.toString();
  }

  private static Object number(BigDecimal d) {
    BigDecimal plain = d.stripTrailingZeros();
    if (plain.scale() <= 0 && plain.abs().compareTo(new BigDecimal(Integer.MAX_VALUE)) < 0) {
      return plain.intValueExact();
    }
    return plain.doubleValue();
  }
}
