package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stack-balance}: at each exit SP equals SP at entry and the return address at 0(SP) is unchanged. */
final class StackBalanceCheck implements PropertyCheck {
  private final CheckContext cx;

  StackBalanceCheck(CheckContext cx) {
    this.cx = cx;
  }

  @Override
  public String trigger() {
    return "a RET";
  }

  @Override
  public void exit(SymState s, Instr in) {
    var smt = cx.smt;
    SymState entry = cx.entry();
    BitVecExpr returnAddress = entry.mem.load(entry.mem.resolve(entry.sp(), 8, smt.truth(), null), 8);
    BitVecExpr slot = s.mem.load(cx.resolve(s, s.sp(), 8), 8);
    Map<String, BitVecExpr> w = new LinkedHashMap<>();
    w.put("SP", s.sp());
    w.put("SP at entry", entry.sp());
    w.put("0(SP)", slot);
    w.put("return address", returnAddress);
    cx.trigger(s.path());
    cx.obligation(s, smt.all(smt.eq(s.sp(), entry.sp()), smt.eq(slot, returnAddress)), in,
        "the stack is not balanced at " + in, w, Violation.unbalanced(s.routine(), s.index));
  }
}
