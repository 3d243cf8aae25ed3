package dev.rtproof.verifier.replay;

import java.util.List;

/**
 * The outcome of a replay: whether the violation was observed, the last instructions executed (one line
 * each: routine[index] file:line instruction), what happened, and how many instructions ran.
 */
public record ReplayResult(boolean observed, List<String> trace, String message, long steps) {
  public ReplayResult {
    trace = List.copyOf(trace);
  }

  /** The message and the trace, for assertion messages. */
  public String describe() {
    return message + "\n" + String.join("\n", trace);
  }
}
