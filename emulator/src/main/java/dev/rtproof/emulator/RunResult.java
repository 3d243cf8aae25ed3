package dev.rtproof.emulator;

/**
 * How a run ended: returned to its caller ({@link #trap} and {@link #exitStatus} null), exited through a
 * syscall or a model, or trapped. {@link #trace} is the run's trace when the emulator was tracing, else null.
 */
public record RunResult(Machine machine, Trap trap, Long exitStatus, long steps, Trace trace) {
  public boolean returned() {
    return trap == null && exitStatus == null;
  }

  public boolean trapped() {
    return trap != null;
  }

  RunResult withTrace(Trace t) {
    return new RunResult(machine, trap, exitStatus, steps, t);
  }
}
