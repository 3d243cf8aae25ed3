package dev.rtproof.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rtproof} command. */
@Command(name = "rtproof", mixinStandardHelpOptions = true, version = "rtproof 0.1.0-SNAPSHOT",
    description = "Proofs and emulation for Go amd64 runtime routines written in the rtproof DSL.",
    subcommands = {VerifyCommand.class, RunCommand.class, ReportCommand.class, PlaybackCommand.class,
        AsmCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every property passed",
      "1:a property failed (see --fail-on)",
      "2:bad usage or input"})
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on standard output and error; returns the exit code. */
  public static int run(String... args) {
    return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main()).setOut(out).setErr(err);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("rtproof: " + e.getMessage());
      return 2;
    });
    return cl.execute(args);
  }
}
