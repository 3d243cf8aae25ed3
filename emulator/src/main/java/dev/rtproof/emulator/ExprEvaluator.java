package dev.rtproof.emulator;

import dev.rtproof.dsl.expr.Expr;

/**
 * Evaluates a property expression on concrete states: the current machine, and a copy of the registers
 * at entry for {@code entry(R)}. Booleans are 1 and 0. The verifier checks the same expressions with Z3;
 * replays of counterexamples evaluate them here.
 */
public final class ExprEvaluator {
  private final Machine now;
  private final Machine entry;
  private final Layout layout;

  public ExprEvaluator(Machine now, Machine entry, Layout layout) {
    this.now = now;
    this.entry = entry;
    this.layout = layout;
  }

  /** Evaluates a condition; a load from unmapped memory makes it throw {@link IllegalStateException}. */
  public boolean holds(Expr e) {
    return eval(e) != 0;
  }

  public long eval(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    if (e instanceof Expr.Const c) {
      return c.value();
    }
    if (e instanceof Expr.RegValue r) {
      return (r.entry() ? entry : now).get(r.reg());
    }
    if (e instanceof Expr.SegmentBase s) {
      Machine m = s.entry() ? entry : now;
      return s.segment() == Expr.Segment.FS ? m.fsBase : m.gsBase;
    }
    if (e instanceof Expr.FlagValue f) {
      return switch (f.flag()) {
        case CF -> now.cf() ? 1 : 0;
        case PF -> now.pf() ? 1 : 0;
        case ZF -> now.zf() ? 1 : 0;
        case SF -> now.sf() ? 1 : 0;
        case OF -> now.of() ? 1 : 0;
        case DF -> now.df() ? 1 : 0;
      };
    }
    if (e instanceof Expr.SymbolAddress s) {
      return layout.address(s.symbol());
    }
    if (e instanceof Expr.Load l) {
      long address = eval(l.address());
      if (now.memory.find(address, l.width() / 8) == null) {
        throw new IllegalStateException("load" + l.width() + " of unmapped address " + Trap.hex(address));
      }
      return now.load(address, l.width() / 8);
    }
    if (e instanceof Expr.Unary u) {
      long v = eval(u.operand());
      return switch (u.op()) {
        case NEG -> -v;
        case BITNOT -> ~v;
        case NOT -> v == 0 ? 1 : 0;
      };
    }
    Expr.Binary b = (Expr.Binary) e;
    long x = eval(b.left());
    if (b.op() == Expr.BinaryOp.LAND && x == 0) {
      return 0;
    }
    if (b.op() == Expr.BinaryOp.LOR && x != 0) {
      return 1;
    }
    if (b.op() == Expr.BinaryOp.IMPLIES && x == 0) {
      return 1;
    }
    long y = eval(b.right());
    return switch (b.op()) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case UDIV -> y == 0 ? -1 : Long.divideUnsigned(x, y);
      case UREM -> y == 0 ? x : Long.remainderUnsigned(x, y);
      case AND -> x & y;
      case OR -> x | y;
      case XOR -> x ^ y;
      case SHL -> Long.compareUnsigned(y, 64) >= 0 ? 0 : x << y;
      case SHR -> Long.compareUnsigned(y, 64) >= 0 ? 0 : x >>> y;
      case EQ -> bool(x == y);
      case NE -> bool(x != y);
      case ULT -> bool(Long.compareUnsigned(x, y) < 0);
      case ULE -> bool(Long.compareUnsigned(x, y) <= 0);
      case UGT -> bool(Long.compareUnsigned(x, y) > 0);
      case UGE -> bool(Long.compareUnsigned(x, y) >= 0);
      case SLT -> bool(x < y);
      case SLE -> bool(x <= y);
      case SGT -> bool(x > y);
      case SGE -> bool(x >= y);
      case LAND, LOR, IMPLIES -> bool(y != 0);
    };
  }

  private static long bool(boolean b) {
    return b ? 1 : 0;
  }
}
