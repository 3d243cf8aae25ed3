package dev.rtproof.benchmarks.cpu;

import java.util.Map;

/**
 * Machine code as Go's toolchain linked it: the {@code .text} section's bytes at its virtual address, and
 * the address and size of each routine (by rtproof symbol, {@code ·spin}). Routines call each other
 * PC-relatively, so mapping the whole section at {@code address} runs them as the CPU does.
 */
public record CodeImage(long address, byte[] text, Map<String, Symbol> symbols) {
  /** A routine's entry address and size in bytes. */
  public record Symbol(long address, long size) {}

  /** The entry address of routine {@code symbol}. */
  public long address(String symbol) {
    Symbol s = symbols.get(symbol);
    if (s == null) {
      throw new IllegalArgumentException(symbol + " is not in the native program's symbol table: " + symbols.keySet());
    }
    return s.address();
  }
}
