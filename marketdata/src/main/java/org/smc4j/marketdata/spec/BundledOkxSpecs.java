package org.smc4j.marketdata.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.json.JsonReader;
import org.smc4j.marketdata.json.JsonValue;

/**
 * OKX contract specs shipped with smc4j, for offline use ({@code backtest}, {@code scan --replay},
 * {@code size}) when no {@code --specs} file is given: a dated copy of OKX's {@code GET
 * /api/v5/public/instruments?instType=SWAP} answer for the USDT swaps a user most needs, with OKX's
 * field names, read by {@link ContractSpecFile#parseOkxInstruments} (no JSON library needed). It is
 * what {@link ContractSpecSource#offlineDefault()} looks a symbol up in when no {@code --specs} is
 * given.
 *
 * <p>The resource is {@value #RESOURCE}. Besides OKX's envelope ({@code code}, {@code msg}, {@code
 * data}) it carries {@code asOf} (the date of the answer), {@code source} and {@code selection}.
 * Symbols are matched in any of the usual spellings: {@code BTC-USDT-SWAP}, {@code BTCUSDT}, {@code
 * BTC-USDT}, {@code btcusdt}. A symbol the resource lacks has no spec here: the caller falls back
 * to inference and says so per symbol ({@link #fallbackNote(String)}).
 *
 * @param asOf the date of the OKX answer the specs were taken from
 * @param source where the answer came from
 * @param specs the specs, in the resource's order
 */
public record BundledOkxSpecs(LocalDate asOf, String source, List<ContractSpec> specs) {

  /** The classpath resource holding the specs. */
  public static final String RESOURCE = "/org/smc4j/marketdata/spec/okx-usdt-swaps-2025-10-24.json";

  /**
   * Copies the specs.
   *
   * @throws IllegalArgumentException when two specs have the same symbol
   */
  public BundledOkxSpecs {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    specs = List.copyOf(specs);
    Map<String, String> seen = new LinkedHashMap<>();
    for (ContractSpec s : specs) {
      String previous = seen.put(symbolKey(s.instrumentId()), s.instrumentId());
      if (previous != null) {
        throw new IllegalArgumentException(
            "specs: " + s.instrumentId() + " and " + previous + " are the same symbol");
      }
    }
  }

  /**
   * Reads the shipped resource.
   *
   * @return the bundled specs
   * @throws MarketDataException when the resource is missing or is not a readable instruments
   *     answer with an {@code asOf} date (a packaging error), or an instrument in it cannot be
   *     mapped
   */
  public static BundledOkxSpecs load() {
    String body;
    try (InputStream in = BundledOkxSpecs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new MarketDataException(RESOURCE + ": resource missing from the classpath");
      }
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MarketDataException(RESOURCE + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(body, RESOURCE);
  }

  /**
   * Reads a bundle from its text (the resource's format).
   *
   * @param body the JSON text
   * @param name what the text came from, for messages
   * @return the specs
   * @throws MarketDataException when the text is not an instruments answer with an {@code asOf}
   *     date, or an instrument cannot be mapped
   */
  public static BundledOkxSpecs parse(String body, String name) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(name, "name");
    ContractSpecFile.OkxInstruments read;
    JsonValue root;
    try {
      read = ContractSpecFile.parseOkxInstruments(body, name);
      root = JsonReader.parse(body);
    } catch (IllegalArgumentException e) {
      throw new MarketDataException(e.getMessage(), e);
    }
    if (!read.unreadable().isEmpty()) {
      throw new MarketDataException(read.unreadable().get(0));
    }
    String asOf = root.member("asOf").flatMap(JsonValue::scalarText).orElse("");
    try {
      return new BundledOkxSpecs(
          LocalDate.parse(asOf),
          root.member("source").flatMap(JsonValue::scalarText).orElse(name),
          read.specs());
    } catch (DateTimeParseException e) {
      throw new MarketDataException(
          name + ": field asOf must be a date such as 2025-10-24, was \"" + asOf + "\"", e);
    }
  }

  /**
   * Returns the spec of a symbol.
   *
   * @param symbol {@code BTC-USDT-SWAP}, {@code BTCUSDT}, {@code BTC-USDT} or any case of them
   * @return its spec, or empty when the bundle lacks it
   */
  public Optional<ContractSpec> find(String symbol) {
    String key = symbolKey(Objects.requireNonNull(symbol, "symbol"));
    return specs.stream().filter(s -> symbolKey(s.instrumentId()).equals(key)).findFirst();
  }

  /**
   * Returns how messages name the bundle, e.g. {@code the OKX specs shipped with smc4j, 2 USDT
   * swaps as of 2025-10-24}.
   *
   * @return the label
   */
  public String label() {
    return "the OKX specs shipped with smc4j, " + specs.size() + " USDT swaps as of " + asOf;
  }

  /**
   * Returns the line a command prints for a symbol the bundle lacks, e.g. {@code NEARUSDT: not in
   * the OKX specs shipped with smc4j (2 USDT swaps as of 2025-10-24); contract spec inferred from
   * the candles}.
   *
   * @param symbol the symbol
   * @return the line
   */
  public String fallbackNote(String symbol) {
    return symbol
        + ": not in the OKX specs shipped with smc4j ("
        + specs.size()
        + " USDT swaps as of "
        + asOf
        + "); contract spec inferred from the candles";
  }

  /**
   * Returns the line a command prints for a symbol the bundle has, e.g. {@code BTCUSDT: OKX spec
   * BTC-USDT-SWAP as of 2025-10-24 (shipped with smc4j)}.
   *
   * @param symbol the symbol
   * @param spec its spec from {@link #find(String)}
   * @return the line
   */
  public String foundNote(String symbol, ContractSpec spec) {
    return symbol
        + ": OKX spec "
        + spec.instrumentId()
        + " as of "
        + asOf
        + " (shipped with smc4j; pass --specs for newer ones)";
  }

  /**
   * Returns the key under which the spellings of one symbol meet: {@code BTC-USDT-SWAP}, {@code
   * BTC-USDT} and {@code btcusdt} all become {@code BTCUSDT}.
   *
   * @param symbol a symbol in any of those spellings
   * @return the key
   */
  public static String symbolKey(String symbol) {
    String s = symbol.strip().toUpperCase(Locale.ROOT);
    if (s.endsWith("-SWAP")) {
      s = s.substring(0, s.length() - "-SWAP".length());
    }
    return s.replace("-", "").replace("_", "").replace("/", "");
  }
}
