package dev.rtproof.emulator;

import java.util.List;

/**
 * What a run did, instruction by instruction ({@link Emulator#tracing}), and how it ended. Traces of the
 * interpreter and of a generated program of the same routines, from the same state, are equal.
 *
 * @param steps the executed instructions in order
 * @param outcome how the run ended: {@code returned}, {@code exit(n)}, or the trap
 */
public record Trace(List<TraceStep> steps, String outcome) {
  public Trace {
    steps = List.copyOf(steps);
  }

  /** The first difference from {@code other}, described, or null when the traces are equal. */
  public String firstDifference(Trace other) {
    int n = Math.min(steps.size(), other.steps.size());
    for (int i = 0; i < n; i++) {
      if (!steps.get(i).equals(other.steps.get(i))) {
        return "step " + i + ": " + steps.get(i) + "  vs  " + other.steps.get(i);
      }
    }
    if (steps.size() != other.steps.size()) {
      return "lengths " + steps.size() + " and " + other.steps.size() + " (first extra step: "
          + (steps.size() > n ? steps.get(n) : other.steps.get(n)) + ")";
    }
    return outcome.equals(other.outcome) ? null : "outcomes: " + outcome + "  vs  " + other.outcome;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (TraceStep s : steps) {
      sb.append(s).append('\n');
    }
    return sb.append("=> ").append(outcome).append('\n').toString();
  }
}
