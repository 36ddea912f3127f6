package org.smc4j.sweep.spark;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smc4j.app.sweep.SweepJob;
import org.smc4j.app.sweep.SweepSpecLoader;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepWindow;

/**
 * What the driver broadcasts to the executors: a sweep spec file's text, the windows and the block
 * size, from which each executor reads the same {@link SweepSpec} the driver has, and where the
 * candles and funding files are. The spec itself is not serializable (its settings hold the
 * strategy's configuration), and it is small: the candles never travel with it, each executor reads
 * them from the data folder.
 *
 * @param specText the spec file's YAML
 * @param specFile the spec file's name, for messages
 * @param windowFrom each window's start, in epoch milliseconds
 * @param windowTo each window's end (exclusive), in epoch milliseconds, as many as starts
 * @param blockSize combinations per task
 * @param data the candle folder as a URI every executor can read ({@code file:/shared/candles},
 *     {@code hdfs://...}, {@code s3a://...}); by default the spec's {@code data} folder made
 *     absolute on the driver
 * @param funding the funding folder as such a URI, or empty for none (the spec's constant rate)
 */
public record SweepSource(
    String specText,
    String specFile,
    List<Long> windowFrom,
    List<Long> windowTo,
    int blockSize,
    String data,
    String funding)
    implements Serializable {

  @Serial private static final long serialVersionUID = 2L;

  /**
   * Validates the source.
   *
   * @throws IllegalArgumentException when the window lists differ in length or are empty, or the
   *     data folder is blank
   */
  public SweepSource {
    Objects.requireNonNull(specText, "specText");
    Objects.requireNonNull(specFile, "specFile");
    windowFrom = List.copyOf(Objects.requireNonNull(windowFrom, "windowFrom"));
    windowTo = List.copyOf(Objects.requireNonNull(windowTo, "windowTo"));
    if (windowFrom.isEmpty() || windowFrom.size() != windowTo.size()) {
      throw new IllegalArgumentException(
          "windowFrom and windowTo must be as many and not empty, were "
              + windowFrom.size()
              + " and "
              + windowTo.size());
    }
    Objects.requireNonNull(data, "data");
    if (data.isBlank()) {
      throw new IllegalArgumentException("data must name a folder, was blank");
    }
    Objects.requireNonNull(funding, "funding");
  }

  /**
   * Returns the source of a spec file's text, with the windows and block size it gives and its data
   * and funding folders as {@code file:} URIs.
   *
   * @param specText the YAML
   * @param specFile the file, for messages
   * @return the source
   * @throws org.smc4j.app.config.ConfigException naming the key path of a problem in the spec
   */
  public static SweepSource of(String specText, Path specFile) {
    SweepJob job = SweepSpecLoader.parse(specText, specFile);
    SweepSpec spec = job.spec();
    List<Long> from = new ArrayList<>();
    List<Long> to = new ArrayList<>();
    for (SweepWindow w : spec.windows()) {
      from.add(w.from().toEpochMilli());
      to.add(w.to().toEpochMilli());
    }
    return new SweepSource(
        specText,
        specFile.toString(),
        from,
        to,
        spec.blockSize(),
        uri(job.data()),
        job.funding().map(SweepSource::uri).orElse(""));
  }

  private static String uri(Path folder) {
    return folder.toAbsolutePath().normalize().toUri().toString();
  }

  /**
   * Returns a copy with other windows and block size.
   *
   * @param windows the windows, numbered 0..
   * @param size combinations per task
   * @return the copy
   */
  public SweepSource with(List<SweepWindow> windows, int size) {
    List<Long> from = new ArrayList<>();
    List<Long> to = new ArrayList<>();
    for (SweepWindow w : windows) {
      from.add(w.from().toEpochMilli());
      to.add(w.to().toEpochMilli());
    }
    return new SweepSource(specText, specFile, from, to, size, data, funding);
  }

  /**
   * Returns a copy that reads candles from another folder (e.g. {@code s3a://bucket/candles} on a
   * cluster, where the spec's local path means nothing).
   *
   * @param folder the folder URI
   * @return the copy
   */
  public SweepSource withData(String folder) {
    return new SweepSource(specText, specFile, windowFrom, windowTo, blockSize, folder, funding);
  }

  /**
   * Returns a copy that reads funding files from another folder.
   *
   * @param folder the folder URI, or empty for none
   * @return the copy
   */
  public SweepSource withFunding(String folder) {
    return new SweepSource(specText, specFile, windowFrom, windowTo, blockSize, data, folder);
  }

  /**
   * Reads the job: the spec file, with this source's windows and block size.
   *
   * @return the job
   * @throws org.smc4j.app.config.ConfigException naming the key path of a problem in the spec
   */
  public SweepJob job() {
    SweepJob job = SweepSpecLoader.parse(specText, Path.of(specFile));
    List<SweepWindow> windows = new ArrayList<>();
    for (int i = 0; i < windowFrom.size(); i++) {
      windows.add(
          new SweepWindow(
              i, Instant.ofEpochMilli(windowFrom.get(i)), Instant.ofEpochMilli(windowTo.get(i))));
    }
    SweepSpec spec = job.spec().withWindows(windows).withBlockSize(blockSize);
    return new SweepJob(
        job.file(), job.data(), job.funding(), spec, job.heatMap(), job.walkForward());
  }
}
