package org.smc4j.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The one folder the scanner writes into: its journal, JSON-lines file and logs, wherever the
 * command was started (never the project folder unless asked for). It is {@code --data-dir}, else
 * {@code output.data-dir}, else the platform's data folder: {@code $XDG_DATA_HOME/smc4j} when that
 * variable holds an absolute path (the XDG Base Directory rule), else {@code ~/.local/share/smc4j}.
 *
 * @param path the folder, absolute
 * @param platformDefault whether it is the platform's default (nothing configured)
 */
public record DataFolder(Path path, boolean platformDefault) {

  /** The folder's name under the platform's data home. */
  public static final String NAME = "smc4j";

  /**
   * Validates the path.
   *
   * @throws IllegalArgumentException when the path is not absolute
   */
  public DataFolder {
    Objects.requireNonNull(path, "path");
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("data folder must be absolute, was " + path);
    }
  }

  /**
   * Returns the data folder of a configuration.
   *
   * @param output the output section ({@code data-dir} set or not)
   * @param env the environment (for {@code XDG_DATA_HOME})
   * @param userHome the user's home folder
   * @return the folder
   */
  public static DataFolder of(OutputConfig output, Map<String, String> env, Path userHome) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(userHome, "userHome");
    if (output.dataDir().isPresent()) {
      return new DataFolder(output.dataDir().get().toAbsolutePath().normalize(), false);
    }
    String xdg = env.getOrDefault("XDG_DATA_HOME", "").strip();
    Path home = userHome.resolve(".local").resolve("share");
    if (!xdg.isEmpty()) {
      try {
        Path p = Path.of(xdg);
        // The spec says a relative value is invalid and must be ignored.
        if (p.isAbsolute()) {
          home = p;
        }
      } catch (InvalidPathException e) {
        // not a path: ignored like a relative one
      }
    }
    return new DataFolder(home.resolve(NAME).toAbsolutePath().normalize(), true);
  }

  /**
   * Returns the data folder of this process: {@link #of} with the environment and {@code
   * user.home}.
   *
   * @param output the output section
   * @return the folder
   */
  public static DataFolder current(OutputConfig output) {
    return of(output, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Places a configuration's output and log files in this process's data folder ({@link #current},
   * {@link #apply}) and creates their folders ({@link #create}).
   *
   * @param config the configuration as loaded
   * @return the configuration with absolute output paths
   * @throws UncheckedIOException when a folder cannot be created
   */
  public static Smc4jConfig placed(Smc4jConfig config) {
    DataFolder folder = current(config.output());
    Smc4jConfig applied = folder.apply(config);
    folder.create(applied);
    return applied;
  }

  /**
   * Returns a file of the folder: a relative path lies in it, an absolute one stays.
   *
   * @param file the configured file
   * @return the absolute file
   */
  public Path resolve(Path file) {
    return file.isAbsolute() ? file : path.resolve(file).normalize();
  }

  /**
   * Returns the configuration with the journal, the JSON-lines file and the log file placed in this
   * folder, and the folder recorded in the output section.
   *
   * @param config the configuration
   * @return the configuration with absolute output paths
   */
  public Smc4jConfig apply(Smc4jConfig config) {
    OutputConfig o = config.output();
    LoggingConfig l = config.logging();
    return config
        .withOutput(new OutputConfig(o.dataDir(), resolve(o.journal()), resolve(o.signals())))
        .withLogging(
            new LoggingConfig(resolve(l.file()), l.level(), l.maxFileSizeMb(), l.maxHistoryDays()));
  }

  /**
   * Creates the folders of the configuration's output files (the data folder itself only when a
   * file lies in it).
   *
   * @param config a configuration from {@link #apply}
   * @throws UncheckedIOException when a folder cannot be created
   */
  public void create(Smc4jConfig config) {
    try {
      for (Path f :
          new Path[] {
            config.output().journal(), config.output().signals(), config.logging().file()
          }) {
        Path parent = f.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data folder " + path + ": " + e.getMessage(), e);
    }
  }

  /** Returns one line saying where the scanner's files go. */
  public String describe(Smc4jConfig applied) {
    return "data folder: "
        + path
        + (platformDefault ? " (default; --data-dir or output.data-dir to change)" : "")
        + "; journal "
        + applied.output().journal()
        + ", signals "
        + applied.output().signals()
        + ", log "
        + applied.logging().file();
  }
}
