package org.smc4j.marketdata.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class AsciiFieldParserTest {

  private final AsciiFieldParser parser = new AsciiFieldParser();

  private double parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return parser.parseDouble(b, 0, b.length);
  }

  private long parseDateTime(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return parser.parseDateTime(b, 0, b.length);
  }

  @Property(tries = 2000)
  void parsesEveryFiniteDoubleLikeTheJdk(@ForAll double d) {
    for (String text :
        new String[] {
          Double.toString(d),
          BigDecimal.valueOf(d).toPlainString(),
          String.format("%.6e", d),
          String.format("%.17g", d)
        }) {
      assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
      assertThat(parser.failed()).isFalse();
    }
  }

  @Provide
  Arbitrary<String> decimalTexts() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(24);
    return Arbitraries.oneOf(
        digits,
        digits.flatMap(a -> digits.map(b -> a + "." + b)),
        digits.flatMap(
            a ->
                Arbitraries.integers()
                    .between(-40, 40)
                    .map(e -> "-" + a + "e" + (e >= 0 ? "+" : "") + e)));
  }

  @Property(tries = 2000)
  void parsesDecimalTextsOfAnyLengthLikeTheJdk(@ForAll("decimalTexts") String text) {
    assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
  }

  @Example
  void readsNonFiniteWordsSoThatTheyCanBeReportedAsNonFinite() {
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parser.failed()).isFalse();
  }

  @Example
  void rejectsTextThatTheJdkWouldAcceptAsAJavaLiteral() {
    for (String text :
        new String[] {"1d", "1f", "0x1p3", "", "-", ".", "1e", "1.2.3", " 1", "1,5"}) {
      parse(text);
      assertThat(parser.failed()).as(text).isTrue();
    }
    parse("1x");
    assertThat(parser.error()).isEqualTo("'1x' is not a number");
  }

  @Property(tries = 1000)
  void parsesDateTimesInEveryLayoutLikeJavaTime(
      @ForAll @LongRange(min = 0, max = 7_258_118_399_999L) long millis) {
    Instant t = Instant.ofEpochMilli(millis);
    String bybit =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneOffset.UTC)
                .format(t.minusMillis(millis % 1000))
            + "+00:00";
    String funding =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(t);

    assertThat(parseDateTime(t.toString())).isEqualTo(millis);
    assertThat(parseDateTime(bybit)).isEqualTo(millis - millis % 1000);
    assertThat(parseDateTime(funding)).isEqualTo(millis);
  }

  @Property(tries = 1000)
  void countsDaysLikeLocalDate(@ForAll @LongRange(min = -800_000, max = 2_900_000) long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    if (d.getYear() < 0) {
      return;
    }
    assertThat(AsciiFieldParser.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .isEqualTo(epochDay);
  }

  @Example
  void appliesAnOffsetAndRejectsImpossibleDates() {
    assertThat(parseDateTime("2025-01-01 02:00:00+02:00"))
        .isEqualTo(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
    parseDateTime("2025-02-29 00:00:00");
    assertThat(parser.error())
        .isEqualTo("'2025-02-29 00:00:00' is not a UTC date-time like 2025-01-01 00:05:00+00:00");
    parseDateTime("2024-02-29 00:00:00");
    assertThat(parser.failed()).isFalse();
  }
}
