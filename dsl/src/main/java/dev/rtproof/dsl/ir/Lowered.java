package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * A routine as the CPU runs it: source instructions plus what the assembler adds (frame setup and
 * teardown), with every branch target resolved to an index into {@link #code()}.
 *
 * @param code the executed instructions
 * @param target for each instruction, the index its label or {@code n(PC)} branch goes to, else -1
 * @param sourceIndex for each instruction, its index among the source instructions, or -1 if implicit
 * @param sourceStart for each source instruction, the index in {@code code} where it starts (a RET
 *     starts at its epilogue, as a label on it does in Go)
 * @param frameSize the assembler's framesize (declared frame plus the saved-BP slot, reference §6)
 */
public record Lowered(
    Routine source, List<Instr> code, int[] target, int[] sourceIndex, int[] sourceStart, int frameSize) {
  public int size() {
    return code.size();
  }

  public Instr at(int i) {
    return code.get(i);
  }
}
