package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tls-round-trip}: at every {@code g(r)} access after FS was set, {@code -8(FS)} is
 * {@code m.tls[0]}, i.e. FS = &m + m_tls + 8, so a store through {@code g(r)} is read back from
 * {@code m+m_tls} and vice versa.
 */
final class TlsRoundTripCheck implements PropertyCheck {
  private final CheckContext cx;
  private final String m;
  private final long mTls;

  TlsRoundTripCheck(CheckContext cx) {
    this.cx = cx;
    this.m = cx.spec.args().get(0);
    this.mTls = cx.env.program.profile().constant("m_tls");
    if (!cx.env.knows(m)) {
      throw new IllegalArgumentException("tls-round-trip names " + m + ", which the routine does not use");
    }
  }

  @Override
  public String trigger() {
    return "an access through g(r) after FS is set";
  }

  @Override
  public void tlsAccess(SymState s, BitVecExpr address, Instr in) {
    var smt = cx.smt;
    BitVecExpr slot = smt.add(cx.env.address(m), smt.bv(mTls));
    cx.trigger(smt.all(s.path(), s.fsSet));
    Map<String, BitVecExpr> w = new LinkedHashMap<>();
    w.put("FS", s.fs);
    w.put("-8(FS)", smt.sub(s.fs, smt.bv(8)));
    w.put(m + "+m_tls", slot);
    cx.obligation(s, smt.implies(s.fsSet, smt.eq(smt.sub(s.fs, smt.bv(8)), slot)), in,
        "-8(FS) is not " + m + ".tls[0] at " + in, w, Violation.tlsMismatch(s.routine(), s.index, m, mTls));
  }
}
