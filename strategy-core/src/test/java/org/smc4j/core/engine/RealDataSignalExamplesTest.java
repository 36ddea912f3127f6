package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.fib.ImpulseLeg;
import org.smc4j.core.fib.LegChange;
import org.smc4j.core.poi.PoiDeathReason;
import org.smc4j.core.poi.PointOfInterest;
import org.smc4j.core.signal.Side;
import org.smc4j.core.signal.TriggerType;
import org.smc4j.core.structure.BreakType;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.structure.SwingType;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;

/**
 * Three setups of BTCUSDT (Binance USDT-M perpetual, 5m file of January 2025, tick 0.1) written out
 * by hand, step by step, so that anyone can check them on a chart: a long, a short and a POI that
 * was tapped and then died. Every step is checked twice: against the engine's events, and against
 * the raw candle rows of {@code binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv} (read here line by
 * line, independently of the engine). 15m candles are the three 5m rows of each quarter hour; times
 * are open times in UTC; a candle is known at its close. ATR values (Wilder, 14) are recomputed
 * here from the rows since 2025-01-01 00:00.
 *
 * <p>Index arithmetic: the file starts at 2025-01-01 00:00 without holes, so 5m bar {@code i} opens
 * at {@code 00:00 + 5 i} minutes and 15m bar {@code k} at {@code 00:00 + 15 k} minutes.
 */
class RealDataSignalExamplesTest {

  private static final String FILE = "binance-usdm/BTCUSDT/5m/BTCUSDT-5m-2025-01.csv";
  private static final double TICK = 0.1;

  private static Map<Long, double[]> rows;
  private static StrategyRun run;

  @BeforeAll
  static void load() throws IOException {
    Path file = SharedData.requireData(FILE);
    rows = new TreeMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(
          Long.parseLong(f[0]),
          new double[] {
            Double.parseDouble(f[1]),
            Double.parseDouble(f[2]),
            Double.parseDouble(f[3]),
            Double.parseDouble(f[4])
          });
    }
    // the engine over the whole month; by prefix invariance the same events as over the half year
    BarArrays january = BinanceKlineCsv.readFolder(file.getParent(), Timeframe.M5).slice(0, 8928);
    run = StrategyEngine.run(january, StrategyConfig.DEFAULT, TICK);
  }

  @Test
  void shouldSignalALongAfterTheBullishBosOfSecondJanuaryAt0430() {
    // 1. Swing high (15m, L = R = 3): quarter 03:00 (15m bar 108) has high 95289.5, above the
    //    highs of 02:15, 02:30, 02:45 (95135.0, 95122.3, 95222.8) and not below those of 03:15,
    //    03:30, 03:45 (95149.0, 95081.1, 95015.1); known at the close of 03:45, i.e. 04:00.
    assertSwingHigh15("2025-01-02T03:00:00Z", 95289.5);
    SwingPointEvent swing = swing15(SwingType.HIGH, "2025-01-02T03:00:00Z");
    assertThat(swing.price()).isEqualTo(95289.5);
    assertThat(swing.knownAtTimeMillis()).isEqualTo(at("2025-01-02T04:00:00Z"));

    // 2. Break: the 04:00 and 04:15 quarters close below it (95146.2, 95161.1); the 04:30 quarter
    //    closes at 95793.7, 504.2 above, more than 0.1 ATR15 (ATR15 = 308.31): a bullish BOS
    //    (the previous break, 01:00, was bullish too), decisive (>= 0.25 ATR15: score point 1).
    assertThat(quarter("2025-01-02T04:00:00Z")[2]).isEqualTo(95146.2);
    assertThat(quarter("2025-01-02T04:15:00Z")[2]).isEqualTo(95161.1);
    assertThat(quarter("2025-01-02T04:30:00Z")[2]).isEqualTo(95793.7);
    double atr15 = atr15("2025-01-02T04:30:00Z");
    assertThat(atr15).isCloseTo(308.31, within(0.01));
    StructureBreakEvent bos = breakAt("2025-01-02T04:30:00Z");
    assertThat(bos.direction()).isEqualTo(Direction.BULLISH);
    assertThat(bos.type()).isEqualTo(BreakType.BOS);
    assertThat(bos.level()).isEqualTo(95289.5);
    assertThat(bos.swingTimeMillis()).isEqualTo(at("2025-01-02T03:00:00Z"));
    assertThat(bos.atr()).isCloseTo(atr15, within(1e-9));
    assertThat(95793.7 - 95289.5).isGreaterThanOrEqualTo(0.25 * atr15);
    assertThat(bos.decisive()).isTrue();

    // 3. Leg: start = lowest low of 03:00 .. 04:30 = 94900.0 (03:45); end = 95970.4 (04:30 high),
    //    extended by the 04:45 high 96031.4. Frozen at the 05:00 quarter: its low 95430.0 reaches
    //    the 0.5 level 96031.4 - 0.5 * (96031.4 - 94900.0) = 95465.7 of the leg as at 04:45.
    assertThat(lowestLow15("2025-01-02T03:00:00Z", "2025-01-02T04:30:00Z")).isEqualTo(94900.0);
    assertThat(quarter("2025-01-02T03:45:00Z")[1]).isEqualTo(94900.0);
    assertThat(quarter("2025-01-02T04:45:00Z")[0]).isEqualTo(96031.4);
    assertThat(quarter("2025-01-02T05:00:00Z")[1]).isEqualTo(95430.0).isLessThanOrEqualTo(95465.7);
    ImpulseLegEvent frozen = legAt("2025-01-02T05:00:00Z");
    assertThat(frozen.change()).isEqualTo(LegChange.FROZEN_BY_RETRACEMENT);
    ImpulseLeg leg = frozen.leg();
    assertThat(leg.startPrice()).isEqualTo(94900.0);
    assertThat(leg.startTimeMillis()).isEqualTo(at("2025-01-02T03:45:00Z"));
    assertThat(leg.endPrice()).isEqualTo(96031.4);
    assertThat(leg.zoneStartPrice()).isCloseTo(95465.7, within(1e-6));
    assertThat(leg.goldenPrice()).isCloseTo(96031.4 - 0.618 * 1131.4, within(1e-6));
    assertThat(leg.zoneEndPrice()).isCloseTo(96031.4 - 0.786 * 1131.4, within(1e-6));

    // 4. FVG (15m): quarters 04:15, 04:30, 04:45: the 04:45 low 95651.8 lies above the 04:15 high
    //    95200.0, gap [95200.0, 95651.8], its middle candle (04:30) inside the leg.
    assertThat(quarter("2025-01-02T04:15:00Z")[0]).isEqualTo(95200.0);
    assertThat(quarter("2025-01-02T04:45:00Z")[1]).isEqualTo(95651.8);

    // 5. POI: the gap meets the zone [95142.12, 95465.7] in [95200.0, 95465.7], armed at the
    //    freezing close 05:15. The gap holds 0.618 (95332.19): golden pocket; the broken level
    //    95289.5 lies inside the POI: structure retest.
    PointOfInterest poi = armedAt("2025-01-02T05:15:00Z");
    assertThat(poi.fvg().bottom()).isEqualTo(95200.0);
    assertThat(poi.fvg().top()).isEqualTo(95651.8);
    assertThat(poi.fvg().originTimeMillis()).isEqualTo(at("2025-01-02T04:15:00Z"));
    assertThat(poi.bottom()).isEqualTo(95200.0);
    assertThat(poi.top()).isCloseTo(95465.7, within(1e-6));
    assertThat(poi.goldenPocket()).isTrue();
    assertThat(poi.structureRetest()).isTrue();

    // 6. Tap: the first 5m candle after arming, 05:15, has low 95380.0 <= POI top.
    assertThat(five("2025-01-02T05:15:00Z")[2]).isEqualTo(95380.0);
    PoiTappedEvent tap = tap(poi);
    assertThat(tap.tapTimeMillis()).isEqualTo(at("2025-01-02T05:15:00Z"));

    // 7. MSS: 5m swing high (L = R = 2) at 06:35, high 95597.6 above 06:25, 06:30 (95500.0,
    //    95502.5), not below 06:40, 06:45 (95579.1, 95564.9), known at 06:50 (after the tap). The
    //    06:50, 06:55 and 07:00 candles close below it (95498.0, 95569.0, 95520.1); 07:05 closes
    //    at 95670.5 above it: long signal at 07:10, market entry 95670.5.
    assertSwingHigh5("2025-01-02T06:35:00Z", 95597.6);
    for (String t : new String[] {"06:50", "06:55", "07:00"}) {
      assertThat(five("2025-01-02T" + t + ":00Z")[3]).isLessThan(95597.6);
    }
    assertThat(five("2025-01-02T07:05:00Z")[3]).isEqualTo(95670.5);
    EntrySignal signal = signalOf(poi);
    assertThat(signal.side()).isEqualTo(Side.LONG);
    assertThat(signal.trigger()).isEqualTo(TriggerType.MSS);
    assertThat(signal.triggerLevel()).isEqualTo(95597.6);
    assertThat(signal.signalTimeMillis()).isEqualTo(at("2025-01-02T07:05:00Z"));
    assertThat(signal.knownAtTimeMillis()).isEqualTo(at("2025-01-02T07:10:00Z"));
    assertThat(signal.entry()).isEqualTo(95670.5);

    // 8. Stop: lowest 5m low from the tap (05:15) to the signal candle (07:05) is 95326.9 (06:20),
    //    minus max(2 ticks, 0.1 * ATR5) with ATR5 = 131.86 at 07:05: 95326.9 - 13.186 = 95313.71.
    //    Target = entry + 2 * (entry - stop) = 96384.07.
    assertThat(lowestLow5("2025-01-02T05:15:00Z", "2025-01-02T07:05:00Z")).isEqualTo(95326.9);
    double atr5 = atr5("2025-01-02T07:05:00Z");
    assertThat(atr5).isCloseTo(131.86, within(0.01));
    assertThat(signal.stop()).isCloseTo(95326.9 - 0.1 * atr5, within(1e-6));
    assertThat(signal.stop()).isCloseTo(95313.71, within(0.01));
    assertThat(signal.target()).isCloseTo(95670.5 + 2 * (95670.5 - signal.stop()), within(1e-6));
    assertThat(signal.target()).isCloseTo(96384.07, within(0.01));

    // 9. Score 4 of 5: decisive, POI has an FVG, golden pocket, retest; no displacement (the 07:05
    //    low 95493.2 does not clear the 06:55 high 95600.0, so no 5m gap).
    assertThat(five("2025-01-02T07:05:00Z")[2]).isLessThan(five("2025-01-02T06:55:00Z")[1]);
    assertThat(signal.score().total()).isEqualTo(4);
    assertThat(signal.score().displacement()).isFalse();
  }

  @Test
  void shouldSignalAShortAfterTheBearishBosOfFifthJanuaryAt0945() {
    // 1. Swing low (15m): quarter 08:15 has low 97712.2, below 07:30, 07:45, 08:00 (98280.0,
    //    98225.3, 97852.2) and not above 08:30, 08:45, 09:00 (97788.0, 97775.0, 97763.0).
    assertSwingLow15("2025-01-05T08:15:00Z", 97712.2);
    assertThat(swing15(SwingType.LOW, "2025-01-05T08:15:00Z").knownAtTimeMillis())
        .isEqualTo(at("2025-01-05T09:15:00Z"));

    // 2. Break: the 09:00, 09:15 and 09:30 quarters close above it; 09:45 closes at 97620.0,
    //    92.2 below (ATR15 = 141.68, so decisive): bearish BOS after the bearish CHoCH of 08:00.
    assertThat(quarter("2025-01-05T09:45:00Z")[2]).isEqualTo(97620.0);
    for (String t : new String[] {"09:00", "09:15", "09:30"}) {
      assertThat(quarter("2025-01-05T" + t + ":00Z")[2]).isGreaterThan(97712.2);
    }
    double atr15 = atr15("2025-01-05T09:45:00Z");
    assertThat(atr15).isCloseTo(141.68, within(0.01));
    StructureBreakEvent bos = breakAt("2025-01-05T09:45:00Z");
    assertThat(bos.direction()).isEqualTo(Direction.BEARISH);
    assertThat(bos.type()).isEqualTo(BreakType.BOS);
    assertThat(bos.level()).isEqualTo(97712.2);
    assertThat(bos.atr()).isCloseTo(atr15, within(1e-9));
    assertThat(bos.decisive()).isTrue();

    // 3. Leg (mirrored): start = highest high of 08:15 .. 09:45 = 97909.0 (08:30); end = 97596.0
    //    (09:45 low), extended by the 10:00 low 97533.6. Frozen at 10:15: its high 97722.5 reaches
    //    the 0.5 level 97533.6 + 0.5 * (97909.0 - 97533.6) = 97721.3.
    assertThat(highestHigh15("2025-01-05T08:15:00Z", "2025-01-05T09:45:00Z")).isEqualTo(97909.0);
    assertThat(quarter("2025-01-05T10:00:00Z")[1]).isEqualTo(97533.6);
    assertThat(quarter("2025-01-05T10:15:00Z")[0])
        .isEqualTo(97722.5)
        .isGreaterThanOrEqualTo(97721.3);
    ImpulseLeg leg = legAt("2025-01-05T10:15:00Z").leg();
    assertThat(legAt("2025-01-05T10:15:00Z").change()).isEqualTo(LegChange.FROZEN_BY_RETRACEMENT);
    assertThat(leg.startPrice()).isEqualTo(97909.0);
    assertThat(leg.endPrice()).isEqualTo(97533.6);
    assertThat(leg.zoneStartPrice()).isCloseTo(97721.3, within(1e-6));
    assertThat(leg.zoneEndPrice()).isCloseTo(97533.6 + 0.786 * 375.4, within(1e-6));

    // 4./5. Bearish FVG over 09:30, 09:45, 10:00: the 09:30 low 97750.0 lies above the 10:00 high
    //    97739.8: gap [97739.8, 97750.0], wholly inside the zone [97721.3, 97828.66], so the POI
    //    is the whole gap, armed at 10:30. 0.618 (97765.60) is outside it: no golden pocket; the
    //    broken level 97712.2 is 27.6 below the POI, within 0.25 ATR15 (36.9 at arming): retest.
    assertThat(quarter("2025-01-05T09:30:00Z")[1]).isEqualTo(97750.0);
    assertThat(quarter("2025-01-05T10:00:00Z")[0]).isEqualTo(97739.8);
    PointOfInterest poi = armedAt("2025-01-05T10:30:00Z");
    assertThat(poi.direction()).isEqualTo(Direction.BEARISH);
    assertThat(poi.bottom()).isEqualTo(97739.8);
    assertThat(poi.top()).isEqualTo(97750.0);
    assertThat(poi.goldenPocket()).isFalse();
    assertThat(97739.8 - 97712.2).isLessThanOrEqualTo(0.25 * atr15("2025-01-05T10:15:00Z"));
    assertThat(poi.structureRetest()).isTrue();

    // 6. Tap: the 5m highs from 10:30 to 11:00 stay below 97739.8; 11:05 reaches 97741.1.
    for (int m = 30; m <= 60; m += 5) {
      String t = m == 60 ? "11:00" : "10:" + m;
      assertThat(five("2025-01-05T" + t + ":00Z")[1]).isLessThan(97739.8);
    }
    assertThat(five("2025-01-05T11:05:00Z")[1]).isEqualTo(97741.1);
    assertThat(tap(poi).tapTimeMillis()).isEqualTo(at("2025-01-05T11:05:00Z"));

    // 7. MSS: 5m swing low at the tap candle itself, 11:05 low 97640.0 (below 10:55 and 11:00,
    //    97671.8 and 97660.1; not above 11:10 and 11:15, 97640.0 and 97672.8), known at 11:20,
    //    after the tap. 11:20 and 11:25 close above it (97733.9, 97686.5); 11:30 closes at
    //    97587.9 below it: short signal at 11:35, market entry 97587.9.
    assertSwingLow5("2025-01-05T11:05:00Z", 97640.0);
    assertThat(five("2025-01-05T11:20:00Z")[3]).isGreaterThan(97640.0);
    assertThat(five("2025-01-05T11:25:00Z")[3]).isGreaterThan(97640.0);
    EntrySignal signal = signalOf(poi);
    assertThat(signal.side()).isEqualTo(Side.SHORT);
    assertThat(signal.trigger()).isEqualTo(TriggerType.MSS);
    assertThat(signal.triggerLevel()).isEqualTo(97640.0);
    assertThat(signal.signalTimeMillis()).isEqualTo(at("2025-01-05T11:30:00Z"));
    assertThat(signal.entry()).isEqualTo(97587.9).isEqualTo(five("2025-01-05T11:30:00Z")[3]);

    // 8. Stop: highest high 11:05 .. 11:30 = 97800.0 (11:15) + 0.1 ATR5 (77.97): 97807.80.
    //    Target = 97587.9 - 2 * (97807.80 - 97587.9) = 97148.11.
    assertThat(highestHigh5("2025-01-05T11:05:00Z", "2025-01-05T11:30:00Z")).isEqualTo(97800.0);
    double atr5 = atr5("2025-01-05T11:30:00Z");
    assertThat(atr5).isCloseTo(77.97, within(0.01));
    assertThat(signal.stop()).isCloseTo(97800.0 + 0.1 * atr5, within(1e-6));
    assertThat(signal.target()).isCloseTo(97587.9 - 2 * (signal.stop() - 97587.9), within(1e-6));
    assertThat(signal.target()).isCloseTo(97148.11, within(0.01));

    // 9. Score 4: decisive, FVG, no golden pocket, retest, displacement: the signal candle's high
    //    97700.0 stays below the 11:20 low 97706.3, a bearish 5m gap of 6.3 (>= 0.05 ATR5).
    assertThat(five("2025-01-05T11:30:00Z")[1]).isLessThan(five("2025-01-05T11:20:00Z")[2]);
    assertThat(97706.3 - 97700.0).isGreaterThanOrEqualTo(0.05 * atr5);
    assertThat(signal.score().total()).isEqualTo(4);
    assertThat(signal.score().displacement()).isTrue();
  }

  @Test
  void shouldKillATappedPoiWhenItsGapIsFilledOnSecondJanuaryAt1530() {
    // 1. Swing high (15m) at 13:00, high 96991.8 (above 12:15, 12:30, 12:45: 96888.6, 96777.0,
    //    96864.9; not below 13:15, 13:30, 13:45: 96864.0, 96778.5, 96649.9).
    assertSwingHigh15("2025-01-02T13:00:00Z", 96991.8);

    // 2. Break: 14:45 closes at 97216.3 above it (14:00 .. 14:30 closed below: 96340.7, 96447.6,
    //    96797.5): a bullish CHoCH, as the previous break (13:45) was bearish.
    assertThat(quarter("2025-01-02T14:45:00Z")[2]).isEqualTo(97216.3);
    assertThat(quarter("2025-01-02T14:30:00Z")[2]).isLessThan(96991.8);
    StructureBreakEvent choch = breakAt("2025-01-02T14:45:00Z");
    assertThat(choch.type()).isEqualTo(BreakType.CHOCH);
    assertThat(choch.direction()).isEqualTo(Direction.BULLISH);
    assertThat(choch.level()).isEqualTo(96991.8);

    // 3. Leg: start = lowest low 13:00 .. 14:45 = 95910.8 (14:00); end = 97363.1 (the 14:45 high;
    //    the higher 14:30 high 97440.0 lies before the break). 15:00 makes no higher high; 15:15
    //    (low 96280.0) reaches the 0.5 level 96636.95 and freezes it.
    assertThat(lowestLow15("2025-01-02T13:00:00Z", "2025-01-02T14:45:00Z")).isEqualTo(95910.8);
    assertThat(quarter("2025-01-02T14:45:00Z")[0]).isEqualTo(97363.1);
    assertThat(quarter("2025-01-02T15:00:00Z")[0]).isLessThan(97363.1);
    assertThat(quarter("2025-01-02T15:15:00Z")[1]).isEqualTo(96280.0).isLessThan(96636.95);
    ImpulseLeg leg = legAt("2025-01-02T15:15:00Z").leg();
    assertThat(leg.startPrice()).isEqualTo(95910.8);
    assertThat(leg.endPrice()).isEqualTo(97363.1);

    // 4./5. FVG over 14:15, 14:30, 14:45: 14:45 low 96778.9 above the 14:15 high 96447.6: gap
    //    [96447.6, 96778.9]; POI = its overlap with the zone [96221.59, 96636.95] = [96447.6,
    //    96636.95], armed at 15:30 (the arming close 96631.1 is above the leg start).
    assertThat(quarter("2025-01-02T14:15:00Z")[0]).isEqualTo(96447.6);
    assertThat(quarter("2025-01-02T14:45:00Z")[1]).isEqualTo(96778.9);
    PointOfInterest poi = armedAt("2025-01-02T15:30:00Z");
    assertThat(poi.bottom()).isEqualTo(96447.6);
    assertThat(poi.top()).isCloseTo(96636.95, within(1e-6));

    // 6. Tap: the next 5m candle, 15:30, has low 96298.7 <= 96636.95.
    assertThat(five("2025-01-02T15:30:00Z")[2]).isEqualTo(96298.7);
    assertThat(tap(poi).tapTimeMillis()).isEqualTo(at("2025-01-02T15:30:00Z"));

    // 7. Death: the 15:30 quarter closes at 96309.5 (the 15:40 5m close), below the gap's bottom
    //    96447.6: the gap is filled and the POI dies at 15:45, before any trigger (no 5m swing
    //    high became known after the tap, and 15:35 completes no bullish gap).
    assertThat(quarter("2025-01-02T15:30:00Z")[2]).isEqualTo(96309.5).isLessThan(96447.6);
    PoiDeadEvent dead =
        run.eventsOf(PoiDeadEvent.class).stream()
            .filter(d -> d.poi().id().equals(poi.id()))
            .findFirst()
            .orElseThrow();
    assertThat(dead.reason()).isEqualTo(PoiDeathReason.FVG_FILLED);
    assertThat(dead.knownAtTimeMillis()).isEqualTo(at("2025-01-02T15:45:00Z"));
    assertThat(run.signals()).noneMatch(s -> s.poiId().equals(poi.id()));
  }

  // ------------------------------------------------------------------ engine events

  private static SwingPointEvent swing15(SwingType type, String pivot) {
    return run.eventsOf(SwingPointEvent.class).stream()
        .filter(s -> s.timeframe().equals(Timeframe.M15) && s.type() == type)
        .filter(s -> s.originTimeMillis() == at(pivot))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no 15m swing " + type + " at " + pivot));
  }

  private static StructureBreakEvent breakAt(String quarter) {
    return run.eventsOf(StructureBreakEvent.class).stream()
        .filter(b -> b.breakTimeMillis() == at(quarter))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no break at " + quarter));
  }

  private static ImpulseLegEvent legAt(String quarter) {
    long close = at(quarter) + Timeframe.M15.millis();
    return run.eventsOf(ImpulseLegEvent.class).stream()
        .filter(l -> l.knownAtTimeMillis() == close && l.change().isFreeze())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no leg freeze at the close of " + quarter));
  }

  private static PointOfInterest armedAt(String close) {
    return run.eventsOf(PoiArmedEvent.class).stream()
        .filter(a -> a.poi().armedTimeMillis() == at(close))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no POI armed at " + close))
        .poi();
  }

  private static PoiTappedEvent tap(PointOfInterest poi) {
    return run.eventsOf(PoiTappedEvent.class).stream()
        .filter(t -> t.poi().id().equals(poi.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tap of " + poi.id()));
  }

  private static EntrySignal signalOf(PointOfInterest poi) {
    return run.signals().stream()
        .filter(s -> s.poiId().equals(poi.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no signal of " + poi.id()));
  }

  // ------------------------------------------------------------------ raw rows

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** Returns {open, high, low, close} of the 5m row opening at {@code time}. */
  private static double[] five(String time) {
    double[] r = rows.get(at(time));
    assertThat(r).as("row %s", time).isNotNull();
    return r;
  }

  /** Returns {high, low, close} of the quarter hour opening at {@code time}, from its 3 rows. */
  private static double[] quarter(long open) {
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double close = 0;
    for (int i = 0; i < 3; i++) {
      double[] r = rows.get(open + i * Timeframe.M5.millis());
      high = Math.max(high, r[1]);
      low = Math.min(low, r[2]);
      close = r[3];
    }
    return new double[] {high, low, close};
  }

  private static double[] quarter(String time) {
    return quarter(at(time));
  }

  private static void assertSwingHigh15(String pivot, double high) {
    long p = at(pivot);
    long q = Timeframe.M15.millis();
    assertThat(quarter(p)[0]).isEqualTo(high);
    for (int k = 1; k <= 3; k++) {
      assertThat(quarter(p - k * q)[0]).as("left %d", k).isLessThan(high);
      assertThat(quarter(p + k * q)[0]).as("right %d", k).isLessThanOrEqualTo(high);
    }
  }

  private static void assertSwingLow15(String pivot, double low) {
    long p = at(pivot);
    long q = Timeframe.M15.millis();
    assertThat(quarter(p)[1]).isEqualTo(low);
    for (int k = 1; k <= 3; k++) {
      assertThat(quarter(p - k * q)[1]).as("left %d", k).isGreaterThan(low);
      assertThat(quarter(p + k * q)[1]).as("right %d", k).isGreaterThanOrEqualTo(low);
    }
  }

  private static void assertSwingHigh5(String pivot, double high) {
    long p = at(pivot);
    long m = Timeframe.M5.millis();
    assertThat(rows.get(p)[1]).isEqualTo(high);
    for (int k = 1; k <= 2; k++) {
      assertThat(rows.get(p - k * m)[1]).as("left %d", k).isLessThan(high);
      assertThat(rows.get(p + k * m)[1]).as("right %d", k).isLessThanOrEqualTo(high);
    }
  }

  private static void assertSwingLow5(String pivot, double low) {
    long p = at(pivot);
    long m = Timeframe.M5.millis();
    assertThat(rows.get(p)[2]).isEqualTo(low);
    for (int k = 1; k <= 2; k++) {
      assertThat(rows.get(p - k * m)[2]).as("left %d", k).isGreaterThan(low);
      assertThat(rows.get(p + k * m)[2]).as("right %d", k).isGreaterThanOrEqualTo(low);
    }
  }

  private static double lowestLow15(String from, String to) {
    double low = Double.POSITIVE_INFINITY;
    for (long t = at(from); t <= at(to); t += Timeframe.M15.millis()) {
      low = Math.min(low, quarter(t)[1]);
    }
    return low;
  }

  private static double highestHigh15(String from, String to) {
    double high = Double.NEGATIVE_INFINITY;
    for (long t = at(from); t <= at(to); t += Timeframe.M15.millis()) {
      high = Math.max(high, quarter(t)[0]);
    }
    return high;
  }

  private static double lowestLow5(String from, String to) {
    double low = Double.POSITIVE_INFINITY;
    for (long t = at(from); t <= at(to); t += Timeframe.M5.millis()) {
      low = Math.min(low, rows.get(t)[2]);
    }
    return low;
  }

  private static double highestHigh5(String from, String to) {
    double high = Double.NEGATIVE_INFINITY;
    for (long t = at(from); t <= at(to); t += Timeframe.M5.millis()) {
      high = Math.max(high, rows.get(t)[1]);
    }
    return high;
  }

  /** Wilder's ATR(14) of the 5m rows at the row opening at {@code time}, from the first row. */
  private static double atr5(String time) {
    long first = rows.keySet().iterator().next();
    double atr = 0;
    double prevClose = Double.NaN;
    int i = 0;
    for (long t = first; t <= at(time); t += Timeframe.M5.millis(), i++) {
      double[] r = rows.get(t);
      atr = wilder(atr, i, r[1], r[2], prevClose);
      prevClose = r[3];
    }
    return atr;
  }

  /** Wilder's ATR(14) of the quarters at the quarter opening at {@code time}, from the first. */
  private static double atr15(String time) {
    long first = rows.keySet().iterator().next();
    double atr = 0;
    double prevClose = Double.NaN;
    int i = 0;
    for (long t = first; t <= at(time); t += Timeframe.M15.millis(), i++) {
      double[] q = quarter(t);
      atr = wilder(atr, i, q[0], q[1], prevClose);
      prevClose = q[2];
    }
    return atr;
  }

  /** One Wilder step; the first 14 true ranges are summed and averaged at bar 13. */
  private static double wilder(double atr, int i, double high, double low, double prevClose) {
    double tr = i == 0 ? high - low : Math.max(high, prevClose) - Math.min(low, prevClose);
    if (i < 13) {
      return atr + tr;
    }
    if (i == 13) {
      return (atr + tr) / 14;
    }
    return (atr * 13 + tr) / 14;
  }
}
