package org.smc4j.live.scan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-lines signals file, appended to idempotently: a line whose signal id is already in the
 * file's tail (the last {@value #TAIL_BYTES} bytes when opened) or was appended by this process is
 * not written again, so redelivering a signal after a crash never doubles its line.
 */
final class SignalsFile implements AutoCloseable {

  /** How much of an existing file's end is read for the ids already written. */
  static final int TAIL_BYTES = 1 << 20;

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final Path file;
  private final BufferedWriter writer;
  private final Set<String> written = new HashSet<>();

  /**
   * Opens (creating) the file for appending and reads the ids in its tail.
   *
   * @param file the file; its folder is created when missing
   * @throws UncheckedIOException when it cannot be read or opened
   */
  SignalsFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.exists(file)) {
        written.addAll(tailIds(file));
      }
      this.writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open signals file " + file + ": " + e, e);
    }
  }

  private static Set<String> tailIds(Path file) throws IOException {
    Set<String> ids = new HashSet<>();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(0, raf.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - from)];
      raf.seek(from);
      raf.readFully(bytes);
      Matcher m = ID.matcher(new String(bytes, StandardCharsets.UTF_8));
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * Appends the line (then flushes) unless the signal's line is already in the file.
   *
   * @param id the signal id
   * @param jsonLine its JSON line, without line break
   * @return {@code true} when written, {@code false} when it was already there
   * @throws IOException when the write fails (the delivery stays pending)
   */
  synchronized boolean append(String id, String jsonLine) throws IOException {
    if (written.contains(id)) {
      return false;
    }
    writer.write(jsonLine);
    writer.newLine();
    writer.flush();
    written.add(id);
    return true;
  }

  /** Returns the file. */
  Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
