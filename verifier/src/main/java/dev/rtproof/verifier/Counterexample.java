package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A concrete initial state that violates a property, from the Z3 model: entry registers, FS and GS at
 * entry, where each data symbol was placed, and the values that show the violation at the failing
 * instruction ({@code witnesses}, e.g. the SP at a CALL).
 */
public record Counterexample(
    String what,
    SourcePos pos,
    Map<String, Long> registers,
    long fs,
    long gs,
    Map<String, Long> symbols,
    Map<String, Long> witnesses) {

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
}
