package dev.rtproof.dsl.ir;

/** A constant immediate, {@code $value}. The value is the 64-bit two's-complement value. */
public record Imm(long value) implements Operand {
  @Override
  public String toString() {
    return "$" + Hex.goNumber(value);
  }
}
