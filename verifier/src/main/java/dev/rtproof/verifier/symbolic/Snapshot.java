package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.ir.Reg;

/** The registers and segment bases of a state at one moment: what {@code entry(R)} refers to. */
public record Snapshot(BitVecExpr[] regs, BitVecExpr fs, BitVecExpr gs) {
  public BitVecExpr reg(Reg r) {
    return regs[r.number()];
  }

  /** The registers and segment bases of {@code s} now. */
  public static Snapshot of(SymState s) {
    return new Snapshot(s.regs.clone(), s.fs, s.gs);
  }

  static Snapshot merge(Smt smt, com.microsoft.z3.BoolExpr c, Snapshot a, Snapshot b) {
    if (a == b) {
      return a;
    }
    BitVecExpr[] r = new BitVecExpr[16];
    for (int i = 0; i < 16; i++) {
      r[i] = smt.ite(c, a.regs[i], b.regs[i]);
    }
    return new Snapshot(r, smt.ite(c, a.fs, b.fs), smt.ite(c, a.gs, b.gs));
  }
}
