package dev.rtproof.emulator;

import java.util.Arrays;
import java.util.Objects;

/**
 * Whether two runs from the same state ended the same: outcome, trap (kind, message, address, instruction,
 * source line), steps, registers, flags with their undefined mask, segment bases, memory and output. Tests
 * use it to hold two executors (the interpreter and a generated program) to exact agreement.
 */
public final class RunDifference {
  private RunDifference() {}

  /** How run {@code b} differs from run {@code a}, or null when they agree exactly. */
  public static String between(RunResult a, RunResult b) {
    if (!Objects.equals(a.trap(), b.trap())) {
      return "trap: " + a.trap() + " vs " + b.trap();
    }
    if (!Objects.equals(a.exitStatus(), b.exitStatus())) {
      return "exit: " + a.exitStatus() + " vs " + b.exitStatus();
    }
    if (a.steps() != b.steps()) {
      return "steps: " + a.steps() + " vs " + b.steps();
    }
    Machine x = a.machine();
    Machine y = b.machine();
    if (!Arrays.equals(x.r, y.r)) {
      return "registers: " + Arrays.toString(x.r) + " vs " + Arrays.toString(y.r);
    }
    if (x.rflags != y.rflags || x.undefinedFlags != y.undefinedFlags) {
      return "flags: " + Long.toHexString(x.rflags) + "/" + Long.toHexString(x.undefinedFlags) + " vs "
          + Long.toHexString(y.rflags) + "/" + Long.toHexString(y.undefinedFlags);
    }
    if (x.fsBase != y.fsBase || x.gsBase != y.gsBase) {
      return "segment bases";
    }
    if (!x.memory.sameContent(y.memory)) {
      return "memory contents";
    }
    for (int fd = 1; fd <= 2; fd++) {
      if (!Arrays.equals(x.output(fd), y.output(fd))) {
        return "output to fd " + fd;
      }
    }
    return null;
  }
}
