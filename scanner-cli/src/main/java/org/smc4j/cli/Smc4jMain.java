package org.smc4j.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar scanner-cli.jar}. */
public final class Smc4jMain {

  private Smc4jMain() {}

  /**
   * Runs one smc4j command and exits with its code: 0 ok, 1 problems found or the command failed, 2
   * usage error.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs one smc4j command without exiting the JVM; used by {@link #main} and by tests.
   *
   * @param args the command line
   * @return the exit code
   */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** Builds the command tree with smc4j's error handling. */
  public static CommandLine newCommandLine() {
    CommandLine cmd = new CommandLine(new Smc4jCommand());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.USAGE;
          }
          commandLine.getErr().println("error: " + messageOf(ex));
          return ExitCodes.FAILED;
        });
    return cmd;
  }

  private static String messageOf(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
    Throwable cause = ex.getCause();
    while (cause != null && cause != ex) {
      sb.append(": ").append(cause.getMessage());
      ex = cause;
      cause = cause.getCause();
    }
    return sb.toString();
  }
}
