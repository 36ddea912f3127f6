package org.smc4j.app.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.okx.CandleGap;
import org.smc4j.marketdata.okx.CandlePage;

class DownloadJobTest {

  private static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");
  private static final long M5 = Timeframe.M5.millis();

  @TempDir Path dir;

  /** The calls a source received: instrument, first open time and the previous open time. */
  private record Call(String instId, Instant from, OptionalLong previous) {}

  private final List<Call> calls = new ArrayList<>();

  /**
   * A source serving bars {@code 0..n-1} of the day (5m) in pages of 100, bar {@code hole} missing
   * (-1 for none); {@code FAIL-} instruments fail with a market-data error.
   */
  private CandlePageSource source(int n, int hole) {
    return (instId, tf, from, to, previous, listener) -> {
      calls.add(new Call(instId, from, previous));
      if (instId.startsWith("FAIL-")) {
        throw new MarketDataException("OKX 51001: Instrument ID does not exist: " + instId);
      }
      long first = (from.toEpochMilli() - DAY.toEpochMilli()) / M5;
      long last = previous.isPresent() ? previous.getAsLong() : -1;
      for (long page = first; page < n; page += 100) {
        List<Long> times = new ArrayList<>();
        List<CandleGap> gaps = new ArrayList<>();
        for (long i = page; i < Math.min(page + 100, n); i++) {
          if (i == hole) {
            continue;
          }
          long t = DAY.toEpochMilli() + i * M5;
          if (last >= 0 && t - last > M5) {
            gaps.add(
                new CandleGap(
                    Instant.ofEpochMilli(last), Instant.ofEpochMilli(t), (t - last) / M5 - 1));
          }
          times.add(t);
          last = t;
        }
        Instant covered = Instant.ofEpochMilli(DAY.toEpochMilli() + Math.min(page + 100, n) * M5);
        if (!listener.test(new CandlePage(instId, bars(times), gaps, covered))) {
          return;
        }
      }
    };
  }

  private static BarArrays bars(List<Long> times) {
    int n = times.size();
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = times.get(k);
      o[k] = 100 + k % 7;
      c[k] = o[k] + 0.5;
      h[k] = c[k] + 1;
      l[k] = o[k] - 1;
      v[k] = 10 + k;
    }
    return BarArrays.of(Timeframe.M5, t, o, h, l, c, v);
  }

  private DownloadRequest request(String... instIds) {
    return new DownloadRequest(
        List.of(instIds), Timeframe.M5, DAY, DAY.plusSeconds(86_400), dir.resolve("out"));
  }

  /** Records the listener calls as text. */
  private static final class Recorder implements DownloadListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void resuming(String instId, Timeframe tf, Path file, Instant lastOpenTime) {
      events.add("resuming " + instId + " after " + lastOpenTime);
    }

    @Override
    public void upToDate(String instId, Timeframe tf, Path file) {
      events.add("up to date " + instId);
    }

    @Override
    public void started(String instId, Timeframe tf, Instant from, Instant to) {
      events.add("started " + instId + " " + from + ".." + to);
    }

    @Override
    public void page(CandlePage page) {
      events.add("page " + page.bars().size());
    }

    @Override
    public void finished(SymbolDownload download) {
      events.add("finished " + download.instId() + " " + download.bars());
    }

    @Override
    public void failed(DownloadFailure failure) {
      events.add("failed " + failure.instId());
    }
  }

  @Test
  void shouldWriteEachInstrumentsCanonicalFileAndReportTheGapAndTheFailedOneBesideTheOthers()
      throws IOException {
    Recorder recorder = new Recorder();

    // bar 120 (10:00) is missing
    DownloadResult r =
        DownloadJob.run(
            request("BTC-USDT-SWAP", "FAIL-X", "ETH-USDT-SWAP"), source(288, 120), recorder);

    assertThat(r.downloads())
        .extracting(SymbolDownload::instId)
        .containsExactly("BTC-USDT-SWAP", "ETH-USDT-SWAP");
    SymbolDownload btc = r.downloads().get(0);
    assertThat(btc.file()).isEqualTo(dir.resolve("out/BTC-USDT-SWAP_5m.csv"));
    assertThat(btc.bars()).isEqualTo(287);
    assertThat(btc.gaps())
        .containsExactly(
            new CandleGap(
                Instant.parse("2025-01-01T09:55:00Z"), Instant.parse("2025-01-01T10:05:00Z"), 1));
    assertThat(btc.missingBars()).isEqualTo(1);
    assertThat(CandleCsvReader.LENIENT.read(btc.file()).bars().size()).isEqualTo(287);
    assertThat(r.failures())
        .containsExactly(
            new DownloadFailure(
                "FAIL-X", Timeframe.M5, "OKX 51001: Instrument ID does not exist: FAIL-X"));
    assertThat(r.failed()).isTrue();
    assertThat(recorder.events)
        .containsExactly(
            "started BTC-USDT-SWAP 2025-01-01T00:00:00Z..2025-01-02T00:00:00Z",
            "page 100",
            "page 99",
            "page 88",
            "finished BTC-USDT-SWAP 287",
            "started FAIL-X 2025-01-01T00:00:00Z..2025-01-02T00:00:00Z",
            "failed FAIL-X",
            "started ETH-USDT-SWAP 2025-01-01T00:00:00Z..2025-01-02T00:00:00Z",
            "page 100",
            "page 99",
            "page 88",
            "finished ETH-USDT-SWAP 287");
  }

  @Test
  void shouldResumeAfterTheFilesLastRowAndThenFindItUpToDate() throws IOException {
    // a first run interrupted after 150 bars
    DownloadJob.run(request("BTC-USDT-SWAP"), source(150, -1), DownloadListener.NONE);
    calls.clear();
    Recorder resumed = new Recorder();

    DownloadResult r = DownloadJob.run(request("BTC-USDT-SWAP"), source(288, -1), resumed);

    Instant last = Instant.parse("2025-01-01T12:25:00Z");
    assertThat(calls)
        .containsExactly(
            new Call("BTC-USDT-SWAP", last.plusSeconds(300), OptionalLong.of(last.toEpochMilli())));
    assertThat(r.downloads().get(0).bars()).isEqualTo(138);
    assertThat(r.downloads().get(0).gaps()).isEmpty();
    assertThat(resumed.events.get(0)).isEqualTo("resuming BTC-USDT-SWAP after " + last);
    assertThat(CandleCsvReader.STRICT.read(dir.resolve("out/BTC-USDT-SWAP_5m.csv")).bars().size())
        .isEqualTo(288);

    Recorder again = new Recorder();
    DownloadResult upToDate = DownloadJob.run(request("BTC-USDT-SWAP"), source(288, -1), again);

    assertThat(again.events)
        .containsExactly(
            "resuming BTC-USDT-SWAP after 2025-01-01T23:55:00Z", "up to date BTC-USDT-SWAP");
    assertThat(upToDate.downloads().get(0).bars()).isZero();
  }

  @Test
  void shouldFailAnInstrumentWhoseFileHasAnotherHeaderNamingTheFile() throws IOException {
    Path file = dir.resolve("out/BTC-USDT-SWAP_5m.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "time,price\n1,2\n");

    DownloadResult r =
        DownloadJob.run(request("BTC-USDT-SWAP"), source(288, -1), DownloadListener.NONE);

    assertThat(r.downloads()).isEmpty();
    assertThat(r.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("BTC-USDT-SWAP_5m.csv"));
    assertThat(calls).isEmpty();
  }

  @Test
  void shouldRejectAnEmptyInstrumentAndAnEmptyPeriodNamingTheOption() {
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> new DownloadRequest(List.of(" "), Timeframe.M5, DAY, DAY, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--symbols has an empty entry");
    assertThatThrownBy(
            () -> new DownloadRequest(List.of("BTC-USDT-SWAP"), Timeframe.M5, DAY, DAY, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--from 2025-01-01T00:00:00Z must be before --to 2025-01-01T00:00:00Z");
  }

  @Test
  void shouldParseOnlyTimeframesOkxOffers() {
    assertThat(DownloadJob.timeframe("5m")).isEqualTo(Timeframe.M5);
    assertThatThrownBy(() -> DownloadJob.timeframe("7m"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
