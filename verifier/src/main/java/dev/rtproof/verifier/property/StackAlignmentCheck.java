package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.List;
import java.util.Map;

/** {@code stack-alignment}: SP ≡ 0 (mod n) just before each listed CALL (or SYSCALL) of the routine executes. */
final class StackAlignmentCheck implements PropertyCheck {
  private final CheckContext cx;
  private final long modulus;
  private final List<String> at;

  StackAlignmentCheck(CheckContext cx) {
    this.cx = cx;
    this.modulus = Long.parseLong(cx.spec.args().get(0));
    this.at = cx.spec.args().subList(1, cx.spec.args().size());
    if (modulus <= 0) {
      throw new IllegalArgumentException("stack-alignment needs a positive modulus, not " + modulus);
    }
  }

  @Override
  public String trigger() {
    return at.isEmpty() ? "a CALL" : "a CALL to " + String.join(" or ", at);
  }

  @Override
  public void call(SymState s, String symbol, BitVecExpr target, Instr in) {
    if (s.depth() == 0 && (at.isEmpty() || (symbol != null && at.contains(symbol)))) {
      check(s, in, "CALL " + (symbol == null ? in.arg(0).toString() : symbol));
    }
  }

  @Override
  public void syscall(SymState s, Instr in) {
    if (s.depth() == 0 && at.contains("SYSCALL")) {
      check(s, in, "SYSCALL");
    }
  }

  private void check(SymState s, Instr in, String where) {
    var smt = cx.smt;
    BitVecExpr sp = s.sp();
    BoolExpr aligned = Long.bitCount(modulus) == 1
        ? smt.eq(smt.and(sp, smt.bv(modulus - 1)), smt.bv(0))
        : smt.eq(smt.ctx.mkBVURem(sp, smt.bv(modulus)), smt.bv(0));
    cx.trigger(s.path());
    cx.obligation(s, aligned, in, "SP is not " + modulus + "-aligned at " + where, Map.of("SP", sp),
        Violation.misaligned(s.routine(), s.index, modulus));
  }
}
