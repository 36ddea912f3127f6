package org.smc4j.marketdata.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.marketdata.json.JsonReader;
import org.smc4j.marketdata.json.JsonValue;

/**
 * Reads a user-supplied contract spec CSV, for historical candles from venues whose specs cannot be
 * fetched (STRATEGY.md section 8); {@link ContractSpecs#read} reads it or an OKX instruments JSON.
 * The format is CSV with a header row naming the columns with OKX's instrument field names, in any
 * order:
 *
 * <pre>
 * # Binance USD-M BTCUSDT as of 2024-06 (comment lines start with #, blank lines are skipped)
 * instId,ctType,settleCcy,ctVal,ctMult,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz,state
 * BTCUSDT,linear,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,live
 * </pre>
 *
 * <p>Required columns: {@code instId, ctType, settleCcy, ctVal, ctValCcy, tickSz, lotSz, minSz,
 * maxLmtSz, maxMktSz}; optional: {@code ctMult} (default 1) and {@code state} (default {@code
 * live}). Values are plain decimals (no thousands separators, no quotes). Every error names the
 * file, the line and the field, e.g. {@code specs.csv:3:tickSz: must be > 0, was -0.1}.
 */
public final class ContractSpecFile {

  private static final List<String> REQUIRED =
      List.of(
          "instId",
          "ctType",
          "settleCcy",
          "ctVal",
          "ctValCcy",
          "tickSz",
          "lotSz",
          "minSz",
          "maxLmtSz",
          "maxMktSz");
  private static final List<String> OPTIONAL = List.of("ctMult", "state");

  private ContractSpecFile() {}

  /**
   * Reads a spec file.
   *
   * @param file the file (UTF-8)
   * @return the specs in file order
   * @throws IllegalArgumentException naming {@code file:line:field} when the content is invalid
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<ContractSpec> read(Path file) {
    Objects.requireNonNull(file, "file");
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract spec file " + file, e);
    }
    return parse(content, file.toString());
  }

  /**
   * Parses spec file content.
   *
   * @param content the whole file
   * @param source the name used in error messages, e.g. the file name
   * @return the specs in file order; at least one
   * @throws IllegalArgumentException naming {@code source:line:field} when the content is invalid:
   *     no header, an unknown, duplicate or missing column, a wrong number of values, a value that
   *     does not parse or breaks a {@link ContractSpec} rule, a duplicate {@code instId}, or no
   *     spec
   */
  public static List<ContractSpec> parse(String content, String source) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    String[] lines = content.split("\\R", -1);
    Map<String, Integer> columns = null;
    List<ContractSpec> specs = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (columns == null) {
        columns = header(cells, source, lineNo);
        continue;
      }
      if (cells.length != columns.size()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s:%d: expected %d comma-separated values as in the header, found %d",
                source,
                lineNo,
                columns.size(),
                cells.length));
      }
      ContractSpec spec = row(cells, columns, source, lineNo);
      Integer firstLine = seen.putIfAbsent(spec.instrumentId(), lineNo);
      if (firstLine != null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s:%d:instId: duplicate instrument %s, first defined on line %d",
                source,
                lineNo,
                spec.instrumentId(),
                firstLine));
      }
      specs.add(spec);
    }
    if (columns == null) {
      throw new IllegalArgumentException(
          source + ":1: no header row; expected columns " + String.join(",", REQUIRED));
    }
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(source + ": header found but no contract spec rows");
    }
    return List.copyOf(specs);
  }

  /**
   * The instruments of an OKX instruments answer: the specs read, and one message per instrument
   * that could not be read.
   *
   * @param specs the specs, in answer order
   * @param unreadable one message per skipped instrument, naming its position, id and field
   */
  public record OkxInstruments(List<ContractSpec> specs, List<String> unreadable) {

    /** Copies both lists. */
    public OkxInstruments {
      specs = List.copyOf(specs);
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * Reads an OKX {@code GET /api/v5/public/instruments} answer (OKX's field names, numbers as JSON
   * strings) with the same field rules as the CSV. Only contracts ({@code instType} {@code SWAP} or
   * {@code FUTURES}) are read; an instrument that is not one, or lacks or garbles a field, is
   * listed in {@link OkxInstruments#unreadable()} beside the others. Fields other than the CSV
   * columns are ignored (OKX adds fields over time).
   *
   * @param content the JSON text
   * @param source the name used in messages, e.g. the file name
   * @return the specs and the instruments that could not be read
   * @throws IllegalArgumentException naming the source when the text is not JSON, its {@code code}
   *     is not {@code "0"} (an OKX error answered with HTTP 200), or it has no {@code data} array
   */
  public static OkxInstruments parseOkxInstruments(String content, String source) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    JsonValue root;
    try {
      root = JsonReader.parse(content);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          source + ": not an OKX instruments answer: " + e.getMessage(), e);
    }
    if (!(root instanceof JsonValue.JsonObject)) {
      throw new IllegalArgumentException(
          source + ": expected a JSON object with code, msg and data");
    }
    Optional<String> code = root.member("code").flatMap(JsonValue::scalarText);
    if (!code.equals(Optional.of("0"))) {
      String msg = root.member("msg").flatMap(JsonValue::scalarText).orElse("");
      throw new IllegalArgumentException(
          source
              + ": OKX returned code "
              + code.orElse("(missing)")
              + (msg.isEmpty() ? "" : " \"" + msg + "\"")
              + " instead of 0");
    }
    if (!(root.member("data").orElse(JsonValue.JsonNull.INSTANCE)
        instanceof JsonValue.JsonArray data)) {
      throw new IllegalArgumentException(source + ": field data must be an array of instruments");
    }
    List<ContractSpec> specs = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (int i = 0; i < data.elements().size(); i++) {
      JsonValue item = data.elements().get(i);
      String where =
          String.format(
              Locale.ROOT,
              "%s: instrument %d (%s)",
              source,
              i,
              item.member("instId").flatMap(JsonValue::scalarText).orElse("no instId"));
      try {
        specs.add(instrument(item, where));
      } catch (IllegalArgumentException e) {
        unreadable.add(e.getMessage());
      }
    }
    return new OkxInstruments(specs, unreadable);
  }

  private static ContractSpec instrument(JsonValue item, String where) {
    if (!(item instanceof JsonValue.JsonObject)) {
      throw new IllegalArgumentException(where + ": expected a JSON object");
    }
    String instType = item.member("instType").flatMap(JsonValue::scalarText).orElse("(missing)");
    if (!instType.equals("SWAP") && !instType.equals("FUTURES")) {
      throw new IllegalArgumentException(
          where + ": field instType: only SWAP and FUTURES contracts are read, was " + instType);
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> cells = new ArrayList<>();
    for (List<String> names : List.of(REQUIRED, OPTIONAL)) {
      for (String name : names) {
        Optional<JsonValue> value =
            item.member(name).filter(v -> !(v instanceof JsonValue.JsonNull));
        if (value.isEmpty()) {
          if (names == REQUIRED) {
            throw new IllegalArgumentException(where + ": field " + name + ": missing");
          }
          continue;
        }
        Optional<String> text = value.get().scalarText();
        if (text.isEmpty()) {
          throw new IllegalArgumentException(
              where + ": field " + name + ": must be a string or number");
        }
        columns.put(name, cells.size());
        cells.add(text.get());
      }
    }
    return row(new Cells(cells.toArray(String[]::new), columns, where, ": field "));
  }

  private static Map<String, Integer> header(String[] cells, String source, int lineNo) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int c = 0; c < cells.length; c++) {
      String name = cells[c].strip();
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s:%d:%s: unknown column; known columns are %s, %s",
                source,
                lineNo,
                name,
                String.join(",", REQUIRED),
                String.join(",", OPTIONAL)));
      }
      if (columns.putIfAbsent(name, c) != null) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s:%d:%s: column appears twice", source, lineNo, name));
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "%s:%d:%s: required column missing", source, lineNo, required));
      }
    }
    return columns;
  }

  private static ContractSpec row(
      String[] cells, Map<String, Integer> columns, String source, int lineNo) {
    return row(new Cells(cells, columns, source + ":" + lineNo, ":"));
  }

  private static ContractSpec row(Cells row) {
    Map<String, Integer> columns = row.columns();
    String instId = row.text("instId");
    ContractType type;
    try {
      type = ContractType.parse(row.text("ctType"));
    } catch (IllegalArgumentException e) {
      throw row.error("ctType", e.getMessage());
    }
    InstrumentState state;
    try {
      state =
          columns.containsKey("state")
              ? InstrumentState.parse(row.text("state"))
              : InstrumentState.LIVE;
    } catch (IllegalArgumentException e) {
      throw row.error("state", e.getMessage());
    }
    BigDecimal ctMult = columns.containsKey("ctMult") ? row.positive("ctMult") : BigDecimal.ONE;
    String settleCcy = row.text("settleCcy");
    BigDecimal ctVal = row.positive("ctVal");
    String ctValCcy = row.text("ctValCcy");
    BigDecimal tickSz = row.positive("tickSz");
    BigDecimal lotSz = row.positive("lotSz");
    BigDecimal minSz = row.positive("minSz");
    BigDecimal maxLmtSz = row.positive("maxLmtSz");
    BigDecimal maxMktSz = row.positive("maxMktSz");
    try {
      return new ContractSpec(
          instId, type, settleCcy, ctVal, ctMult, ctValCcy, tickSz, lotSz, minSz, maxLmtSz,
          maxMktSz, state);
    } catch (IllegalArgumentException e) {
      // Only the cross-field rules (minSz vs lotSz, max vs min) are left; the message names both.
      throw row.error(crossField(e.getMessage()), e.getMessage());
    }
  }

  private static String crossField(String message) {
    if (message.contains("maxLimitSize")) {
      return "maxLmtSz";
    }
    if (message.contains("maxMarketSize")) {
      return "maxMktSz";
    }
    return "minSz";
  }

  /**
   * One data row with its header, for field-level parsing and error messages: {@code where} names
   * the row ({@code file:3}, {@code file: instrument 2 (BTC-USD-SWAP)}) and {@code fieldSeparator}
   * joins it to the field.
   */
  private record Cells(
      String[] cells, Map<String, Integer> columns, String where, String fieldSeparator) {

    String text(String field) {
      String value = cells[columns.get(field)].strip();
      if (value.isEmpty()) {
        throw error(field, "value is empty");
      }
      return value;
    }

    BigDecimal positive(String field) {
      String value = text(field);
      BigDecimal number;
      try {
        number = new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw error(field, "not a decimal number: \"" + value + "\"");
      }
      if (number.signum() <= 0) {
        throw error(field, "must be > 0, was " + value);
      }
      return number;
    }

    IllegalArgumentException error(String field, String message) {
      return new IllegalArgumentException(where + fieldSeparator + field + ": " + message);
    }
  }
}
