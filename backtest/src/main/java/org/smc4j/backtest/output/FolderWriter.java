package org.smc4j.backtest.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes several files into the folder it is given (a scratch folder emptied afterwards). */
@FunctionalInterface
public interface FolderWriter {

  /**
   * Writes the files.
   *
   * @param folder an empty folder that exists
   * @return the files written, each directly inside {@code folder}
   * @throws IOException when a file cannot be written
   */
  List<Path> writeInto(Path folder) throws IOException;
}
