package org.smc4j.marketdata.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.validate.DataProblemException;
import org.smc4j.marketdata.validate.ProblemKind;

class FundingRateCsvReaderTest {

  private static final Duration EIGHT_HOURS = Duration.ofHours(8);

  @TempDir Path dir;

  @Test
  void shouldReadTheBinanceBtcHistoryRoundingTheJitterDownToTheSecond() {
    Path file = SharedData.requireData("binance-usdm-funding/BTCUSDT/BTC_USDT_USDT_funding.csv");

    FundingRates read = FundingRateCsvReader.STRICT.read(file);

    FundingRateHistory h = read.history();
    assertThat(h.size()).isEqualTo(3612);
    assertThat(read.rowsRead()).isEqualTo(3612);
    assertThat(h.first()).contains(Instant.parse("2023-01-01T00:00:00Z"));
    assertThat(h.last()).contains(Instant.parse("2026-04-18T16:00:00Z"));
    // Line 3: "2023-01-01 08:00:00.008,0.0001" is the 08:00 settlement.
    assertThat(h.get(1).settlementTime()).isEqualTo(Instant.parse("2023-01-01T08:00:00Z"));
    assertThat(h.rateAt(Instant.parse("2023-01-01T08:00:00Z")))
        .isEqualTo(OptionalDouble.of(0.0001));
    assertThat(h.rateAt(Instant.parse("2023-01-01T08:00:00.008Z")))
        .isEqualTo(OptionalDouble.of(0.0001));
    // Line 4: "2023-01-01 16:00:00.000,6.91e-06" (exponent notation).
    assertThat(h.rateAt(Instant.parse("2023-01-01T16:00:00Z")))
        .isEqualTo(OptionalDouble.of(6.91e-06));
    assertThat(h.rateAt(Instant.parse("2023-01-01T12:00:00Z"))).isEmpty();
    assertThat(h.irregularIntervals(EIGHT_HOURS)).isEmpty();
  }

  @Test
  void shouldReadTheSolHistoryWithEveryIntervalEightHours() {
    Path file = SharedData.requireData("binance-usdm-funding/SOLUSDT/SOL_binance_funding.csv");

    FundingRateHistory h = FundingRateCsvReader.STRICT.read(file).history();

    assertThat(h.size()).isEqualTo(2000);
    assertThat(h.first()).contains(Instant.parse("2024-04-05T08:00:00Z"));
    assertThat(h.irregularIntervals(EIGHT_HOURS)).isEmpty();
  }

  @Test
  void shouldFindTheLastSettlementAtOrBeforeATime() throws IOException {
    Path f =
        write(
            "timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n2023-01-01 08:00:00.008,-4.586e-05\n");
    FundingRateHistory h = FundingRateCsvReader.STRICT.read(f).history();

    assertThat(h.lastAtOrBefore(Instant.parse("2023-01-01T07:59:59Z")))
        .contains(new FundingRate(Instant.parse("2023-01-01T00:00:00Z"), 0.0001));
    assertThat(h.lastAtOrBefore(Instant.parse("2023-01-01T08:00:00Z")))
        .contains(new FundingRate(Instant.parse("2023-01-01T08:00:00Z"), -4.586e-05));
    assertThat(h.lastAtOrBefore(Instant.parse("2022-12-31T23:00:00Z"))).isEmpty();
  }

  @Test
  void shouldReportAMissingSettlementAsAnIrregularInterval() throws IOException {
    Path f =
        write("timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n2023-01-01 16:00:00.000,0.0001\n");

    FundingRateHistory h = FundingRateCsvReader.STRICT.read(f).history();

    assertThat(h.irregularIntervals(EIGHT_HOURS))
        .containsExactly(
            new FundingInterval(
                Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-01-01T16:00:00Z"), 3));
    assertThat(h.irregularIntervals(EIGHT_HOURS).get(0).length()).isEqualTo(Duration.ofHours(16));
  }

  @Test
  void shouldNameFileAndLineOfTextInARate() throws IOException {
    Path f = write("timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n2023-01-01 08:00:00.000,abc\n");

    assertThatThrownBy(() -> FundingRateCsvReader.STRICT.read(f))
        .isInstanceOf(DataProblemException.class)
        .hasMessage("funding.csv:3: rate: 'abc' is not a number");
    FundingRates lenient = FundingRateCsvReader.LENIENT.read(f);
    assertThat(lenient.history().size()).isEqualTo(1);
    assertThat(lenient.problems()).hasSize(1);
    assertThat(lenient.problems().get(0).kind()).isEqualTo(ProblemKind.MALFORMED_ROW);
  }

  @Test
  void shouldReportDuplicateAndNonFiniteRows() throws IOException {
    Path f =
        write(
            "timestamp,rate\n"
                + "2023-01-01 00:00:00.000,0.0001\n"
                + "2023-01-01 00:00:00.004,0.0002\n"
                + "2023-01-01 08:00:00.000,NaN\n"
                + "2023-01-01 08:00:00\n");

    FundingRates lenient = FundingRateCsvReader.LENIENT.read(f);

    assertThat(lenient.problems())
        .extracting(Object::toString)
        .containsExactly(
            "funding.csv:3: timestamp: 2023-01-01T00:00:00Z duplicates line 2",
            "funding.csv:4: rate: is not a finite number: NaN",
            "funding.csv:5: row: expected 2 columns, found 1");
    assertThat(lenient.history().size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseACandleFileNamingFileAndLine() throws IOException {
    Path f = write("timestamp,open,high,low,close,volume\n");

    assertThatThrownBy(() -> FundingRateCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage(
            "funding.csv:1: header: expected 'timestamp,rate', found"
                + " 'timestamp,open,high,low,close,volume'");
  }

  @Test
  void shouldRejectANonFiniteRateInARecord() {
    assertThatThrownBy(() -> new FundingRate(Instant.EPOCH, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be finite, was NaN");
  }

  @Test
  void shouldRejectUnorderedSettlementsInAHistory() {
    assertThatThrownBy(
            () -> FundingRateHistory.of(new long[] {8_000, 8_000}, new double[] {0.1, 0.2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("settlement 1 (1970-01-01T00:00:08Z) is not after the previous one");
  }

  private Path write(String content) throws IOException {
    Path f = dir.resolve("funding.csv");
    Files.writeString(f, content);
    return f;
  }
}
