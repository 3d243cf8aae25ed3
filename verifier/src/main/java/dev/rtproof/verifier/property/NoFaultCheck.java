package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/** {@code no-fault}: every data access lies in mapped memory and control never leaves the code. */
final class NoFaultCheck implements PropertyCheck {
  private final CheckContext cx;

  NoFaultCheck(CheckContext cx) {
    this.cx = cx;
  }

  @Override
  public String trigger() {
    return "the routine's entry";
  }

  @Override
  public void entry(SymState s) {
    cx.trigger(s.path());
  }

  @Override
  public void memoryAccess(SymState s, BitVecExpr address, int bytes, boolean write, BoolExpr mapped, Instr in) {
    cx.obligation(s, mapped, in, (write ? "write" : "read") + " of " + bytes + " bytes outside mapped memory by " + in,
        Map.of("address", address), Violation.fault(s.routine(), s.index));
  }

  @Override
  public void badJump(SymState s, BoolExpr when, String what, Instr in) {
    cx.obligation(s, cx.smt.not(when), in, what, Map.of(), Violation.badJump(s.routine(), s.index));
  }
}
