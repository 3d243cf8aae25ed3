package dev.rtproof.dsl.ir;

/**
 * A branch target {@code n(PC)}: the instruction {@code n} positions after the branch itself,
 * counting assembler instructions (labels do not count, a macro counts as one).
 */
public record PcRel(int n) implements Operand {
  @Override
  public String toString() {
    return n + "(PC)";
  }
}
