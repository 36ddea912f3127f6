package org.smc4j.sweep.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The resume state of a Spark sweep, kept beside its Parquet rows in {@code OUT/_smc4j/} (Spark's
 * readers skip names starting with {@code _}), through Hadoop's {@link FileSystem} so that it works
 * wherever the rows go ({@code file:}, {@code hdfs://}, {@code s3a://}):
 *
 * <ul>
 *   <li>{@code sweep.id}: the fingerprint of the spec; a folder written by another spec is refused
 *       rather than mixed, as {@link org.smc4j.sweep.CsvResultSink} does;
 *   <li>{@code done/round-*.txt}: the ids of the tasks of one committed Spark job, written only
 *       after the job's rows are committed, first under a temporary name then renamed, and ending
 *       with {@value #END} so that a file cut short by a crash is ignored.
 * </ul>
 */
final class ParquetManifest {

  static final String DIR = "_smc4j";
  static final String END = "# end";

  private final FileSystem fs;
  private final Path root;
  private final Path done;

  private ParquetManifest(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
    this.done = new Path(root, "done");
  }

  /**
   * Opens the manifest of an output folder, creating it when the folder is new.
   *
   * @param output the Parquet output folder (a path or URI)
   * @param fingerprint the spec's fingerprint ({@link #fingerprint})
   * @param conf the Hadoop configuration (the session's)
   * @return the manifest
   * @throws IOException when the folder holds rows of another spec, or holds files but no manifest,
   *     or cannot be read or written
   */
  static ParquetManifest open(String output, String fingerprint, Configuration conf)
      throws IOException {
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    Path root = new Path(out, DIR);
    Path id = new Path(root, "sweep.id");
    if (fs.exists(id)) {
      String found = read(fs, id).strip();
      if (!found.equals(fingerprint)) {
        throw new IOException(
            output
                + " holds rows of another sweep spec (sweep.id "
                + found
                + ", this spec "
                + fingerprint
                + "): choose another output folder or delete it");
      }
    } else {
      if (fs.exists(out) && fs.listStatus(out).length > 0) {
        throw new IOException(
            output
                + " is not empty and holds no "
                + DIR
                + "/sweep.id: choose another output folder or delete it");
      }
      fs.mkdirs(root);
      write(fs, root, "sweep.id", fingerprint + "\n");
    }
    return new ParquetManifest(fs, root);
  }

  /**
   * Returns the fingerprint of what a source computes: the spec text, the windows and the block
   * size.
   *
   * @param source the source
   * @return a hex SHA-256
   */
  static String fingerprint(SweepSource source) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String s =
          source.specText()
              + "\n"
              + source.windowFrom()
              + "\n"
              + source.windowTo()
              + "\n"
              + source.blockSize();
      return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Returns the ids of the tasks whose rows are committed.
   *
   * @return the ids
   * @throws IOException when the manifest cannot be read
   */
  Set<String> finishedTaskIds() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    if (!fs.exists(done)) {
      return ids;
    }
    for (FileStatus f : fs.listStatus(done)) {
      String name = f.getPath().getName();
      if (!name.startsWith("round-") || !name.endsWith(".txt")) {
        continue;
      }
      String text = read(fs, f.getPath());
      if (!text.endsWith(END + "\n")) {
        continue; // cut short by a crash: its tasks run again
      }
      for (String line : text.split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          ids.add(line);
        }
      }
    }
    return ids;
  }

  /**
   * Records the tasks of a committed job.
   *
   * @param taskIds the ids
   * @throws IOException when the file cannot be written
   */
  void record(Collection<String> taskIds) throws IOException {
    if (taskIds.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (String id : taskIds) {
      b.append(id).append('\n');
    }
    b.append(END).append('\n');
    fs.mkdirs(done);
    String name = "round-" + System.currentTimeMillis() + "-" + UUID.randomUUID() + ".txt";
    Path tmp = write(fs, root, "." + name, b.toString());
    if (!fs.rename(tmp, new Path(done, name))) {
      throw new IOException("cannot rename " + tmp + " to " + new Path(done, name));
    }
  }

  private static Path write(FileSystem fs, Path dir, String name, String text) throws IOException {
    Path p = new Path(dir, name);
    try (OutputStream o = fs.create(p, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  private static String read(FileSystem fs, Path p) throws IOException {
    StringBuilder b = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0) {
        b.append(buf, 0, n);
      }
    }
    return b.toString();
  }
}
