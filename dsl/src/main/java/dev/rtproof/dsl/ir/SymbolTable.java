package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.target.TargetProfile;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The symbols a set of routines mentions, each classified as code or data, with the size of every data
 * symbol and where that size came from. Both executors place symbols from this table, so the emulator
 * and the verifier agree on what is mapped.
 */
public final class SymbolTable {
  /** Default size of a data symbol nothing declares: one page; reported as an assumption. */
  public static final long DEFAULT_DATA_SIZE = 4096;

  /** Code or data. */
  public enum Kind { TEXT, DATA }

  /** One symbol: kind, size in bytes (data), and the source of that size for reports. */
  public record Symbol(String name, Kind kind, long size, String sizeSource) {}

  private final Map<String, Symbol> symbols;

  private SymbolTable(Map<String, Symbol> symbols) {
    this.symbols = Collections.unmodifiableMap(symbols);
  }

  /** Collects symbols of {@code routines}; routine symbols and CALL/JMP targets are code. */
  public static SymbolTable of(Collection<Routine> routines, TargetProfile profile) {
    return of(routines, java.util.List.of(), profile);
  }

  /** Symbols of {@code routines} and {@code data}; a GLOBL's size is the symbol's size. */
  public static SymbolTable of(Collection<Routine> routines, Collection<DataSymbol> data, TargetProfile profile) {
    Map<String, Symbol> out = new TreeMap<>();
    for (Routine r : routines) {
      out.put(r.symbol(), new Symbol(r.symbol(), Kind.TEXT, 0, "routine"));
    }
    for (DataSymbol d : data) {
      out.put(d.name(), new Symbol(d.name(), Kind.DATA, d.size(), "GLOBL"));
    }
    // An undeclared symbol whose address a DATA word holds is code: DATA words of that kind are function
    // pointers (runtime·mainPC holds runtime·main, funcvals hold their function).
    for (DataSymbol d : data) {
      for (DataSymbol.Init init : d.inits()) {
        if (init.value() instanceof SymAddr a && !out.containsKey(a.symbol())) {
          out.put(a.symbol(), new Symbol(a.symbol(), Kind.TEXT, 0, "address in DATA"));
        }
      }
    }
    for (Routine r : routines) {
      String morestack = Lowering.morestackCallee(r, profile);
      if (morestack != null) {
        out.putIfAbsent(morestack, new Symbol(morestack, Kind.TEXT, 0, "called by an inserted stack check"));
      }
      for (Instr in : r.instrs()) {
        for (Operand o : in.args()) {
          String name = o instanceof Mem m && m.kind() == Mem.Kind.SYMBOL ? m.name()
              : o instanceof SymAddr a ? a.symbol() : null;
          if (name == null || out.containsKey(name)) {
            continue;
          }
          if (in.op().isBranch()) {
            out.put(name, new Symbol(name, Kind.TEXT, 0, "branch target"));
          } else {
            out.put(name, data(name, profile));
          }
        }
      }
    }
    return new SymbolTable(out);
  }

  private static Symbol data(String name, TargetProfile profile) {
    Long known = profile.runtimeSymbolSizes().get(name);
    if (known != null) {
      return new Symbol(name, Kind.DATA, known, profile.name() + " layout");
    }
    return new Symbol(name, Kind.DATA, DEFAULT_DATA_SIZE, "assumed (no declared size)");
  }

  /** All symbols, sorted by name (the deterministic placement order). */
  public Collection<Symbol> all() {
    return symbols.values();
  }

  public Symbol get(String name) {
    return symbols.get(name);
  }

  public boolean contains(String name) {
    return symbols.containsKey(name);
  }
}
