package org.smc4j.marketdata.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.marketdata.MarketDataException;

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

  private static final ObjectMapper JSON = new ObjectMapper();

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
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MarketDataException(
          source + ": not a JSON instruments response: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MarketDataException(source + ": expected a JSON object with code, msg and data");
    }
    JsonNode code = root.get("code");
    if (code == null || !"0".equals(code.asText())) {
      JsonNode msg = root.get("msg");
      throw new MarketDataException(
          source
              + ": OKX returned code "
              + (code == null ? "(missing)" : code.asText())
              + (msg == null || msg.asText().isEmpty() ? "" : " \"" + msg.asText() + "\"")
              + " instead of 0");
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      throw new MarketDataException(source + ": field data must be an array of instruments");
    }
    List<ContractSpec> specs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode instrument = data.get(i);
      try {
        specs.add(map(instrument));
      } catch (IllegalArgumentException e) {
        JsonNode id = instrument.get("instId");
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: instrument %d (%s): %s",
                source,
                i,
                id == null ? "no instId" : id.asText(),
                e.getMessage()));
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
  public static ContractSpec map(JsonNode instrument) {
    Objects.requireNonNull(instrument, "instrument");
    if (!instrument.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, was " + instrument.getNodeType());
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

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field " + field + " is missing");
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException("field " + field + " must be a string or number");
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("field " + field + " is empty");
    }
    return text;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "field " + field + " is not a decimal number: \"" + text + "\"", e);
    }
  }
}
