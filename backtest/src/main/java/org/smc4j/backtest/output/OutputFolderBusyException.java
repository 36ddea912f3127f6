package org.smc4j.backtest.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a run cannot lock its output folder because another run holds it. The message names
 * the folder and, when known, the other run.
 */
public final class OutputFolderBusyException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The folder in use. */
  private final transient Path folder;

  /** The run that holds it, when its lock file could be read. */
  private final transient RunInfo holder;

  /**
   * Creates the exception.
   *
   * @param folder the folder in use
   * @param holder the run holding it, when known
   */
  public OutputFolderBusyException(Path folder, Optional<RunInfo> holder) {
    super(message(folder, holder));
    this.folder = Objects.requireNonNull(folder, "folder");
    this.holder = holder.orElse(null);
  }

  private static String message(Path folder, Optional<RunInfo> holder) {
    return "output folder "
        + folder
        + " is in use by "
        + holder.map(RunInfo::describe).orElse("another run (not yet identified)")
        + "; wait for it to finish or choose another output folder";
  }

  /**
   * Returns the folder in use.
   *
   * @return the folder
   */
  public Path folder() {
    return folder;
  }

  /**
   * Returns the run that holds the folder.
   *
   * @return the run, empty when its lock file could not be read yet
   */
  public Optional<RunInfo> holder() {
    return Optional.ofNullable(holder);
  }
}
