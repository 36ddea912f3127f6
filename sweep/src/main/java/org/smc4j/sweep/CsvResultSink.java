package org.smc4j.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes rows as CSV ({@link ResultCsv}) into a folder: one file per task under {@code tasks/},
 * each written to a temporary name and renamed when complete, so a crash loses at most the tasks in
 * flight and a file under {@code tasks/} is always whole. The task files are the manifest: a
 * resumed sweep skips the tasks that have one. {@link #finish} merges them in task order into
 * {@code results.csv}. A {@code sweep.id} file holds the spec's fingerprint; a folder written by
 * another spec is refused rather than mixed.
 */
public final class CsvResultSink implements ResultSink {

  /** The merged file's name. */
  public static final String RESULTS = "results.csv";

  private static final String TASKS = "tasks";
  private static final String FINGERPRINT = "sweep.id";
  private static final String PART = ".csv";

  private final Path dir;
  private final Path tasksDir;
  private final ResultCsv csv;

  private CsvResultSink(Path dir, ResultCsv csv) {
    this.dir = dir;
    this.tasksDir = dir.resolve(TASKS);
    this.csv = csv;
  }

  /**
   * Opens a folder for a spec's results, creating it, or resuming it when it holds results of the
   * same spec.
   *
   * @param dir the folder
   * @param spec the sweep
   * @return the sink
   * @throws IOException when the folder cannot be created, or holds results of another spec
   */
  public static CsvResultSink open(Path dir, SweepSpec spec) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(spec, "spec");
    ResultCsv csv = new ResultCsv(spec.grid().keys());
    Files.createDirectories(dir.resolve(TASKS));
    String fingerprint = fingerprint(spec, csv);
    Path id = dir.resolve(FINGERPRINT);
    if (Files.exists(id)) {
      String found = Files.readString(id, StandardCharsets.UTF_8);
      if (!found.equals(fingerprint)) {
        throw new IOException(
            dir
                + " holds the results of another sweep (its "
                + FINGERPRINT
                + " differs); use another --out folder or delete it");
      }
    } else {
      writeAtomically(id, fingerprint);
    }
    return new CsvResultSink(dir, csv);
  }

  @Override
  public Set<String> finishedTaskIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(tasksDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(PART)) {
          ids.add(name.substring(0, name.length() - PART.length()));
        }
      }
    }
    return ids;
  }

  @Override
  public void accept(SweepTask task, List<ResultRow> rows) throws IOException {
    StringBuilder sb = new StringBuilder(csv.header()).append('\n');
    for (ResultRow r : rows) {
      sb.append(csv.format(r)).append('\n');
    }
    writeAtomically(tasksDir.resolve(task.taskId() + PART), sb.toString());
  }

  @Override
  public void finish(List<SweepTask> tasks) throws IOException {
    Path merged = dir.resolve(RESULTS);
    Path tmp = dir.resolve(RESULTS + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(csv.header());
      w.write('\n');
      for (SweepTask t : tasks) {
        Path f = tasksDir.resolve(t.taskId() + PART);
        if (!Files.exists(f)) {
          continue;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          r.readLine();
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            w.write(line);
            w.write('\n');
          }
        }
      }
    }
    move(tmp, merged);
  }

  /** Returns the merged file. */
  public Path resultsFile() {
    return dir.resolve(RESULTS);
  }

  /**
   * Reads the rows of a result file, the parameter columns taken from its header.
   *
   * @param file a file written by this sink (merged or one task's)
   * @return its rows, in file order
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when a line is malformed
   */
  public static List<ResultRow> read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + " is empty (no header)");
      }
      String[] cols = header.split(",", -1);
      int lead = 5;
      int params = cols.length - lead - ResultCsv.METRICS.size();
      if (params < 0 || !cols[0].equals("symbol")) {
        throw new IllegalArgumentException(file + " is not a sweep result file: " + header);
      }
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < params; i++) {
        keys.add(cols[lead + i]);
      }
      ResultCsv csv = new ResultCsv(keys);
      List<ResultRow> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          rows.add(csv.parse(line));
        }
      }
      return rows;
    }
  }

  private static String fingerprint(SweepSpec spec, ResultCsv csv) {
    return String.format(
        Locale.ROOT,
        "header=%s%nsymbols=%s%nrange=%s..%s%nwindows=%s%nbase=%s%ngrid=%s%nsize=%d%nblock=%d%n",
        csv.header(),
        spec.symbols(),
        spec.from(),
        spec.to(),
        spec.windows(),
        spec.base(),
        spec.grid(),
        spec.grid().size(),
        spec.blockSize());
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    move(tmp, target);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
