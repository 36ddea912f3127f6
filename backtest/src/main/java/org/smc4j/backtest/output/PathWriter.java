package org.smc4j.backtest.output;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one file at the path it is given (a temporary name that is renamed afterwards). */
@FunctionalInterface
public interface PathWriter {

  /**
   * Writes the file.
   *
   * @param file where to write; its parent folder exists
   * @throws IOException when the file cannot be written
   */
  void writeTo(Path file) throws IOException;
}
