package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.replay.Violation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A concrete initial state that violates a property, from the Z3 model: entry registers, FS and GS at
 * entry, where each data symbol was placed, the values that show the violation at the failing
 * instruction ({@code witnesses}, e.g. the SP at a CALL), the complete initial state a replay starts
 * from, the violation the replay checks, and the replay's trace (the last instructions before it).
 */
public record Counterexample(
    String what,
    SourcePos pos,
    Map<String, Long> registers,
    long fs,
    long gs,
    Map<String, Long> symbols,
    Map<String, Long> witnesses,
    InitialState initial,
    Violation violation,
    List<String> replay) {

  public Counterexample {
    replay = replay == null ? List.of() : List.copyOf(replay);
  }

  /** A counterexample without a replay (for reports built by hand). */
  public Counterexample(String what, SourcePos pos, Map<String, Long> registers, long fs, long gs,
      Map<String, Long> symbols, Map<String, Long> witnesses) {
    this(what, pos, registers, fs, gs, symbols, witnesses, null, null, List.of());
  }

  /** One line: the witnesses, then the entry registers a reader needs. */
  public String summary() {
    String w = witnesses.entrySet().stream()
        .map(e -> e.getKey() + " = " + Hex.of(e.getValue()))
        .collect(Collectors.joining(", "));
    String regs = registers.entrySet().stream()
        .map(e -> e.getKey() + "=" + Hex.of(e.getValue()))
        .collect(Collectors.joining(" "));
    return (w.isEmpty() ? "" : w + "; ") + "entry: " + regs + " FS=" + Hex.of(fs);
  }

  /** This counterexample with the replay's trace. */
  Counterexample withReplay(List<String> trace) {
    return new Counterexample(what, pos, registers, fs, gs, symbols, witnesses, initial, violation, trace);
  }
}
