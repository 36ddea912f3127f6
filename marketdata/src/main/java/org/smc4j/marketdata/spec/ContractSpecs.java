package org.smc4j.marketdata.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.instrument.ContractSpec;

/**
 * The contract specs of one {@code --specs} file, found by instrument id. Every command that takes
 * {@code --specs} reads it here, so all accept the same two formats and the same ids:
 *
 * <ul>
 *   <li>an OKX instruments response as {@code GET /api/v5/public/instruments} returns it (a JSON
 *       object, recognised by its leading <code>{</code>); instruments that cannot be mapped are
 *       kept as {@link #unreadable()} messages beside the others;
 *   <li>a spec CSV with OKX's field names ({@link ContractSpecFile}).
 * </ul>
 *
 * <p>An id is found exactly, else by its {@linkplain #key key}: {@code BTC-USDT-SWAP}, {@code
 * BTC-USDT} and {@code BTCUSDT} are the same instrument.
 */
public final class ContractSpecs {

  private final String source;
  private final List<ContractSpec> specs;
  private final List<String> unreadable;
  private final Map<String, ContractSpec> byId = new HashMap<>();
  private final Map<String, ContractSpec> byKey = new HashMap<>();

  private ContractSpecs(String source, List<ContractSpec> specs, List<String> unreadable) {
    this.source = source;
    this.specs = List.copyOf(specs);
    this.unreadable = List.copyOf(unreadable);
    for (ContractSpec s : this.specs) {
      byId.putIfAbsent(s.instrumentId(), s);
      byKey.putIfAbsent(key(s.instrumentId()), s);
    }
  }

  /**
   * Reads a spec file of either format.
   *
   * @param file an OKX instruments JSON or a spec CSV (UTF-8)
   * @return the specs
   * @throws UncheckedIOException when the file cannot be read (a {@link NoSuchFileException} cause
   *     when it does not exist)
   * @throws IllegalArgumentException naming the file when its content is invalid
   */
  public static ContractSpecs read(Path file) {
    Objects.requireNonNull(file, "file");
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(
          "cannot read contract spec file " + file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read contract spec file " + file + ": " + e.getMessage(), e);
    }
    return parse(content, file.toString());
  }

  /**
   * Parses spec file content of either format.
   *
   * @param content the whole file
   * @param source the name used in messages, e.g. the file name
   * @return the specs
   * @throws IllegalArgumentException naming the source when the content is invalid
   */
  public static ContractSpecs parse(String content, String source) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    if (content.stripLeading().startsWith("{")) {
      ContractSpecFile.OkxInstruments read = ContractSpecFile.parseOkxInstruments(content, source);
      return new ContractSpecs(source, read.specs(), read.unreadable());
    }
    return new ContractSpecs(source, ContractSpecFile.parse(content, source), List.of());
  }

  /**
   * Wraps specs obtained elsewhere (e.g. fetched live from OKX).
   *
   * @param source where they came from, for messages
   * @param specs the specs
   * @param unreadable one message per instrument that could not be read
   * @return the catalogue
   */
  public static ContractSpecs of(String source, List<ContractSpec> specs, List<String> unreadable) {
    return new ContractSpecs(
        Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(specs, "specs"),
        Objects.requireNonNull(unreadable, "unreadable"));
  }

  /**
   * Returns the key under which ids match: upper case, a trailing {@code -SWAP} dropped, only
   * letters and digits kept. {@code BTC-USDT-SWAP} and {@code btcusdt} both give {@code BTCUSDT}.
   *
   * @param id an instrument id or symbol
   * @return the key
   */
  public static String key(String id) {
    String s = id.toUpperCase(Locale.ROOT);
    if (s.endsWith("-SWAP")) {
      s = s.substring(0, s.length() - "-SWAP".length());
    }
    return s.replaceAll("[^A-Z0-9]", "");
  }

  /**
   * Finds the spec of a symbol: by exact id, else by {@link #key}.
   *
   * @param symbol e.g. {@code BTCUSDT} or {@code BTC-USDT-SWAP}
   * @return the spec
   */
  public Optional<ContractSpec> find(String symbol) {
    ContractSpec exact = byId.get(symbol);
    return exact != null ? Optional.of(exact) : Optional.ofNullable(byKey.get(key(symbol)));
  }

  /**
   * Returns the message of an instrument of this file that matches the symbol but could not be
   * read.
   *
   * @param symbol the symbol looked for
   * @return the failure message
   */
  public Optional<String> unreadable(String symbol) {
    String k = key(symbol);
    return unreadable.stream().filter(f -> key(f).contains(k)).findFirst();
  }

  /** Returns where the specs came from (file name or URL). */
  public String source() {
    return source;
  }

  /** Returns every spec read, in file order. */
  public List<ContractSpec> all() {
    return specs;
  }

  /** Returns one message per instrument that could not be read. */
  public List<String> unreadable() {
    return unreadable;
  }
}
