package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.List;

/**
 * The answer for one routine × property: the status, a message, where to report it (the failing
 * instruction for a violation, else the property's declaration), the counterexample of a violation,
 * every assumption the answer rests on, the Z3 version and how long it took.
 */
public record Verdict(
    String routine,
    String property,
    String label,
    Status status,
    String message,
    SourcePos pos,
    Counterexample counterexample,
    List<String> assumptions,
    String z3Version,
    long millis) {

  public Verdict {
    assumptions = List.copyOf(assumptions);
  }

  @Override
  public String toString() {
    return routine + "  " + label + "  " + status + (message.isEmpty() ? "" : "  " + message);
  }
}
