package dev.rtproof.emulator;

/**
 * How a run ended: returned to its caller ({@link #trap} and {@link #exitStatus} null), exited through a
 * syscall, or trapped.
 */
public record RunResult(Machine machine, Trap trap, Long exitStatus, long steps) {
  public boolean returned() {
    return trap == null && exitStatus == null;
  }

  public boolean trapped() {
    return trap != null;
  }
}
