package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.List;
import java.util.Map;

/** {@code unreachable}: no CALL or JMP to the named symbols happens, in the routine or a callee inlined into it. */
final class UnreachableCheck implements PropertyCheck {
  private final CheckContext cx;
  private final List<String> symbols;

  UnreachableCheck(CheckContext cx) {
    this.cx = cx;
    this.symbols = cx.spec.args();
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
  public void call(SymState s, String symbol, BitVecExpr target, Instr in) {
    reached(s, symbol, target, in);
  }

  @Override
  public void tailJump(SymState s, String symbol, BitVecExpr target, Instr in) {
    reached(s, symbol, target, in);
  }

  private void reached(SymState s, String symbol, BitVecExpr target, Instr in) {
    var smt = cx.smt;
    for (String u : symbols) {
      if (u.equals(symbol)) {
        cx.obligation(s, smt.falsity(), in, u + " is reached", Map.of(), Violation.reached(s.routine(), s.index, u));
      } else if (symbol == null && cx.env.knows(u)) {
        cx.obligation(s, smt.not(smt.eq(target, cx.env.address(u))), in, u + " is reached through " + in,
            Map.of("target", target), Violation.reached(s.routine(), s.index, u));
      }
    }
  }
}
