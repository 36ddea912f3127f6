package org.smc4j.sweep;

import java.util.Objects;

/**
 * A task that failed; the sweep's other tasks complete.
 *
 * @param taskId the task
 * @param message why
 */
public record TaskFailure(String taskId, String message) {

  /** Validates that both are given. */
  public TaskFailure {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(message, "message");
  }
}
