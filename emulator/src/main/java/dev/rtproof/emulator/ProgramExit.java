package dev.rtproof.emulator;

/** Unwinds to the run loop when the program calls exit or exit_group; a normal end, not a trap. */
final class ProgramExit extends RuntimeException {
  final long status;

  ProgramExit(long status) {
    super("exit(" + status + ")", null, false, false);
    this.status = status;
  }
}
