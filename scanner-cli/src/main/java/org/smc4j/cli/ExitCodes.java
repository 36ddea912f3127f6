package org.smc4j.cli;

/** Exit codes shared by every smc4j command. */
public final class ExitCodes {

  /** The command did what was asked and found nothing wrong. */
  public static final int OK = 0;

  /** Problems were found (e.g. invalid rows in strict mode) or the command failed. */
  public static final int FAILED = 1;

  /** The command line was wrong: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;

  /** The exchange could not be reached at all at the start ({@code scan --once}). */
  public static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
