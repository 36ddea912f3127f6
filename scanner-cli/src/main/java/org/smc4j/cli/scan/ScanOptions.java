package org.smc4j.cli.scan;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.OutputConfig;
import org.smc4j.app.config.Smc4jConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code scan} that set up its configuration, files and clock: the file, the
 * overrides of its keys and the data folder.
 */
public final class ScanOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (default: smc4j.yaml when present, else built-in defaults)")
  Path configFile;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      defaultValue = ".env",
      description =
          "Where secrets are read when not in the environment (default: ${DEFAULT-VALUE})")
  Path envFile;

  @Option(names = "--print-config", description = "Print the effective configuration and exit")
  boolean printConfig;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Override output.data-dir: the folder of the journal, signals file and logs (default:"
              + " $XDG_DATA_HOME/smc4j, else ~/.local/share/smc4j)")
  Path dataDir;

  @Option(names = "--okx-url", paramLabel = "URL", description = "Override okx.base-url")
  URI okxUrl;

  @Option(names = "--top", paramLabel = "N", description = "Override scan.top-n")
  Integer top;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Override output.journal (relative to the working directory)")
  Path journalFile;

  @Option(
      names = "--signals",
      paramLabel = "FILE",
      description = "Override output.signals (relative to the working directory)")
  Path signalsFile;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description =
          "Run as if the wall clock showed INSTANT when the command starts (the clock then runs"
              + " on), e.g. to re-run a past cycle against a recorded OKX server")
  String now;

  /** Creates the options (picocli). */
  public ScanOptions() {}

  /**
   * Reads the configuration file and applies the options given.
   *
   * @return the effective configuration (paths not yet placed in the data folder)
   * @throws ConfigException naming the file and key, or the option, when a value is invalid
   */
  Smc4jConfig config() {
    Smc4jConfig c = ConfigLoader.load(ConfigLoader.locate(configFile));
    if (okxUrl != null) {
      String scheme = okxUrl.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || okxUrl.getHost() == null) {
        throw new ConfigException("--okx-url", "must be an http(s) URL, was '" + okxUrl + "'");
      }
      c = c.withOkx(c.okx().withBaseUrl(okxUrl));
    }
    if (top != null) {
      if (top < 1 || top > 500) {
        throw new ConfigException("--top", "must be in [1, 500], was " + top);
      }
      c = c.withScan(c.scan().withTopN(top));
    }
    OutputConfig o = c.output();
    // Files named on the command line are the user's paths, relative to where he stands.
    if (dataDir != null) {
      o = o.withDataDir(dataDir.toAbsolutePath());
    }
    if (journalFile != null) {
      o = o.withJournal(journalFile.toAbsolutePath());
    }
    if (signalsFile != null) {
      o = o.withSignals(signalsFile.toAbsolutePath());
    }
    return c.withOutput(o);
  }

  /** Returns the wall clock, shifted when {@code --now} is given. */
  InstantSource clock() {
    if (now == null) {
      return Clock.systemUTC();
    }
    Instant at;
    try {
      at = Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--now", "must be an instant like 2025-05-01T12:05:00Z", e);
    }
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
  }
}
