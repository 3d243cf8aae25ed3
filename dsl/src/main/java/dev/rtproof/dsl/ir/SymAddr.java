package dev.rtproof.dsl.ir;

import java.util.Objects;

/** The address of a symbol as an immediate: {@code $sym(SB)} or {@code $sym+off(SB)}. */
public record SymAddr(String symbol, long offset) implements Operand {
  public SymAddr {
    Objects.requireNonNull(symbol, "symbol");
  }

  @Override
  public String toString() {
    return "$" + Hex.symbolOffset(symbol, offset) + "(SB)";
  }
}
