package org.smc4j.backtest.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An output folder written by one run at a time, that always holds one complete run.
 *
 * <p>{@link #open} refuses the working folder (or one holding it) and a folder that no run wrote
 * ({@code RUN.txt} missing) holding folders, as a project or home folder given by mistake would; it
 * takes an exclusive lock on the folder (an OS file lock on {@code .NAME.lock} beside it, released
 * by the OS when the process dies); a second run, in this process or another, is refused with an
 * {@link OutputFolderBusyException} naming the folder and the run holding it. The run writes into a
 * staging folder {@code .NAME.staging} beside the target: {@link #write} writes each file under a
 * temporary name ({@code .FILE.part}) and renames it when complete, and {@link #resolve} gives a
 * path in the staging folder for writers that manage their own file (an SQLite journal). {@link
 * #commit} writes {@code RUN.txt} (the run's {@link RunInfo}, the marker of a complete staging
 * folder), copies in the files of the previous run that this run did not write (so a user's own
 * files survive), and swaps the staging folder in with two renames: the target to {@code
 * .NAME.previous}, the staging folder to the target.
 *
 * <p>A run killed before the swap leaves the target untouched (the previous complete run); the next
 * {@link #open} deletes the stale staging folder. A kill between the two renames (a window of two
 * system calls) leaves the target absent but both runs complete beside it; the next {@link #open}
 * finishes the swap. {@link #close} releases the lock and, without a commit, deletes the staging
 * folder. Not thread-safe: one run uses it from one thread.
 */
public final class OutputFolder implements AutoCloseable {

  /** The file naming the run in a committed folder; written last into the staging folder. */
  public static final String RUN_FILE = "RUN.txt";

  private static final String PART_SUFFIX = ".part";

  private final Path target;
  private final Path staging;
  private final Path previous;
  private final RunInfo run;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean committed;
  private boolean closed;
  private int scratchFolders;

  private OutputFolder(
      Path target,
      Path staging,
      Path previous,
      RunInfo run,
      FileChannel lockChannel,
      FileLock lock) {
    this.target = target;
    this.staging = staging;
    this.previous = previous;
    this.run = run;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks a folder for a run, finishes or discards what a killed run left beside it, and creates an
   * empty staging folder. The target folder itself is not changed until {@link #commit}.
   *
   * @param folder the output folder (created at commit when missing)
   * @param run the run that will write it
   * @return the open folder; close it when done
   * @throws OutputFolderBusyException when another run holds the folder
   * @throws IOException when the lock or staging folder cannot be created, or {@code folder} is a
   *     file
   */
  public static OutputFolder open(Path folder, RunInfo run) throws IOException {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(run, "run");
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null) {
      throw new IOException("output folder " + folder + " must not be a file system root");
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IOException("output folder " + folder + " exists and is not a folder");
    }
    Path workingFolder = Path.of("").toAbsolutePath().normalize();
    if (workingFolder.startsWith(target)) {
      // the commit renames the target away: never the folder this process works in
      throw new IOException(
          "output folder "
              + folder
              + " must not be the working folder or hold it ("
              + workingFolder
              + "); choose a folder inside it");
    }
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    Path lockFile = parent.resolve("." + name + ".lock");
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      // lock one byte far past the content, so the holder's text stays readable on every OS
      lock = channel.tryLock(Long.MAX_VALUE - 1, 1, false);
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      Optional<RunInfo> holder = readHolder(lockFile);
      channel.close();
      throw new OutputFolderBusyException(folder, holder);
    }
    try {
      byte[] text = run.toText().getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text), 0);
      channel.force(true);
      Path staging = parent.resolve("." + name + ".staging");
      Path previous = parent.resolve("." + name + ".previous");
      recover(target, staging, previous);
      checkWrittenByARun(folder, target);
      Files.createDirectory(staging);
      return new OutputFolder(target, staging, previous, run, channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Optional<RunInfo> readHolder(Path lockFile) {
    try {
      return Optional.of(RunInfo.parse(Files.readString(lockFile, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      // the holder has not written its name yet, or an older lock file: say "another run"
      return Optional.empty();
    }
  }

  /**
   * Refuses a folder that a run did not write and that holds folders (a project or home folder
   * given by mistake): the commit would replace it. A folder of plain files only, as runs wrote
   * before {@code RUN.txt} existed, is accepted and its files are kept.
   */
  private static void checkWrittenByARun(Path folder, Path target) throws IOException {
    if (!Files.isDirectory(target) || Files.exists(target.resolve(RUN_FILE))) {
      return;
    }
    try (Stream<Path> entries = Files.list(target)) {
      Optional<Path> sub = entries.filter(Files::isDirectory).findFirst();
      if (sub.isPresent()) {
        throw new IOException(
            "output folder "
                + folder
                + " was not written by a run (no "
                + RUN_FILE
                + ") and holds the folder "
                + sub.get().getFileName()
                + "; choose a new or empty output folder");
      }
    }
  }

  /** Puts the folder back into one complete run after a kill, and clears leftovers. */
  private static void recover(Path target, Path staging, Path previous) throws IOException {
    if (!Files.exists(target)) {
      if (Files.isRegularFile(staging.resolve(RUN_FILE))) {
        // killed between the two renames of a commit: the new run is complete, finish the swap
        move(staging, target);
      } else if (Files.isDirectory(previous)) {
        move(previous, target);
      }
    }
    deleteTree(staging);
    deleteTree(previous);
  }

  /**
   * Returns the folder the run commits to.
   *
   * @return the absolute target folder
   */
  public Path target() {
    return target;
  }

  /**
   * Returns the run writing this folder.
   *
   * @return the run
   */
  public RunInfo run() {
    return run;
  }

  /**
   * Returns a path in the staging folder, for a writer that manages its own file (e.g. an SQLite
   * journal); the file becomes visible in the target folder at {@link #commit}.
   *
   * @param name a file name (no folder part)
   * @return the path in the staging folder
   * @throws IllegalArgumentException when the name is not a plain file name
   */
  public Path resolve(String name) {
    checkOpen();
    return staging.resolve(checkName(name));
  }

  /**
   * Copies a file of the previous committed run into the staging folder, e.g. a journal that keeps
   * all runs. Nothing is copied when the previous run has no such file.
   *
   * @param name the file name
   * @return the file's path in the staging folder
   * @throws IOException when the copy fails
   */
  public Path carryOver(String name) throws IOException {
    Path to = resolve(name);
    Path from = target.resolve(name);
    if (Files.isRegularFile(from)) {
      Path part = staging.resolve("." + name + PART_SUFFIX);
      Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
      move(part, to);
    }
    return to;
  }

  /**
   * Writes one file into the staging folder under a temporary name, and renames it to {@code name}
   * when the writer has finished. A writer that throws leaves no file of that name.
   *
   * @param name the file name
   * @param writer writes the file at the path it is given
   * @return the file's path in the staging folder
   * @throws IOException when the writer or the rename fails
   */
  public Path write(String name, PathWriter writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    Path to = resolve(name);
    writeAtomically(to, writer);
    return to;
  }

  /**
   * Lets a writer that names its own files write them into an empty scratch folder, then moves each
   * into the staging folder (a rename within one file system).
   *
   * @param writer writes its files into the folder it is given
   * @return the files' paths in the staging folder, in the writer's order
   * @throws IOException when the writer or a move fails, or the writer returns a file outside the
   *     scratch folder
   */
  public List<Path> writeAll(FolderWriter writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    checkOpen();
    Path scratch = staging.resolve(".parts-" + ++scratchFolders);
    Files.createDirectory(scratch);
    try {
      List<Path> moved = new ArrayList<>();
      for (Path written : writer.writeInto(scratch)) {
        Path file = written.toAbsolutePath().normalize();
        if (!scratch.equals(file.getParent())) {
          throw new IOException(
              "writer returned " + written + ", which is not a file directly in " + scratch);
        }
        Path to = staging.resolve(file.getFileName().toString());
        move(file, to);
        moved.add(to);
      }
      return List.copyOf(moved);
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * Writes a file under a temporary name beside it ({@code .NAME.part}) and renames it over {@code
   * file} when the writer has finished, so a reader or a kill never sees a partial file. A writer
   * that throws leaves {@code file} as it was.
   *
   * @param file the file to write
   * @param writer writes the file at the path it is given
   * @throws IOException when the writer or the rename fails
   */
  public static void writeAtomically(Path file, PathWriter writer) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(writer, "writer");
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path part = parent.resolve("." + absolute.getFileName() + PART_SUFFIX);
    boolean done = false;
    try {
      Files.deleteIfExists(part);
      writer.writeTo(part);
      if (!Files.isRegularFile(part)) {
        throw new IOException("the writer of " + file + " wrote no file at " + part);
      }
      move(part, absolute);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(part);
      }
    }
  }

  /**
   * Makes the run's files the content of the target folder: writes {@code RUN.txt}, copies in the
   * previous run's files that this run did not write, and swaps the staging folder in. A second
   * call does nothing.
   *
   * @return the target folder
   * @throws IOException when a copy or a rename fails; the target then still holds the previous run
   */
  public Path commit() throws IOException {
    checkOpen();
    if (committed) {
      return target;
    }
    if (Files.isDirectory(target)) {
      keepOtherFiles(target, staging);
    }
    write(RUN_FILE, f -> Files.writeString(f, run.toText(), StandardCharsets.UTF_8));
    boolean hadTarget = Files.exists(target);
    if (hadTarget) {
      move(target, previous);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (hadTarget) {
        move(previous, target);
      }
      throw e;
    }
    committed = true;
    deleteTree(previous);
    return target;
  }

  /** Copies (hard links where possible) what the previous run has and this run did not write. */
  private static void keepOtherFiles(Path from, Path to) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.toList()) {
        Path into = to.resolve(entry.getFileName().toString());
        if (Files.exists(into) || entry.getFileName().toString().equals(RUN_FILE)) {
          continue;
        }
        if (Files.isDirectory(entry)) {
          Files.createDirectory(into);
          keepOtherFiles(entry, into);
        } else {
          link(entry, into);
        }
      }
    }
  }

  private static void link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      // another file system or no hard links there: a copy keeps the same content
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * Releases the lock; without a {@link #commit} first, deletes the staging folder and leaves the
   * target as the previous run left it.
   *
   * @throws IOException when the staging folder cannot be deleted or the lock released
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!committed) {
        deleteTree(staging);
      }
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("output folder " + target + " is closed");
    }
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()
        || name.contains("/")
        || name.contains("\\")
        || name.equals(".")
        || name.equals("..")) {
      throw new IllegalArgumentException("name must be a plain file name, was '" + name + "'");
    }
    return name;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (NoSuchFileException e) {
          // already gone: nothing to delete
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
