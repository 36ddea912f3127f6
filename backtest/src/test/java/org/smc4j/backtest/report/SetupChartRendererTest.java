package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smc4j.backtest.report.ChartImages.DOWN_CANDLE;
import static org.smc4j.backtest.report.ChartImages.UP_CANDLE;
import static org.smc4j.backtest.report.ChartImages.bluishPixels;
import static org.smc4j.backtest.report.ChartImages.decodePng;
import static org.smc4j.backtest.report.ChartImages.distinctColours;
import static org.smc4j.backtest.report.ChartImages.pixelsNear;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.TickSizeInference;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Trade;

class SetupChartRendererTest {

  private static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
  private static final long M5 = Timeframe.M5.millis();

  /** 120 5m candles zig-zagging around 100: up 4 candles, down 3 candles. */
  static BarArrays zigZag() {
    int n = 120;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      double next = price + ((i % 7) < 4 ? 0.4 : -0.5);
      t[i] = T0 + i * M5;
      o[i] = price;
      c[i] = next;
      h[i] = Math.max(price, next) + 0.1;
      l[i] = Math.min(price, next) - 0.1;
      v[i] = 1;
      price = next;
    }
    return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
  }

  static Trade trade(boolean withDetails) {
    // POI armed at candle 40, tap at 48, signal at the close of candle 49, filled at the open of
    // 50, target hit on candle 62
    SetupDetails details =
        new SetupDetails(
            "MSS",
            3,
            List.of("decisive-break", "poi-fvg", "golden-pocket"),
            100.6,
            100.1,
            100.9,
            100.0,
            100.8,
            100.3752,
            99.7704,
            99.0,
            102.6,
            101.5,
            Instant.ofEpochMilli(T0 + 40 * M5),
            Instant.ofEpochMilli(T0 + 48 * M5),
            100.4,
            0.3,
            Instant.ofEpochMilli(T0 + 20 * M5));
    OrderIntent intent =
        new OrderIntent(
            7,
            "poi-L-1",
            "TEST",
            Side.LONG,
            EntryKind.MARKET_NEXT_OPEN,
            100.5,
            99.8,
            101.9,
            OptionalDouble.empty(),
            Instant.ofEpochMilli(T0 + 50 * M5),
            1.0,
            1.4,
            1,
            withDetails ? Optional.of(details) : Optional.empty());
    return new Trade(
        intent,
        Instant.ofEpochMilli(T0 + 50 * M5),
        100.6,
        Liquidity.TAKER,
        0.05,
        0.1,
        Instant.ofEpochMilli(T0 + 62 * M5),
        101.9,
        Liquidity.MAKER,
        0.03,
        0,
        ExitReason.TARGET,
        0,
        0,
        false,
        Optional.empty());
  }

  @Test
  void shouldRenderATradeChartWithCandlesAndThePoiBox() {
    SetupChart chart = SetupChart.ofTrade(trade(true), zigZag());
    byte[] png = SetupChartRenderer.DEFAULT.renderPng(chart);

    BufferedImage image = decodePng(png);
    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(480);
    assertThat(distinctColours(image)).isGreaterThan(20);
    assertThat(pixelsNear(image, UP_CANDLE, 8)).isGreaterThan(200);
    assertThat(pixelsNear(image, DOWN_CANDLE, 8)).isGreaterThan(200);
    assertThat(bluishPixels(image)).isGreaterThan(500);
  }

  @Test
  void shouldDrawNoPoiBoxWhenTheTradeHasNoSetupDetails() {
    SetupChart chart = SetupChart.ofTrade(trade(false), zigZag());
    assertThat(chart.poi()).isEmpty();
    assertThat(chart.fibs()).isEmpty();
    assertThat(chart.trigger()).isEmpty();
    BufferedImage image = decodePng(SetupChartRenderer.DEFAULT.renderPng(chart));
    assertThat(bluishPixels(image)).isLessThan(50);
    assertThat(pixelsNear(image, UP_CANDLE, 8)).isGreaterThan(200);
  }

  @Test
  void shouldFrameATradeFromBeforeTheArmingToAfterTheExit() {
    SetupChart chart = SetupChart.ofTrade(trade(true), zigZag());
    // armed at candle 40 -> first candle 40 - 36 = 4; exit at 62 -> last candle 62 + 12 = 74
    assertThat(chart.candles().openTimeMillis(0)).isEqualTo(T0 + 4 * M5);
    assertThat(chart.candles().size()).isEqualTo(71);
    assertThat(chart.poi().orElseThrow().from()).isEqualTo(Instant.ofEpochMilli(T0 + 40 * M5));
    assertThat(chart.fvg().orElseThrow().from()).isEqualTo(Instant.ofEpochMilli(T0 + 20 * M5));
    assertThat(chart.fibs()).extracting(FibLine::ratio).containsExactly(0.5, 0.618, 0.786);
    assertThat(chart.exit().orElseThrow().reason()).isEqualTo("TARGET");
    assertThat(chart.trigger())
        .contains(new ChartLevel("MSS level", 100.4, Instant.ofEpochMilli(T0 + 48 * M5)));
    assertThat(chart.entryFilled()).isTrue();
    assertThat(chart.title()).startsWith("TEST LONG MSS score 3").contains("TARGET +1.74R net");
  }

  @Test
  void shouldRejectCandlesThatDoNotCoverTheEntry() {
    BarArrays early = zigZag().slice(0, 30);
    assertThatThrownBy(() -> SetupChart.ofTrade(trade(true), early))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TEST: the candles do not cover the entry at 2025-01-01T04:10:00Z");
  }

  @Test
  void shouldBuildAChartWithoutTriggerLevelFromPlainValues() {
    BarArrays bars = zigZag();
    SetupChart chart =
        new SetupChart(
            "plain",
            Side.SHORT,
            bars,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Instant.ofEpochMilli(T0 + 120 * M5),
            100.2,
            false,
            101,
            98.6,
            Optional.empty());
    assertThat(chart.trigger()).isEmpty();
    BufferedImage image = decodePng(new SetupChartRenderer(400, 200).renderPng(chart));
    assertThat(image.getWidth()).isEqualTo(400);
    assertThat(pixelsNear(image, DOWN_CANDLE, 8)).isPositive();
  }

  @Test
  void shouldRejectATooSmallImage() {
    assertThatThrownBy(() -> new SetupChartRenderer(100, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image must be at least 200 x 150 pixels, was 100 x 100");
  }

  @Test
  void shouldWriteThePngToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("trade.png");
    new SetupChartRenderer(640, 320).writePng(SetupChart.ofTrade(trade(true), zigZag()), file);
    BufferedImage image = decodePng(Files.readAllBytes(file));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(320);
  }

  @Test
  void shouldRenderALiveSignalFromTheStrategyEngineWithoutLaterCandles() throws IOException {
    Path file = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv");
    BarArrays bars = CandleCsvReader.STRICT.read(file).bars();
    double tick = TickSizeInference.fromPrices(bars).doubleValue();
    List<EntrySignal> signals = StrategyEngine.run(bars, StrategyConfig.DEFAULT, tick).signals();
    assertThat(signals).isNotEmpty();
    EntrySignal signal = signals.get(0);

    SetupChart chart = SetupChart.ofSignal("BTCUSDT", signal, bars);

    BarArrays drawn = chart.candles();
    assertThat(drawn.openTimeMillis(drawn.size() - 1)).isEqualTo(signal.signalTimeMillis());
    assertThat(drawn.size()).isLessThanOrEqualTo(SetupChart.MAX_BARS);
    assertThat(chart.exit()).isEmpty();
    assertThat(chart.entryFilled()).isFalse();
    assertThat(chart.poi().orElseThrow().top()).isEqualTo(signal.poi().top());
    assertThat(chart.fvg().orElseThrow().bottom()).isEqualTo(signal.poi().fvg().bottom());
    assertThat(chart.fibs()).extracting(FibLine::ratio).containsExactly(0.5, 0.618, 0.786);
    assertThat(chart.trigger().orElseThrow().price()).isEqualTo(signal.triggerLevel());
    assertThat(chart.trigger().orElseThrow().from())
        .isEqualTo(Instant.ofEpochMilli(signal.tapTimeMillis()));
    BufferedImage image = decodePng(SetupChartRenderer.DEFAULT.renderPng(chart));
    assertThat(bluishPixels(image)).isGreaterThan(300);
    assertThat(pixelsNear(image, UP_CANDLE, 8) + pixelsNear(image, DOWN_CANDLE, 8))
        .isGreaterThan(500);
  }

  @Test
  void shouldRejectCandlesWithoutTheSignalBar() throws IOException {
    Path file = SharedData.requireData("binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv");
    BarArrays bars = CandleCsvReader.STRICT.read(file).bars();
    double tick = TickSizeInference.fromPrices(bars).doubleValue();
    EntrySignal signal = StrategyEngine.run(bars, StrategyConfig.DEFAULT, tick).signals().get(0);
    BarArrays before = bars.slice(0, signal.signalIndex());
    assertThatThrownBy(() -> SetupChart.ofSignal("BTCUSDT", signal, before))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BTCUSDT: the candles do not contain the signal bar opening at ");
  }
}
