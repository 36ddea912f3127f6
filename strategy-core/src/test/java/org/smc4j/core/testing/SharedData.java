package org.smc4j.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real exchange data in {@code ../shared/data} for tests and benchmarks. The folder is
 * never copied into the project: tests that need it skip with a message when it is absent.
 */
public final class SharedData {

  private SharedData() {}

  /**
   * Returns the {@code shared} folder: the {@code smc4j.shared.dir} system property when set (the
   * build sets it to the folder beside the project), else the first {@code shared} folder found
   * beside the working directory or one of its parents.
   */
  public static Path sharedDir() {
    String configured = System.getProperty("smc4j.shared.dir");
    if (configured != null && !configured.isBlank()) {
      Path p = Paths.get(configured).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return candidate.normalize();
      }
      dir = dir.getParent();
    }
    return Paths.get(configured == null ? "../shared" : configured).toAbsolutePath().normalize();
  }

  /** Returns {@code shared/data}. */
  public static Path dataDir() {
    return sharedDir().resolve("data");
  }

  /**
   * Returns a path under {@code shared/data}, skipping the calling test (JUnit assumption) with a
   * message naming the path when it does not exist.
   *
   * @param relative a path relative to {@code shared/data}, e.g. {@code binance-usdm/BTCUSDT/5m}
   */
  public static Path requireData(String relative) {
    Path p = dataDir().resolve(relative);
    Assumptions.assumeTrue(
        Files.exists(p), () -> "real data not found at " + p + ": test skipped (see README)");
    return p;
  }

  /**
   * Returns a path under {@code shared}, skipping the calling test when it does not exist.
   *
   * @param relative a path relative to {@code shared}, e.g. {@code okx-fixtures}
   */
  public static Path requireShared(String relative) {
    Path p = sharedDir().resolve(relative);
    Assumptions.assumeTrue(
        Files.exists(p), () -> "shared file not found at " + p + ": test skipped (see README)");
    return p;
  }
}
