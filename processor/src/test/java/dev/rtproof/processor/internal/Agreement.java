package dev.rtproof.processor.internal;

import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import java.util.Arrays;
import java.util.Objects;

/** Whether two runs from the same state ended the same: outcome, trap, steps, registers, flags, memory, output. */
final class Agreement {
  private Agreement() {}

  /** How run {@code b} differs from run {@code a}, or null when they agree exactly. */
  static String difference(RunResult a, RunResult b) {
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
