package org.smc4j.backtest.output;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names one run that writes an output folder: shown in its report, written to the folder's {@code
 * RUN.txt}, and named to a second run that finds the folder locked.
 *
 * @param id the run's id, e.g. {@code 20250101T080000Z-1234-a1b2}: start time, process id and a
 *     random suffix; no whitespace
 * @param startTime when the run started
 * @param pid the id of the process that runs it
 * @param commandLine what was run, e.g. {@code smc4j backtest --data d --out runs/h1}
 */
public record RunInfo(String id, Instant startTime, long pid, String commandLine) {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Validates the run.
   *
   * @throws IllegalArgumentException when the id is blank or holds whitespace, or the pid is
   *     negative
   */
  public RunInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(commandLine, "commandLine");
    if (id.isBlank() || !id.equals(id.replaceAll("\\s", ""))) {
      throw new IllegalArgumentException(
          "id must be non-blank without whitespace, was '" + id + "'");
    }
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0, was " + pid);
    }
  }

  /**
   * Names a run of this process starting now.
   *
   * @param commandLine what is run
   * @param clock the clock giving the start time
   * @return the run, with a fresh id
   */
  public static RunInfo start(String commandLine, Clock clock) {
    Instant now = clock.instant();
    long pid = ProcessHandle.current().pid();
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    return new RunInfo(ID_TIME.format(now) + "-" + pid + "-" + suffix, now, pid, commandLine);
  }

  /**
   * Returns the run as {@code key=value} lines ({@code id}, {@code started}, {@code pid}, {@code
   * command}), as written to {@code RUN.txt} and the lock file; {@link #parse} reads them back.
   *
   * @return the text, one key per line
   */
  public String toText() {
    return "id="
        + id
        + "\nstarted="
        + startTime
        + "\npid="
        + pid
        + "\ncommand="
        + commandLine.replace('\n', ' ').replace('\r', ' ')
        + "\n";
  }

  /**
   * Reads a run written by {@link #toText}.
   *
   * @param text the lines
   * @return the run
   * @throws IllegalArgumentException when a key is missing or a value is malformed
   */
  public static RunInfo parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    for (String key : new String[] {"id", "started", "pid", "command"}) {
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("run text has no '" + key + "=' line: " + values);
      }
    }
    try {
      return new RunInfo(
          values.get("id"),
          Instant.parse(values.get("started")),
          Long.parseLong(values.get("pid")),
          values.get("command"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed run text " + values + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns one line naming the run, e.g. {@code run 20250101T080000Z-1234-a1b2 (pid 1234, started
   * 2025-01-01T08:00:00Z): smc4j backtest ...}.
   *
   * @return the line
   */
  public String describe() {
    return "run " + id + " (pid " + pid + ", started " + startTime + "): " + commandLine;
  }
}
