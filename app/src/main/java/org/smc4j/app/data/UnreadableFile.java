package org.smc4j.app.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file that could not be read at all.
 *
 * @param file the file
 * @param message why, from the reader
 */
public record UnreadableFile(Path file, String message) implements FileCheck {

  /** Checks for nulls. */
  public UnreadableFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** An unreadable file is counted apart; it has no row problem. */
  @Override
  public Optional<String> firstProblem() {
    return Optional.empty();
  }
}
