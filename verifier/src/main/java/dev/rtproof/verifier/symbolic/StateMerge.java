package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BoolExpr;

/**
 * Merges two states at the same instruction (same inlined-call stack) into one whose values are
 * {@code if path-a then a else b}. Paths from one entry state are mutually exclusive (each concrete
 * input follows exactly one), so the merge is exact: the merged state's path is the disjunction, and
 * every value is selected by the part of path a that is not shared with path b.
 */
final class StateMerge {
  private StateMerge() {}

  static SymState merge(Smt smt, SymState a, SymState b) {
    PathCondition common = PathCondition.common(a.pc, b.pc);
    BoolExpr ca = a.pc.since(smt, common);
    BoolExpr cb = b.pc.since(smt, common);
    SymState m = new SymState(smt);
    m.pc = common.and(smt, complementary(ca, cb) ? smt.truth() : smt.any(ca, cb));
    for (int i = 0; i < 16; i++) {
      m.regs[i] = smt.ite(ca, a.regs[i], b.regs[i]);
    }
    for (int i = 0; i < m.flags.length; i++) {
      m.flags[i] = smt.iteBool(ca, a.flags[i], b.flags[i]);
    }
    m.fs = smt.ite(ca, a.fs, b.fs);
    m.gs = smt.ite(ca, a.gs, b.gs);
    m.fsSet = smt.iteBool(ca, a.fsSet, b.fsSet);
    m.mem = SymMemory.merge(smt, ca, a.mem, b.mem);
    m.frames = new java.util.ArrayList<>(a.frames);
    for (int i = 0; i < m.frames.size(); i++) {
      SymState.Frame fa = a.frames.get(i);
      SymState.Frame fb = b.frames.get(i);
      if (fa != fb) {
        m.frames.set(i, new SymState.Frame(fa.code(), fa.base(), fa.returnIndex(), fa.returnAddress(),
            Snapshot.merge(smt, ca, fa.entry(), fb.entry())));
      }
    }
    m.code = a.code;
    m.base = a.base;
    m.index = a.index;
    m.visits = a.visits;
    b.visits.forEach((k, v) -> m.visits.merge(k, v, Math::max));
    return m;
  }

  private static boolean complementary(BoolExpr x, BoolExpr y) {
    return (y.isNot() && y.getArgs()[0].equals(x)) || (x.isNot() && x.getArgs()[0].equals(y));
  }
}
