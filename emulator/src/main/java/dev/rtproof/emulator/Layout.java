package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.SymbolTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deterministic addresses: code symbols in a text area (instruction {@code i} of a routine at
 * {@code base + i}; code has no bytes here, only addresses), data symbols in name order from
 * {@link #DATA_BASE} with a guard page between them, and the stack below {@link #STACK_TOP}.
 */
public final class Layout {
  /** Returning here ends a run: the address {@link Emulator#run} pushes as the outermost return address. */
  public static final long HALT = 0x400000L;
  public static final long TEXT_BASE = 0x401000L;
  /** Spacing of routines in the text area; a routine has at most this many instructions. */
  public static final long TEXT_STRIDE = 0x10000L;
  public static final long DATA_BASE = 0x1000000L;
  public static final long STACK_TOP = 0x7ffff0000000L;
  public static final long STACK_SIZE = 1L << 20;
  /** The name of the stack region. */
  public static final String STACK = "stack";
  /** The name of the unmapped page below the stack, which turns a stack overflow into a named fault. */
  public static final String STACK_GUARD = "stack guard page";
  /** The initial SP: one page below the top, so a routine may read its caller's frame and arguments. */
  public static final long INITIAL_SP = STACK_TOP - 0x1000;

  private final Map<String, Long> text = new LinkedHashMap<>();
  private final Map<String, Long> data = new LinkedHashMap<>();
  private final Map<String, Long> sizes = new LinkedHashMap<>();

  public Layout(SymbolTable symbols) {
    this(symbols, Map.of());
  }

  /**
   * The layout with the data symbols of {@code placement} at the given addresses instead (a replayed
   * counterexample places symbols where the solver put them); the others are placed as usual.
   */
  public Layout(SymbolTable symbols, Map<String, Long> placement) {
    long nextText = TEXT_BASE;
    long nextData = DATA_BASE;
    for (SymbolTable.Symbol s : symbols.all()) {
      if (s.kind() == SymbolTable.Kind.TEXT) {
        text.put(s.name(), nextText);
        nextText += TEXT_STRIDE;
      } else {
        data.put(s.name(), placement.getOrDefault(s.name(), nextData));
        sizes.put(s.name(), s.size());
        nextData = align(nextData + s.size(), Region.PAGE_SIZE) + Region.PAGE_SIZE;
      }
    }
  }

  private static long align(long v, long a) {
    return (v + a - 1) & -a;
  }

  /** The address of {@code symbol}, code or data; throws if the symbol is not in the layout. */
  public long address(String symbol) {
    Long a = text.get(symbol);
    if (a == null) {
      a = data.get(symbol);
    }
    if (a == null) {
      throw new MachineFault(Trap.Kind.UNBOUND_SYMBOL, "symbol " + symbol + " is not in the program", 0);
    }
    return a;
  }

  public Map<String, Long> textSymbols() {
    return Collections.unmodifiableMap(text);
  }

  public Map<String, Long> dataSymbols() {
    return Collections.unmodifiableMap(data);
  }

  public long dataSize(String symbol) {
    return sizes.get(symbol);
  }

  /** The code symbol whose text area contains {@code address}, or null. */
  public String textSymbolAt(long address) {
    for (Map.Entry<String, Long> e : text.entrySet()) {
      if (address >= e.getValue() && address < e.getValue() + TEXT_STRIDE) {
        return e.getKey();
      }
    }
    return null;
  }
}
