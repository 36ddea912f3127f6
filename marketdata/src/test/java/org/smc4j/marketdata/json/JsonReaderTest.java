package org.smc4j.marketdata.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.smc4j.core.testing.SharedData;

class JsonReaderTest {

  @Test
  void shouldReadEveryKindOfValueKeepingMemberOrderAndNumberText() {
    JsonValue v =
        JsonReader.parse(
            " {\"b\": [1, -0.5e+3, 0.01], \"a\": \"x\\\"y\\\\\\u00e9\\n\", \"t\": true,"
                + " \"f\": false, \"n\": null, \"o\": {}} ");

    assertThat(v).isInstanceOf(JsonValue.JsonObject.class);
    assertThat(((JsonValue.JsonObject) v).members().keySet())
        .containsExactly("b", "a", "t", "f", "n", "o");
    assertThat(v.member("b"))
        .contains(
            new JsonValue.JsonArray(
                List.of(
                    new JsonValue.JsonNumber("1"),
                    new JsonValue.JsonNumber("-0.5e+3"),
                    new JsonValue.JsonNumber("0.01"))));
    assertThat(v.member("a").flatMap(JsonValue::scalarText)).contains("x\"y\\\u00e9\n");
    assertThat(v.member("t")).contains(new JsonValue.JsonBoolean(true));
    assertThat(v.member("f").flatMap(JsonValue::scalarText)).contains("false");
    assertThat(v.member("n")).contains(JsonValue.JsonNull.INSTANCE);
    assertThat(v.member("o")).contains(new JsonValue.JsonObject(Map.of()));
    assertThat(v.member("missing")).isEmpty();
    assertThat(v.member("o").flatMap(JsonValue::scalarText)).isEmpty();
  }

  @Test
  void shouldNameLineAndColumnOfWhatIsWrong() {
    assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": 1,\n  \"b\" 2}"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("line 3, column 7: unexpected '2', expected ':'");
    assertThatThrownBy(() -> JsonReader.parse("[1, 2,]"))
        .hasMessage("line 1, column 7: unexpected ']', expected a value");
    assertThatThrownBy(() -> JsonReader.parse("{\"a\": 01}"))
        .hasMessage("line 1, column 8: unexpected '1', expected ',' or '}'");
    assertThatThrownBy(() -> JsonReader.parse("{} x"))
        .hasMessage("line 1, column 4: unexpected 'x' after the value");
    assertThatThrownBy(() -> JsonReader.parse("\"abc"))
        .hasMessage("line 1, column 5: unexpected end of text inside a string");
    assertThatThrownBy(() -> JsonReader.parse("\"a\\qb\""))
        .hasMessage("line 1, column 4: unknown escape \\q inside a string");
    assertThatThrownBy(() -> JsonReader.parse("-.5"))
        .hasMessage("line 1, column 2: a number needs a digit after '-'");
    assertThatThrownBy(() -> JsonReader.parse("1.e3"))
        .hasMessage("line 1, column 3: a number needs a digit after '.'");
    assertThatThrownBy(() -> JsonReader.parse("nul"))
        .hasMessage("line 1, column 1: unexpected 'n', expected a value");
    assertThatThrownBy(() -> JsonReader.parse(""))
        .hasMessage("line 1, column 1: unexpected end of text, expected a value");
    assertThatThrownBy(() -> JsonReader.parse("[".repeat(JsonReader.MAX_DEPTH + 1)))
        .hasMessageContaining("nested deeper than " + JsonReader.MAX_DEPTH + " levels");
  }

  @Test
  void shouldReadTheRealOkxInstrumentsAnswer() throws Exception {
    Path file = SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");

    JsonValue v = JsonReader.parse(Files.readString(file));

    assertThat(v.member("code").flatMap(JsonValue::scalarText)).contains("0");
    assertThat(v.member("data").orElseThrow()).isInstanceOf(JsonValue.JsonArray.class);
    assertThat(((JsonValue.JsonArray) v.member("data").orElseThrow()).elements()).isNotEmpty();
  }

  @Property
  void shouldReadAnyStringBackAsWritten(@ForAll String s) {
    assertThat(JsonReader.parse(quote(s))).isEqualTo(new JsonValue.JsonString(s));
  }

  @Property
  void shouldKeepAnyDecimalExactly(@ForAll BigDecimal d) {
    JsonValue v = JsonReader.parse("[" + d + "]");

    JsonValue n = ((JsonValue.JsonArray) v).elements().get(0);
    assertThat(new BigDecimal(n.scalarText().orElseThrow())).isEqualTo(d);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
