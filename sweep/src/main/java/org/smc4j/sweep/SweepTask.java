package org.smc4j.sweep;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit of sweep work: a block of combinations of one symbol in one window. A task carries the
 * range {@code [comboFrom, comboTo)} of the grid, never the combinations themselves.
 *
 * @param taskId a stable name, also a file name: {@code SYMBOL_wWINDOW_cFROM-TO}
 * @param symbol the instrument
 * @param window the window
 * @param comboFrom the first combination index
 * @param comboTo the end (exclusive) of combination indices, after {@code comboFrom}
 */
public record SweepTask(
    String taskId, String symbol, SweepWindow window, long comboFrom, long comboTo) {

  private static final Pattern ID = Pattern.compile("[0-9A-Za-z_.-]{1,200}");

  /**
   * Validates the task.
   *
   * @throws IllegalArgumentException when the id is not a safe file name or the range is empty
   */
  public SweepTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(window, "window");
    if (!ID.matcher(taskId).matches()) {
      throw new IllegalArgumentException(
          "taskId must be 1-200 letters, digits, '_', '.' or '-', was '" + taskId + "'");
    }
    if (comboFrom < 0 || comboTo <= comboFrom) {
      throw new IllegalArgumentException(
          taskId + ": combinations [" + comboFrom + ", " + comboTo + ") must be a non-empty range");
    }
  }

  /**
   * Returns the task of a symbol, window and block.
   *
   * @param symbol the instrument
   * @param window the window
   * @param comboFrom the first combination index
   * @param comboTo the end (exclusive)
   * @return the task, its id built from the other fields
   */
  public static SweepTask of(String symbol, SweepWindow window, long comboFrom, long comboTo) {
    return new SweepTask(
        symbol + "_w" + window.index() + "_c" + comboFrom + "-" + comboTo,
        symbol,
        window,
        comboFrom,
        comboTo);
  }

  /** Returns the number of combinations. */
  public long combos() {
    return comboTo - comboFrom;
  }
}
