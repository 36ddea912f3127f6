package org.smc4j.sweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleSource;
import org.smc4j.sweep.CsvCandleSource;

/**
 * Reads a symbol's 5m candles through Hadoop's {@link FileSystem}, so that the data folder may be
 * anything the executor's class path has a connector for: {@code file:} (a local or NFS path),
 * {@code hdfs://}, {@code s3a://} (with {@code hadoop-aws} on the cluster). The folder is listed
 * once; a symbol's files (the {@code .csv} files that {@link CsvCandleSource} gives that symbol, by
 * name or folder) are copied to a temporary local folder, keeping their relative paths, and read
 * there by {@link CsvCandleSource} itself, so the candles are exactly what the local runner reads.
 * The copies are deleted once read; a {@link org.smc4j.sweep.CandleCache} in front keeps the
 * columns.
 */
final class HadoopCandleSource implements CandleSource {

  private static final java.nio.file.Path NAMING_ROOT = java.nio.file.Path.of("/smc4j-data");

  private final FileSystem fs;
  private final Path root;
  private final List<String> files;
  private final CandleCsvReader reader;
  private final Instant from;
  private final Instant to;

  private HadoopCandleSource(
      FileSystem fs,
      Path root,
      List<String> files,
      CandleCsvReader reader,
      Instant from,
      Instant to) {
    this.fs = fs;
    this.root = root;
    this.files = files;
    this.reader = reader;
    this.from = from;
    this.to = to;
  }

  /**
   * Lists the {@code .csv} files under a folder.
   *
   * @param folder the folder, as a URI ({@code file:/data}, {@code s3a://bucket/candles}) or path
   * @param conf the Hadoop configuration (connectors, credentials)
   * @param reader the reader (strict or lenient)
   * @param from the first candle open time kept
   * @param to the end (exclusive) of open times kept
   * @return the source
   * @throws UncheckedIOException when the folder does not exist or cannot be listed
   */
  static HadoopCandleSource of(
      String folder, Configuration conf, CandleCsvReader reader, Instant from, Instant to) {
    Objects.requireNonNull(folder, "folder");
    try {
      Path given = new Path(folder);
      FileSystem fs = given.getFileSystem(conf);
      Path root = fs.makeQualified(given);
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new IOException("not a folder");
      }
      return new HadoopCandleSource(
          fs,
          root,
          relativeCsvFiles(fs, root),
          Objects.requireNonNull(reader, "reader"),
          Objects.requireNonNull(from, "from"),
          Objects.requireNonNull(to, "to"));
    } catch (IOException e) {
      throw new UncheckedIOException("data folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static List<String> relativeCsvFiles(FileSystem fs, Path root) throws IOException {
    String prefix = root.toUri().getPath();
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    TreeSet<String> found = new TreeSet<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String path = f.getPath().toUri().getPath();
      if (f.isFile() && path.startsWith(prefix) && path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        found.add(path.substring(prefix.length()));
      }
    }
    return List.copyOf(found);
  }

  /**
   * Returns the symbols that have {@code .csv} files, by their names and folders (a file whose
   * timeframe is not 5m still counts here; reading the symbol tells).
   *
   * @return the symbols, sorted
   */
  List<String> symbols() {
    TreeSet<String> symbols = new TreeSet<>();
    for (String f : files) {
      symbolOf(f).ifPresent(symbols::add);
    }
    return List.copyOf(symbols);
  }

  @Override
  public BarArrays fiveMinute(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    List<String> own = new ArrayList<>();
    for (String f : files) {
      if (symbolOf(f).filter(symbol::equals).isPresent()) {
        own.add(f);
      }
    }
    if (own.isEmpty()) {
      throw new IllegalArgumentException(
          symbol + ": no 5m candle files in " + root + " (found " + symbols() + ")");
    }
    java.nio.file.Path local = null;
    try {
      local = Files.createTempDirectory("smc4j-candles-");
      for (String f : own) {
        java.nio.file.Path target = local.resolve(f);
        Files.createDirectories(target.getParent());
        fs.copyToLocalFile(false, new Path(root, f), new Path(target.toUri()), true);
      }
      return CsvCandleSource.of(local, reader, from, to).fiveMinute(symbol);
    } catch (IOException e) {
      throw new UncheckedIOException(
          symbol + ": cannot copy its candles from " + root + ": " + e.getMessage(), e);
    } finally {
      if (local != null) {
        deleteQuietly(local);
      }
    }
  }

  /** The symbol {@link CsvCandleSource} gives a file at this relative path. */
  private static Optional<String> symbolOf(String relative) {
    return CsvCandleSource.symbolOf(NAMING_ROOT.resolve(relative));
  }

  /**
   * Copies a whole folder (e.g. the funding files) to a temporary local folder, hands it to a
   * reader and deletes the copy.
   *
   * @param folder the folder, as a URI or path
   * @param conf the Hadoop configuration
   * @param read what reads the local copy
   * @param <T> what is read
   * @return what the reader returned
   * @throws UncheckedIOException when the folder cannot be copied
   */
  static <T> T readCopy(String folder, Configuration conf, Function<java.nio.file.Path, T> read) {
    java.nio.file.Path local = null;
    try {
      Path given = new Path(folder);
      FileSystem fs = given.getFileSystem(conf);
      local = Files.createTempDirectory("smc4j-copy-");
      java.nio.file.Path target = local.resolve("data");
      fs.copyToLocalFile(false, fs.makeQualified(given), new Path(target.toUri()), true);
      return read.apply(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + folder + ": " + e.getMessage(), e);
    } finally {
      if (local != null) {
        deleteQuietly(local);
      }
    }
  }

  private static void deleteQuietly(java.nio.file.Path dir) {
    try (Stream<java.nio.file.Path> walk = Files.walk(dir)) {
      for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary copy left behind is harmless; the candles were read
    }
  }
}
