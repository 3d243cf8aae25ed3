package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * A routine as the CPU runs it: source instructions plus what the assembler adds (stack check, frame
 * setup and teardown, morestack stub), with every branch target resolved to an index into {@link #code()}.
 *
 * @param code the executed instructions
 * @param target for each instruction, the index its label or {@code n(PC)} branch goes to, else -1
 * @param sourceIndex for each instruction, its index among the source instructions, or -1 if implicit
 * @param sourceStart for each source instruction, the index in {@code code} where it starts (a RET
 *     starts at its epilogue, as a label on it does in Go)
 * @param frameSize the assembler's framesize (declared frame plus the saved-BP slot, reference §6)
 * @param split the inserted stack check, or null for a routine without one (NOSPLIT or a small leaf)
 */
public record Lowered(
    Routine source, List<Instr> code, int[] target, int[] sourceIndex, int[] sourceStart, int frameSize,
    Split split) {

  /**
   * Where the inserted stack check is: its variant, the index of the first instruction after it (the
   * frame setup, i.e. the body entry the check guards) and the index of the morestack stub.
   */
  public record Split(SplitPrologue.Variant variant, int bodyStart, int stubStart) {}

  public int size() {
    return code.size();
  }

  public Instr at(int i) {
    return code.get(i);
  }

  /** The index of the first instruction after the stack check: 0 when there is none. */
  public int bodyStart() {
    return split == null ? 0 : split.bodyStart();
  }
}
