package org.smc4j.app.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.SlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.InvalidParameterException;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.StopSlippage;
import org.smc4j.risk.guard.GuardLimits;

/**
 * The {@code strategy}, {@code risk} and {@code backtest} sections of {@code smc4j.yaml}: what a
 * backtest or a sweep needs, read by the same rules wherever they appear ({@code ConfigLoader} for
 * the whole file, the sweep spec loader for a spec's base sections). It lives apart from the rest
 * of the configuration so that the sweep modules read it without the live side (OKX, alerts).
 *
 * @param strategy the strategy's configuration
 * @param risk sizing, guards and account equity
 * @param backtest the backtest's models
 */
public record TradingSections(StrategyConfig strategy, RiskConfig risk, BacktestConfig backtest) {

  /** The defaults: every key absent. */
  public static final TradingSections DEFAULT =
      new TradingSections(StrategyConfig.DEFAULT, RiskConfig.DEFAULT, BacktestConfig.DEFAULT);

  private static final int MAX_BARS = StrategyConfig.MAX_BARS;
  private static final BigDecimal ZERO = BigDecimal.ZERO;
  private static final BigDecimal HUGE = new BigDecimal("1e9");

  /** Rejects nulls. */
  public TradingSections {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(backtest, "backtest");
  }

  /**
   * Reads the three sections from a YAML mapping that holds only them (each optional).
   *
   * @param sections the mapping, e.g. {@code {strategy: {...}, risk: {...}}}
   * @param source the file they came from, for messages
   * @return the sections
   * @throws ConfigException naming the file and key path of a bad or unknown key
   */
  public static TradingSections parse(Map<?, ?> sections, String source) {
    Objects.requireNonNull(sections, "sections");
    Objects.requireNonNull(source, "source");
    try {
      ConfigNode root = ConfigNode.root(sections);
      StrategyConfig strategy = strategy(root.section("strategy"));
      TradingSections t =
          new TradingSections(
              strategy,
              risk(root.section("risk")),
              backtest(root.section("backtest"), strategy.atrPeriod()));
      root.finish();
      return t;
    } catch (ConfigException e) {
      throw e.inFile(source);
    }
  }

  /**
   * Reads the {@code strategy} section.
   *
   * @param n the section
   * @return the strategy's configuration
   * @throws ConfigException naming the key path of a bad or unknown key, or of a rule the strategy
   *     refuses
   */
  static StrategyConfig strategy(ConfigNode n) {
    StrategyConfig d = StrategyConfig.DEFAULT;
    StrategyConfig.Builder b = d.toBuilder();
    ConfigNode swing = n.section("swing");
    ConfigNode s15 = swing.section("15m");
    b.swing15(
        s15.integer("left", d.swings().m15().left(), 1, MAX_BARS),
        s15.integer("right", d.swings().m15().right(), 1, MAX_BARS));
    s15.finish();
    ConfigNode s5 = swing.section("5m");
    b.swing5(
        s5.integer("left", d.swings().m5().left(), 1, MAX_BARS),
        s5.integer("right", d.swings().m5().right(), 1, MAX_BARS));
    s5.finish();
    swing.finish();
    ConfigNode brk = n.section("break");
    b.confirmBars(brk.integer("confirm-bars", d.breaks().confirmBars(), 1, MAX_BARS));
    b.minBreakAtr(brk.number("min-atr", d.breaks().minAtr(), 0, 1e6));
    b.continuationOnly(brk.bool("continuation-only", d.breaks().continuationOnly()));
    brk.finish();
    ConfigNode fib = n.section("fib");
    b.fib(
        fib.number("zone-start", d.fib().zoneStart(), 0, 1),
        fib.number("golden", d.fib().golden(), 0, 1),
        fib.number("zone-end", d.fib().zoneEnd(), 0, 1));
    fib.finish();
    ConfigNode fvg = n.section("fvg");
    b.minGapAtr(fvg.number("min-atr", d.gaps().minAtr(), 0, 1e6));
    fvg.finish();
    ConfigNode poi = n.section("poi");
    b.poiMaxAgeBars(poi.integer("max-age-bars", d.poi().maxAgeBars(), 1, MAX_BARS));
    poi.finish();
    ConfigNode stop = n.section("stop");
    b.stopBufferTicks(stop.number("buffer-ticks", d.stop().bufferTicks(), 0, 1e6));
    b.stopBufferAtr(stop.number("buffer-atr", d.stop().bufferAtr(), 0, 1e6));
    stop.finish();
    ConfigNode target = n.section("target");
    b.rewardRisk(target.number("reward-risk", d.exits().rewardRisk(), 0, 1e6));
    b.secondTarget(target.bool("second-target", d.exits().secondTarget()));
    target.finish();
    ConfigNode score = n.section("score");
    b.decisiveBreakAtr(score.number("decisive-break-atr", d.score().decisiveBreakAtr(), 0, 1e6));
    b.retestAtr(score.number("retest-atr", d.score().retestAtr(), 0, 1e6));
    score.finish();
    b.atrPeriod(n.integer("atr-period", d.atrPeriod(), 1, MAX_BARS));
    n.finish();
    try {
      return b.build();
    } catch (InvalidParameterException e) {
      throw strategyError(e);
    }
  }

  /** The strategy's own rule, at the parameter's key path (the same path as in this file). */
  private static ConfigException strategyError(InvalidParameterException e) {
    return new ConfigException(e.path(), e.violation(), e);
  }

  /**
   * Reads the {@code risk} section.
   *
   * @param n the section
   * @return sizing, guards and account equity
   * @throws ConfigException naming the key path of a bad or unknown key
   */
  static RiskConfig risk(ConfigNode n) {
    SizingParameters d = SizingParameters.DEFAULT;
    BigDecimal riskUsd = positive(n, "risk-usd", d.riskUsd());
    BigDecimal tolerance = n.decimal("tolerance", d.tolerance(), ZERO, BigDecimal.ONE);
    BigDecimal leverage = n.decimal("leverage", d.leverage(), BigDecimal.ONE, new BigDecimal(125));
    ConfigNode fees = n.section("fees");
    BigDecimal maxRate = new BigDecimal("0.0099999");
    BigDecimal maker = fees.decimal("maker", d.fees().makerRate(), ZERO, maxRate);
    BigDecimal taker = fees.decimal("taker", d.fees().takerRate(), ZERO, maxRate);
    fees.finish();
    ConfigNode slip = n.section("stop-slippage");
    StopSlippage.Unit unit = slip.choice("unit", d.slippage().unit(), StopSlippage.Unit.class);
    BigDecimal amount = slip.decimal("amount", d.slippage().amount(), ZERO, HUGE);
    slip.finish();
    MaxSizePolicy maxSize = n.choice("max-size-policy", d.maxSizePolicy(), MaxSizePolicy.class);
    BigDecimal maxCostShare = n.decimal("max-cost-share", d.maxCostShare(), ZERO, BigDecimal.ONE);
    if (maxCostShare.signum() <= 0) {
      throw new ConfigException(
          n.pathOf("max-cost-share"),
          "must be > 0 (1 turns the cost filter off), was " + maxCostShare.toPlainString());
    }
    ConfigNode g = n.section("guards");
    GuardLimits gd = GuardLimits.DEFAULT;
    GuardLimits guards =
        new GuardLimits(
            positive(g, "max-daily-loss-usd", gd.maxDailyLossUsd()),
            g.integer("max-daily-losing-trades", gd.maxDailyLosingTrades(), 1, 10_000),
            g.integer("max-concurrent-trades", gd.maxConcurrentTrades(), 1, 10_000),
            positive(g, "max-open-risk-usd", gd.maxOpenRiskUsd()),
            g.integer("day-start-hour-utc", gd.dayStartHourUtc(), 0, 23));
    BigDecimal equity = positive(g, "account-equity-usd", RiskConfig.DEFAULT.accountEquityUsd());
    g.finish();
    n.finish();
    SizingParameters sizing =
        new SizingParameters(
            riskUsd,
            tolerance,
            new FeeSchedule(maker, taker),
            d.entryLiquidity(),
            new StopSlippage(amount, unit),
            leverage,
            maxSize,
            maxCostShare);
    return new RiskConfig(sizing, guards, equity);
  }

  private static BigDecimal positive(ConfigNode n, String key, BigDecimal def) {
    BigDecimal v = n.decimal(key, def, ZERO, HUGE);
    if (v.signum() <= 0) {
      throw new ConfigException(n.pathOf(key), "must be > 0, was " + v.toPlainString());
    }
    return v;
  }

  /**
   * Reads the {@code backtest} section.
   *
   * @param n the section
   * @param strategyAtrPeriod the strategy's ATR period, the ATR slippage model's default
   * @return the backtest's models
   * @throws ConfigException naming the key path of a bad or unknown key
   */
  static BacktestConfig backtest(ConfigNode n, int strategyAtrPeriod) {
    BacktestConfig d = BacktestConfig.DEFAULT;
    FillKind fill = n.choice("fill", d.fill(), FillKind.class);
    SlippageModel slippage = slippage(n.section("slippage"), d.slippage(), strategyAtrPeriod);
    double fundingRate = n.number("funding-rate", d.fundingRate(), -0.05, 0.05);
    Duration interval = n.duration("funding-interval", d.fundingInterval(), Duration.ofMinutes(1));
    if (Duration.ofDays(1).toMillis() % interval.toMillis() != 0) {
      throw new ConfigException(
          n.pathOf("funding-interval"),
          "must divide a day (e.g. 1h, 4h, 8h), was " + ConfigNode.format(interval));
    }
    Optional<Duration> expiry =
        n.durationOrNever("limit-expiry", d.limitExpiry(), Duration.ofMillis(1));
    boolean guards = n.bool("apply-guards", d.applyGuards());
    n.finish();
    return new BacktestConfig(fill, slippage, fundingRate, interval, expiry, guards);
  }

  /**
   * One of {@code ticks: N}, {@code fraction: F}, or {@code atr: F} (+ {@code fallback-ticks},
   * {@code atr-period}, by default the strategy's, so that both measure the same ATR).
   */
  private static SlippageModel slippage(ConfigNode n, SlippageModel def, int strategyAtrPeriod) {
    n.accept("ticks", "fraction", "atr", "fallback-ticks", "atr-period");
    List<String> given = new ArrayList<>();
    for (String model : List.of("ticks", "fraction", "atr")) {
      if (n.has(model)) {
        given.add(model);
      }
    }
    if (given.size() > 1) {
      throw new ConfigException(
          n.path(), "give one model (ticks, fraction or atr), was " + String.join(" and ", given));
    }
    for (String atrOnly : List.of("fallback-ticks", "atr-period")) {
      if (n.has(atrOnly) && !given.contains("atr")) {
        throw new ConfigException(n.pathOf(atrOnly), "belongs to the atr model only");
      }
    }
    SlippageModel model = def;
    if (given.contains("ticks")) {
      model = new TickSlippageModel(n.integer("ticks", 1, 0, 1_000_000));
    } else if (given.contains("fraction")) {
      model = new PercentSlippageModel(n.number("fraction", 0, 0, 0.05));
    } else if (given.contains("atr")) {
      model =
          new AtrSlippageModel(
              n.number("atr", 0, 0, 1),
              n.integer("fallback-ticks", 1, 0, 1_000_000),
              n.integer("atr-period", strategyAtrPeriod, 1, MAX_BARS));
    }
    n.finish();
    return model;
  }
}
