package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.expr.Expr;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.List;

/**
 * Assumes a routine's {@code @Requires} at its entry state, one top-level conjunct at a time, and lets an
 * equation pin the entry state: {@code R == t} makes register R's entry value the term t, and
 * {@code load64(a) == t}, with a at a known offset of one region, stores t there. Later conjuncts, and the
 * whole execution, then read t itself: an address computed from it ({@code R14 + g_m} once R14 is the
 * current g; a pointer loaded from a word pinned to {@code runtime·m0}) resolves to its region without asking
 * Z3, and nothing forks over every region a free pointer might point into.
 *
 * <p>Sound because every conjunct stays in the path condition: the pinned state equals the free one under
 * the requirements, so every query (which always includes the path) means the same. The entry variables stay
 * what a counterexample is read from (the equation holds in every model).
 */
public final class EntryRequirements {
  private final Environment env;
  private final SymState entry;
  private final PathOracle oracle;

  private EntryRequirements(Environment env, SymState entry, PathOracle oracle) {
    this.env = env;
    this.entry = entry;
    this.oracle = oracle;
  }

  /**
   * Assumes {@code requires} on {@code entry} (the routine's entry state), pinning what the equations say; a
   * load through a pointer that names no region is resolved with {@code oracle} on the conjuncts before it.
   */
  public static void assume(Environment env, SymState entry, List<Condition> requires, PathOracle oracle) {
    EntryRequirements r = new EntryRequirements(env, entry, oracle);
    for (Condition c : requires) {
      Expr e;
      try {
        e = ExprParser.parseCondition(c.expression(), env.names());
      } catch (ExprException x) {
        throw new IllegalArgumentException("@Requires(\"" + c.expression() + "\"): " + x.getMessage(), x);
      }
      List<Expr> conjuncts = new ArrayList<>();
      split(e, conjuncts);
      for (Expr part : conjuncts) {
        r.assume(part);
      }
    }
  }

  private static void split(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.LAND) {
      split(b.left(), out);
      split(b.right(), out);
    } else {
      out.add(e);
    }
  }

  private void assume(Expr e) {
    BoolExpr holds = translator().condition(e);
    entry.assume(holds);
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQ && !holds.isFalse()) {
      if (!pin(b.left(), b.right())) {
        pin(b.right(), b.left());
      }
    }
  }

  private ExprTranslator translator() {
    return new ExprTranslator(env, entry, Snapshot.of(entry), oracle);
  }

  /** Makes {@code place} (a free entry register or a word of memory at a known place) read {@code value}. */
  private boolean pin(Expr place, Expr value) {
    if (place instanceof Expr.RegValue r && r.reg() != Reg.SP && isEntryVariable(r.reg())) {
      BitVecExpr v = translator().value(value);
      if (Smt.constants(v).contains(r.reg().name())) {
        return false;
      }
      entry.regs[r.reg().number()] = v;
      return true;
    }
    if (place instanceof Expr.Load l && l.width() == 64) {
      SymMemory.Resolution at = entry.mem.resolve(translator().value(l.address()), 8, entry.path(), null);
      if (at.pieces().size() != 1) {
        return false;
      }
      SymMemory.Piece p = at.pieces().get(0);
      if (!p.when().isTrue() || !p.inside() || p.concrete() == null) {
        return false;
      }
      entry.mem.store(at, 8, translator().value(value));
      return true;
    }
    return false;
  }

  /** True while register {@code r} at entry is still its own free variable. */
  private boolean isEntryVariable(Reg r) {
    BitVecExpr v = entry.regs[r.number()];
    return v.isConst() && v.getFuncDecl().getName().toString().equals(r.name());
  }
}
