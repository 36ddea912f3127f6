package org.smc4j.marketdata.okx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.json.JsonReader;
import org.smc4j.marketdata.json.JsonSyntaxException;
import org.smc4j.marketdata.json.JsonValue;

/**
 * Maps the OKX v5 {@code GET /api/v5/public/instruments} response into {@link ContractSpec}s.
 * Stateless and thread-safe.
 *
 * <p>OKX sends every number as a JSON string ({@code "ctVal": "0.01"}); they are parsed into exact
 * {@link BigDecimal}s, never through {@code double}. Fields unknown to this mapper are ignored (OKX
 * adds fields over time). Only contracts ({@code instType} {@code SWAP} or {@code FUTURES}) are
 * mapped; an instrument that is not a contract, or lacks or garbles a field, is reported as a
 * failure beside the others instead of failing the whole list.
 */
public final class OkxInstrumentMapper {

  private OkxInstrumentMapper() {}

  /**
   * The instruments of one response: the specs that mapped, and one message per instrument that did
   * not.
   *
   * @param specs the mapped specs, in response order
   * @param failures one sentence per skipped instrument, naming its position, id and field
   */
  public record Mapped(List<ContractSpec> specs, List<String> failures) {

    /** Copies both lists. */
    public Mapped {
      specs = List.copyOf(Objects.requireNonNull(specs, "specs"));
      failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    }
  }

  /**
   * Maps a whole response body.
   *
   * @param body the JSON body of {@code /api/v5/public/instruments}
   * @param source what the body came from, for messages (a file name or the request URL)
   * @return the mapped specs and per-instrument failures
   * @throws MarketDataException when the body is not JSON, its {@code code} is not {@code "0"} (an
   *     OKX error answered with HTTP 200), or it has no {@code data} array
   */
  public static Mapped mapResponse(String body, String source) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(source, "source");
    JsonValue root;
    try {
      root = JsonReader.parse(body);
    } catch (JsonSyntaxException e) {
      throw new MarketDataException(
          source + ": not a JSON instruments response: " + e.getMessage(), e);
    }
    if (!(root instanceof JsonValue.JsonObject)) {
      throw new MarketDataException(source + ": expected a JSON object with code, msg and data");
    }
    String code = root.member("code").flatMap(JsonValue::scalarText).orElse(null);
    if (!"0".equals(code)) {
      String msg = root.member("msg").flatMap(JsonValue::scalarText).orElse("");
      throw new MarketDataException(
          source
              + ": OKX returned code "
              + (code == null ? "(missing)" : code)
              + (msg.isEmpty() ? "" : " \"" + msg + "\"")
              + " instead of 0");
    }
    if (!(root.member("data").orElse(null) instanceof JsonValue.JsonArray data)) {
      throw new MarketDataException(source + ": field data must be an array of instruments");
    }
    List<ContractSpec> specs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < data.elements().size(); i++) {
      JsonValue instrument = data.elements().get(i);
      try {
        specs.add(map(instrument));
      } catch (IllegalArgumentException e) {
        String id = instrument.member("instId").flatMap(JsonValue::scalarText).orElse("no instId");
        failures.add(
            String.format(
                Locale.ROOT, "%s: instrument %d (%s): %s", source, i, id, e.getMessage()));
      }
    }
    return new Mapped(specs, failures);
  }

  /**
   * Maps one element of the response's {@code data} array.
   *
   * @param instrument one OKX instrument object
   * @return its contract spec
   * @throws IllegalArgumentException naming the field when the instrument is not a contract, a
   *     field is missing or empty, a number does not parse, or the spec breaks a {@link
   *     ContractSpec} rule
   */
  public static ContractSpec map(JsonValue instrument) {
    Objects.requireNonNull(instrument, "instrument");
    if (!(instrument instanceof JsonValue.JsonObject)) {
      throw new IllegalArgumentException("expected a JSON object, was a " + instrument.kind());
    }
    String instType = text(instrument, "instType");
    if (!instType.equals("SWAP") && !instType.equals("FUTURES")) {
      throw new IllegalArgumentException(
          "field instType: only SWAP and FUTURES contracts are mapped, was " + instType);
    }
    ContractType type;
    try {
      type = ContractType.parse(text(instrument, "ctType"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field ctType: " + e.getMessage(), e);
    }
    InstrumentState state;
    try {
      state = InstrumentState.parse(text(instrument, "state"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field state: " + e.getMessage(), e);
    }
    return new ContractSpec(
        text(instrument, "instId"),
        type,
        text(instrument, "settleCcy"),
        decimal(instrument, "ctVal"),
        decimal(instrument, "ctMult"),
        text(instrument, "ctValCcy"),
        decimal(instrument, "tickSz"),
        decimal(instrument, "lotSz"),
        decimal(instrument, "minSz"),
        decimal(instrument, "maxLmtSz"),
        decimal(instrument, "maxMktSz"),
        state);
  }

  private static String text(JsonValue node, String field) {
    JsonValue value = node.member(field).orElse(JsonValue.JsonNull.INSTANCE);
    if (value instanceof JsonValue.JsonNull) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    String text =
        value
            .scalarText()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("field " + field + " must be a string or number"))
            .strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("field " + field + " is empty");
    }
    return text;
  }

  private static BigDecimal decimal(JsonValue node, String field) {
    String text = text(node, field);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "field " + field + " is not a decimal number: \"" + text + "\"", e);
    }
  }
}
