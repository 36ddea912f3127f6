package org.smc4j.marketdata.csv.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.smc4j.marketdata.MarketDataException;

/**
 * A whole CSV file in memory as bytes, with its header line split off. Reading the file at once and
 * scanning bytes is what makes the readers fast; the files are a few MB at most.
 */
public final class CsvBytes {

  private final Path file;
  private final byte[] bytes;
  private final String header;
  private final int dataStart;

  private CsvBytes(Path file, byte[] bytes, String header, int dataStart) {
    this.file = file;
    this.bytes = bytes;
    this.header = header;
    this.dataStart = dataStart;
  }

  /**
   * Reads a file.
   *
   * @param file the file
   * @return its bytes and header
   * @throws MarketDataException when the file cannot be read, or is empty ({@code file:1: header:
   *     file is empty})
   */
  public static CsvBytes read(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MarketDataException("cannot read " + file + ": " + e, e);
    }
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    int eol = lineEnd(bytes, start);
    int textEnd = eol > start && bytes[eol - 1] == '\r' ? eol - 1 : eol;
    if (textEnd == start) {
      throw new MarketDataException(
          sourceName(file) + ":1: header: file is empty (no header line)");
    }
    String header = new String(bytes, start, textEnd - start, StandardCharsets.ISO_8859_1);
    int dataStart = eol < bytes.length ? eol + 1 : bytes.length;
    return new CsvBytes(file, bytes, header, dataStart);
  }

  /** Returns the index of the next {@code '\n'} at or after {@code from}, or the length. */
  public static int lineEnd(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return b.length;
  }

  /** Returns the file name as used in messages. */
  public static String sourceName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /** Returns the file name as used in messages. */
  public String source() {
    return sourceName(file);
  }

  /** Returns the whole file; do not modify. */
  public byte[] bytesUnsafe() {
    return bytes;
  }

  /** Returns the header line without its line break. */
  public String header() {
    return header;
  }

  /** Returns the index of the first byte after the header line. */
  public int dataStart() {
    return dataStart;
  }

  /** Returns an upper bound of the number of data lines (line breaks after the header, plus 1). */
  public int maxDataLines() {
    int count = 1;
    byte[] b = bytes;
    for (int i = dataStart; i < b.length; i++) {
      if (b[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
