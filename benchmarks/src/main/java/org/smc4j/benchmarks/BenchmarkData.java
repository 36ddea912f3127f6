package org.smc4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the real candle data ({@code ../shared/data} beside the project) for benchmarks: the
 * {@code smc4j.shared.dir} system property when set, else the first {@code shared/data} folder
 * beside the working directory or one of its parents. The data is never copied into the project.
 */
public final class BenchmarkData {

  private BenchmarkData() {}

  /**
   * Returns the {@code shared/data} folder.
   *
   * @throws IllegalStateException when it cannot be found; the message says where it looked
   */
  public static Path dataDir() {
    String configured = System.getProperty("smc4j.shared.dir");
    if (configured != null && !configured.isBlank()) {
      Path data = Paths.get(configured).resolve("data").toAbsolutePath().normalize();
      if (Files.isDirectory(data)) {
        return data;
      }
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "real data not found: set -Dsmc4j.shared.dir=<path of shared> or run from the project"
            + " folder that has ../shared/data beside it (working directory "
            + Paths.get("").toAbsolutePath()
            + ")");
  }

  /**
   * Returns the CSV files of a folder under {@code shared/data}, sorted by name.
   *
   * @param relative e.g. {@code binance-usdm/BTCUSDT/5m}
   * @return the files
   * @throws IllegalStateException when the folder is missing or holds no CSV file
   */
  public static List<Path> csvFiles(String relative) {
    Path dir = dataDir().resolve(relative);
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files =
          s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no CSV files in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
