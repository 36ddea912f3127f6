package org.smc4j.cli.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.smc4j.marketdata.MarketDataException;

/** Expands command-line inputs (files and directories) into CSV files. */
public final class CsvInputs {

  private CsvInputs() {}

  /**
   * Returns the files named and the {@code .csv} files found under the directories named (walked
   * recursively, sorted by path), each once, in that order.
   *
   * @param inputs files or directories
   * @return the files
   * @throws MarketDataException when an input does not exist or a directory cannot be walked
   */
  public static List<Path> expand(List<Path> inputs) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(input)) {
          found =
              walk.filter(Files::isRegularFile)
                  .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                  .sorted()
                  .toList();
        } catch (IOException e) {
          throw new MarketDataException("cannot walk " + input + ": " + e, e);
        }
        for (Path f : found) {
          if (seen.add(f.toAbsolutePath().normalize())) {
            files.add(f);
          }
        }
      } else if (Files.isRegularFile(input)) {
        if (seen.add(input.toAbsolutePath().normalize())) {
          files.add(input);
        }
      } else {
        throw new MarketDataException("no such file or directory: " + input);
      }
    }
    return files;
  }
}
