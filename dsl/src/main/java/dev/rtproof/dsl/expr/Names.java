package dev.rtproof.dsl.expr;

import dev.rtproof.dsl.ir.Reg;
import java.util.Map;

/**
 * How identifiers of an expression are bound: {@code true} and {@code false}, registers, {@code FS}/{@code GS},
 * flags, the target's layout constants, then symbols. A symbol is written with {@code ·} or {@code .} ({@code runtime·g0},
 * {@code runtime.g0}) or is one the routine mentions ({@code _cgo_init}).
 */
public final class Names {
  private final Map<String, Long> constants;
  private final java.util.Set<String> knownSymbols;

  public Names(Map<String, Long> constants, java.util.Set<String> knownSymbols) {
    this.constants = constants;
    this.knownSymbols = knownSymbols;
  }

  /** Binds {@code name}, or returns null when it denotes nothing. */
  Expr bind(String name) {
    if (name.equals("true") || name.equals("false")) {
      // A constant condition, written as a comparison so every evaluator already knows it.
      return new Expr.Binary(name.equals("true") ? Expr.BinaryOp.EQ : Expr.BinaryOp.NE, new Expr.Num(0), new Expr.Num(0));
    }
    Reg r = Reg.byName(name);
    if (r != null && r.isGpr()) {
      return new Expr.RegValue(r, false);
    }
    for (Expr.Segment s : Expr.Segment.values()) {
      if (s.name().equals(name)) {
        return new Expr.SegmentBase(s, false);
      }
    }
    for (Expr.Flag f : Expr.Flag.values()) {
      if (f.name().equals(name)) {
        return new Expr.FlagValue(f);
      }
    }
    Long c = constants.get(name);
    if (c != null) {
      return new Expr.Const(name, c);
    }
    String symbol = normalizeSymbol(name);
    if (!symbol.equals(name) || name.contains("·") || knownSymbols.contains(name)) {
      return new Expr.SymbolAddress(symbol);
    }
    return null;
  }

  /** {@code runtime.g0} → {@code runtime·g0}. */
  public static String normalizeSymbol(String name) {
    return name.replace('.', '·');
  }
}
