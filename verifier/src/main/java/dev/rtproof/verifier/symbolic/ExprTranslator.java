package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import dev.rtproof.dsl.expr.Expr.Binary;
import dev.rtproof.dsl.expr.Expr.Const;
import dev.rtproof.dsl.expr.Expr.FlagValue;
import dev.rtproof.dsl.expr.Expr.Load;
import dev.rtproof.dsl.expr.Expr.Num;
import dev.rtproof.dsl.expr.Expr.RegValue;
import dev.rtproof.dsl.expr.Expr.SegmentBase;
import dev.rtproof.dsl.expr.Expr.SymbolAddress;
import dev.rtproof.dsl.expr.Expr.Unary;

/**
 * Translates a bound property expression to Z3 over a current state and the entry state. The emulator's
 * {@code ExprEvaluator} gives the same expressions their concrete meaning.
 */
public final class ExprTranslator {
  private final Smt smt;
  private final Environment env;
  private final SymState now;
  private final Snapshot entry;
  private final PathOracle oracle;

  /**
   * Translates at {@code now}, with {@code entry(R)} read from {@code entry}; loads are resolved on
   * {@code now}'s path with {@code oracle} (may be null).
   */
  public ExprTranslator(Environment env, SymState now, Snapshot entry, PathOracle oracle) {
    this.smt = env.smt;
    this.env = env;
    this.now = now;
    this.entry = entry;
    this.oracle = oracle;
  }

  public BoolExpr condition(dev.rtproof.dsl.expr.Expr e) {
    return (BoolExpr) translate(e);
  }

  public BitVecExpr value(dev.rtproof.dsl.expr.Expr e) {
    return (BitVecExpr) translate(e);
  }

  private Expr<?> translate(dev.rtproof.dsl.expr.Expr e) {
    if (e instanceof Num n) {
      return smt.bv(n.value());
    }
    if (e instanceof Const c) {
      return smt.bv(c.value());
    }
    if (e instanceof RegValue r) {
      return r.entry() ? entry.reg(r.reg()) : now.reg(r.reg());
    }
    if (e instanceof SegmentBase s) {
      boolean fs = s.segment() == dev.rtproof.dsl.expr.Expr.Segment.FS;
      return s.entry() ? (fs ? entry.fs() : entry.gs()) : (fs ? now.fs : now.gs);
    }
    if (e instanceof FlagValue f) {
      return now.flags[switch (f.flag()) {
        case CF -> SymState.CF;
        case PF -> SymState.PF;
        case ZF -> SymState.ZF;
        case SF -> SymState.SF;
        case OF -> SymState.OF;
        case DF -> SymState.DF;
      }];
    }
    if (e instanceof SymbolAddress s) {
      return env.address(s.symbol());
    }
    if (e instanceof Load l) {
      int bytes = l.width() / 8;
      return smt.zext(now.mem.load(now.mem.resolve(value(l.address()), bytes, now.path(), oracle), bytes), l.width());
    }
    if (e instanceof Unary u) {
      return switch (u.op()) {
        case NEG -> smt.ctx.mkBVNeg(value(u.operand()));
        case BITNOT -> smt.ctx.mkBVNot(value(u.operand()));
        case NOT -> smt.not(condition(u.operand()));
      };
    }
    Binary b = (Binary) e;
    if (b.op().takesBool()) {
      BoolExpr x = condition(b.left());
      BoolExpr y = condition(b.right());
      return switch (b.op()) {
        case LAND -> smt.all(x, y);
        case LOR -> smt.any(x, y);
        default -> smt.implies(x, y);
      };
    }
    if (b.op() == dev.rtproof.dsl.expr.Expr.BinaryOp.EQ || b.op() == dev.rtproof.dsl.expr.Expr.BinaryOp.NE) {
      BoolExpr eq = smt.eq(translate(b.left()), translate(b.right()));
      return b.op() == dev.rtproof.dsl.expr.Expr.BinaryOp.EQ ? eq : smt.not(eq);
    }
    BitVecExpr x = value(b.left());
    BitVecExpr y = value(b.right());
    var c = smt.ctx;
    return switch (b.op()) {
      case ADD -> c.mkBVAdd(x, y);
      case SUB -> c.mkBVSub(x, y);
      case MUL -> c.mkBVMul(x, y);
      case UDIV -> c.mkBVUDiv(x, y);
      case UREM -> c.mkBVURem(x, y);
      case AND -> c.mkBVAND(x, y);
      case OR -> c.mkBVOR(x, y);
      case XOR -> c.mkBVXOR(x, y);
      case SHL -> c.mkBVSHL(x, y);
      case SHR -> c.mkBVLSHR(x, y);
      case ULT -> c.mkBVULT(x, y);
      case ULE -> c.mkBVULE(x, y);
      case UGT -> c.mkBVUGT(x, y);
      case UGE -> c.mkBVUGE(x, y);
      case SLT -> c.mkBVSLT(x, y);
      case SLE -> c.mkBVSLE(x, y);
      case SGT -> c.mkBVSGT(x, y);
      case SGE -> c.mkBVSGE(x, y);
      default -> throw new IllegalStateException("operator " + b.op());
    };
  }
}
