package org.smc4j.cli.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.ExpiryModel;
import org.smc4j.backtest.fee.PercentFeeModel;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.StopSlippage;

/**
 * The strategy and backtest parameters of {@code smc4j backtest --config FILE}: the defaults of
 * STRATEGY.md, overridden by the keys of a {@code .properties} file or a YAML file of nested
 * mappings ({@code strategy:} / {@code backtest:} sections with scalar values). Every key is
 * checked: an unknown key or a bad value is an {@link IllegalArgumentException} naming the file,
 * the key path and the rule, e.g. {@code cfg.yaml: strategy.rewardRisk: rewardRisk must be > 0 and
 * finite, was -1.0}.
 *
 * @param strategy the strategy parameters
 * @param models the broker's models
 * @param sizing the position sizer's parameters
 * @param accountEquity the account equity the engine is given (the CLI runs without portfolio
 *     guards, so it only matters to library callers that add them)
 * @param fundingRate the constant funding rate used where no funding history applies
 */
public record BacktestConfig(
    StrategyConfig strategy,
    BrokerModels models,
    SizingParameters sizing,
    BigDecimal accountEquity,
    double fundingRate) {

  /** STRATEGY.md section 9: 0.01 % per 8 h settlement when no funding history is given. */
  static final double DEFAULT_FUNDING_RATE = 0.0001;

  /** The defaults: STRATEGY.md sections 1-9, $1 risk, $1000 equity. */
  public static final BacktestConfig DEFAULT =
      new BacktestConfig(
          StrategyConfig.DEFAULT,
          BrokerModels.DEFAULT.withFunding(new ConstantFundingModel(DEFAULT_FUNDING_RATE)),
          SizingParameters.DEFAULT,
          new BigDecimal("1000"),
          DEFAULT_FUNDING_RATE);

  /** Checks for nulls. */
  public BacktestConfig {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(accountEquity, "accountEquity");
  }

  /** The keys accepted, with what they mean, in the order --help lists them. */
  static final Map<String, String> KEYS = keys();

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("strategy.swing15Left", "15m swing lookback left (int, 3)");
    k.put("strategy.swing15Right", "15m swing lookback right (int, 3)");
    k.put("strategy.swing5Left", "5m swing lookback left (int, 2)");
    k.put("strategy.swing5Right", "5m swing lookback right (int, 2)");
    k.put("strategy.confirmBars", "closes to confirm a break (int, 1)");
    k.put("strategy.minBreakAtr", "minimum break beyond the level, ATR (0.1)");
    k.put("strategy.continuationOnly", "trade BOS only, not CHoCH (false)");
    k.put("strategy.fibZoneStart", "Fibonacci zone start ratio (0.5)");
    k.put("strategy.fibGolden", "golden ratio (0.618)");
    k.put("strategy.fibZoneEnd", "Fibonacci zone end ratio (0.786)");
    k.put("strategy.minGapAtr", "minimum FVG size, ATR (0.05)");
    k.put("strategy.poiMaxAgeBars", "POI lifetime in 15m bars (int, 48)");
    k.put("strategy.stopBufferTicks", "stop buffer in ticks (2)");
    k.put("strategy.stopBufferAtr", "stop buffer in 5m ATR (0.1)");
    k.put("strategy.rewardRisk", "target distance in R, > 0 (2)");
    k.put("strategy.secondTarget", "journal the leg end as 2nd target (false)");
    k.put("strategy.decisiveBreakAtr", "decisive break score threshold, ATR (0.25)");
    k.put("strategy.retestAtr", "retest score distance, ATR (0.25)");
    k.put("strategy.atrPeriod", "ATR period (int, 14)");
    k.put("backtest.riskUsd", "risk per trade in USDT (1)");
    k.put("backtest.leverage", "isolated leverage for margin, 1..125 (10)");
    k.put("backtest.makerFee", "maker fee rate (0.0002 = 0.02 %)");
    k.put("backtest.takerFee", "taker fee rate (0.0005 = 0.05 %)");
    k.put("backtest.slippageTicks", "market and stop slippage, ticks (int, 1)");
    k.put("backtest.slippageFraction", "... or a fraction of price, e.g. 0.0002");
    k.put("backtest.slippageAtr", "... or a fraction of the 5m ATR, e.g. 0.05");
    k.put("backtest.fundingRate", "funding per 8 h without --funding (0.0001)");
    k.put("backtest.limitExpiryHours", "limit entry lifetime, hours, 0 = never (12)");
    return k;
  }

  /**
   * Reads a config file: {@code .properties}, or YAML ({@code .yaml}/{@code .yml}).
   *
   * @param file the file
   * @return the defaults with the file's keys applied
   * @throws IllegalArgumentException naming the file and key path for an unknown key, a bad value
   *     or a malformed line
   * @throws IOException when the file cannot be read
   */
  public static BacktestConfig read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> values;
    if (name.endsWith(".properties")) {
      values = parseProperties(text, file.toString());
    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      values = FlatYaml.parse(text, file.toString());
    } else {
      throw new IllegalArgumentException(
          file + ": config must be a .properties, .yaml or .yml file");
    }
    return DEFAULT.with(values, file.toString());
  }

  static Map<String, String> parseProperties(String text, String source) {
    java.util.Properties p = new java.util.Properties();
    try {
      p.load(new java.io.StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k).strip()));
    return out;
  }

  /**
   * Applies key/value pairs.
   *
   * @param values key paths (e.g. {@code strategy.rewardRisk}) to values
   * @param source named in error messages
   * @return the modified copy
   * @throws IllegalArgumentException for an unknown key, a bad value, or two slippage models
   */
  BacktestConfig with(Map<String, String> values, String source) {
    List<String> slippageKeys = new ArrayList<>();
    for (String k : values.keySet()) {
      if (k.startsWith("backtest.slippage")) {
        slippageKeys.add(k);
      }
    }
    if (slippageKeys.size() > 1) {
      throw new IllegalArgumentException(
          source + ": " + slippageKeys + ": give at most one slippage model");
    }
    BacktestConfig c = this;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (!KEYS.containsKey(key)) {
        throw new IllegalArgumentException(
            source + ": " + key + ": unknown key (known: see smc4j backtest --help)");
      }
      try {
        c = c.apply(key, e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(source + ": " + key + ": " + ex.getMessage(), ex);
      }
    }
    return c;
  }

  private BacktestConfig apply(String key, String v) {
    String field = key.substring(key.indexOf('.') + 1);
    if (key.startsWith("strategy.")) {
      return withStrategy(strategyField(field).apply(strategy, v));
    }
    return switch (field) {
      case "riskUsd" -> withSizing(sizing.withRiskUsd(decimal(v)));
      case "leverage" -> withSizing(sizing.withLeverage(decimal(v)));
      case "makerFee" -> withFees(rate(v), sizing.fees().takerRate().doubleValue());
      case "takerFee" -> withFees(sizing.fees().makerRate().doubleValue(), rate(v));
      case "slippageTicks" -> {
        int ticks = integer(v);
        BacktestConfig c = withModels(models.withSlippage(new TickSlippageModel(ticks)));
        yield c.withSizing(sizing.withSlippage(StopSlippage.ticks(BigDecimal.valueOf(ticks))));
      }
      case "slippageFraction" ->
          withModels(models.withSlippage(new PercentSlippageModel(number(v))));
      case "slippageAtr" -> withModels(models.withSlippage(new AtrSlippageModel(number(v), 1)));
      case "fundingRate" -> {
        double r = number(v);
        yield new BacktestConfig(
            strategy, models.withFunding(new ConstantFundingModel(r)), sizing, accountEquity, r);
      }
      case "limitExpiryHours" -> {
        double hours = number(v);
        if (hours < 0) {
          throw new IllegalArgumentException("must be >= 0 (0 = never), was " + v);
        }
        yield withModels(
            models.withExpiry(
                hours == 0
                    ? ExpiryModel.NEVER
                    : ExpiryModel.after(Duration.ofMillis(Math.round(hours * 3_600_000)))));
      }
      default -> throw new IllegalStateException("unhandled key " + key);
    };
  }

  private BacktestConfig withFees(double maker, double taker) {
    return new BacktestConfig(
        strategy,
        models.withFee(new PercentFeeModel(maker, taker)),
        sizing.withFees(new FeeSchedule(BigDecimal.valueOf(maker), BigDecimal.valueOf(taker))),
        accountEquity,
        fundingRate);
  }

  private BacktestConfig withStrategy(StrategyConfig value) {
    return new BacktestConfig(value, models, sizing, accountEquity, fundingRate);
  }

  private BacktestConfig withModels(BrokerModels value) {
    return new BacktestConfig(strategy, value, sizing, accountEquity, fundingRate);
  }

  private BacktestConfig withSizing(SizingParameters value) {
    return new BacktestConfig(strategy, models, value, accountEquity, fundingRate);
  }

  private static BiFunction<StrategyConfig, String, StrategyConfig> strategyField(String f) {
    return switch (f) {
      case "swing15Left" -> (s, v) -> s.withSwing15Left(integer(v));
      case "swing15Right" -> (s, v) -> s.withSwing15Right(integer(v));
      case "swing5Left" -> (s, v) -> s.withSwing5Left(integer(v));
      case "swing5Right" -> (s, v) -> s.withSwing5Right(integer(v));
      case "confirmBars" -> (s, v) -> s.withConfirmBars(integer(v));
      case "minBreakAtr" -> (s, v) -> s.withMinBreakAtr(number(v));
      case "continuationOnly" -> (s, v) -> s.withContinuationOnly(bool(v));
      case "fibZoneStart" -> (s, v) -> s.withFibZoneStart(number(v));
      case "fibGolden" -> (s, v) -> s.withFibGolden(number(v));
      case "fibZoneEnd" -> (s, v) -> s.withFibZoneEnd(number(v));
      case "minGapAtr" -> (s, v) -> s.withMinGapAtr(number(v));
      case "poiMaxAgeBars" -> (s, v) -> s.withPoiMaxAgeBars(integer(v));
      case "stopBufferTicks" -> (s, v) -> s.withStopBufferTicks(number(v));
      case "stopBufferAtr" -> (s, v) -> s.withStopBufferAtr(number(v));
      case "rewardRisk" -> (s, v) -> s.withRewardRisk(number(v));
      case "secondTarget" -> (s, v) -> s.withSecondTarget(bool(v));
      case "decisiveBreakAtr" -> (s, v) -> s.withDecisiveBreakAtr(number(v));
      case "retestAtr" -> (s, v) -> s.withRetestAtr(number(v));
      case "atrPeriod" -> (s, v) -> s.withAtrPeriod(integer(v));
      default -> throw new IllegalStateException("unhandled key strategy." + f);
    };
  }

  static int integer(String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected an integer, was '" + v + "'", e);
    }
  }

  static double number(String v) {
    double d;
    try {
      d = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, was '" + v + "'", e);
    }
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("expected a finite number, was '" + v + "'");
    }
    return d;
  }

  static double rate(String v) {
    double d = number(v);
    if (d < 0 || d >= 0.1) {
      throw new IllegalArgumentException("fee rate must be in [0, 0.1), was " + v);
    }
    return d;
  }

  static BigDecimal decimal(String v) {
    try {
      return new BigDecimal(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a decimal number, was '" + v + "'", e);
    }
  }

  static boolean bool(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, was '" + v + "'");
    };
  }
}
