package org.smc4j.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;

/**
 * The whole two-timeframe strategy pipeline ({@link StrategyEngine#onBar} per 5m bar: input checks,
 * 15m derivation or supplied 15m candles, swings, ATRs, breaks, leg, gaps, POI, entries and score)
 * over the 52,128 real Binance BTCUSDT 5m bars of 2025-01..06, reported per 5m bar.
 *
 * <p>{@code context}: {@code DERIVED} lets the engine build the 15m candles from the 5m ones;
 * {@code SUPPLIED} feeds the 17,376 15m candles resampled beforehand (by {@code CandleResampler},
 * outside the measurement) through {@link StrategyEngine#onContextBar}, interleaved as {@link
 * StrategyEngine#run(BarArrays, BarArrays, StrategyConfig, double)} does; {@code FIVE_MINUTE_ONLY}
 * gives no 15m candle at all, to show what the 15m close costs. {@code events}: {@code ALL} keeps
 * every event (71,168 on this data) in a list, as the {@code detect} command does; {@code SIGNALS}
 * keeps only the entry signals, as a live scanner does. Bytes per bar: run with {@code -prof gc}
 * and read {@code gc.alloc.rate.norm}, which JMH normalises per operation, i.e. per 5m bar here.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  /** The number of 5m bars of BTCUSDT 2025-01..06, one JMH operation each. */
  public static final int BARS = 52_128;

  /** Where the 15m candles come from. */
  public enum Context {
    /** The engine derives them from the 5m candles. */
    DERIVED,
    /** Resampled beforehand and supplied with {@code onContextBar}. */
    SUPPLIED,
    /**
     * None: a supplied-context engine that never gets a 15m candle, so only the 5m part runs (input
     * checks, ATR, 5m windows); not a strategy run, a measure of what the 15m close costs.
     */
    FIVE_MINUTE_ONLY
  }

  /** Which events the listener keeps. */
  public enum Events {
    /** Every event kind, kept in a list. */
    ALL,
    /** Entry signals only; the engine builds no other event. */
    SIGNALS
  }

  /** The source of the 15m candles. */
  @Param({"DERIVED", "SUPPLIED", "FIVE_MINUTE_ONLY"})
  public Context context;

  /** The kept events. */
  @Param({"ALL", "SIGNALS"})
  public Events events;

  private final StrategyConfig config = StrategyConfig.DEFAULT;
  private final double tickSize = 0.1;

  private long[] t5;
  private double[] o5;
  private double[] h5;
  private double[] l5;
  private double[] c5;
  private double[] v5;
  private long[] t15;
  private double[] o15;
  private double[] h15;
  private double[] l15;
  private double[] c15;
  private double[] v15;
  private List<StrategyEvent> sink;
  private StrategyEventListener listener;

  /** Creates the benchmark state (JMH). */
  public EngineBenchmark() {}

  /** Loads the 5m candles and resamples the 15m ones. */
  @Setup
  public void load() {
    BarArrays five = EngineBenchmarkData.btcusdt5m();
    BarArrays fifteen = EngineBenchmarkData.resample15m(five);
    t5 = five.openTimeMillisUnsafe();
    o5 = five.openUnsafe();
    h5 = five.highUnsafe();
    l5 = five.lowUnsafe();
    c5 = five.closeUnsafe();
    v5 = five.volumeUnsafe();
    t15 = fifteen.openTimeMillisUnsafe();
    o15 = fifteen.openUnsafe();
    h15 = fifteen.highUnsafe();
    l15 = fifteen.lowUnsafe();
    c15 = fifteen.closeUnsafe();
    v15 = fifteen.volumeUnsafe();
    sink = new ArrayList<>(1 << 17);
    Set<StrategyEventKind> kinds =
        events == Events.ALL
            ? EnumSet.allOf(StrategyEventKind.class)
            : EnumSet.of(StrategyEventKind.ENTRY_SIGNAL);
    listener = StrategyEventListener.only(kinds, sink::add);
  }

  /**
   * One pass of a fresh engine over all 5m bars.
   *
   * @return the number of events kept
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public int engine() {
    sink.clear();
    long[] t = t5;
    double[] o = o5;
    double[] h = h5;
    double[] l = l5;
    double[] c = c5;
    double[] v = v5;
    int n = t.length;
    if (context == Context.DERIVED) {
      StrategyEngine engine = new StrategyEngine(config, tickSize, listener);
      for (int i = 0; i < n; i++) {
        engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
      }
    } else if (context == Context.FIVE_MINUTE_ONLY) {
      StrategyEngine engine = StrategyEngine.withSuppliedContext(config, tickSize, listener);
      for (int i = 0; i < n; i++) {
        engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
      }
    } else {
      StrategyEngine engine = StrategyEngine.withSuppliedContext(config, tickSize, listener);
      long[] tc = t15;
      int n15 = tc.length;
      long m5 = Timeframe.M5.millis();
      long m15 = Timeframe.M15.millis();
      int k = 0;
      for (int i = 0; i < n; i++) {
        long close5 = t[i] + m5;
        while (k < n15 && tc[k] + m15 <= close5) {
          engine.onContextBar(tc[k], o15[k], h15[k], l15[k], c15[k], v15[k]);
          k++;
        }
        engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
      }
    }
    return sink.size();
  }
}
