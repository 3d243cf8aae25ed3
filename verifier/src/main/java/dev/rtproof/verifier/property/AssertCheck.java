package dev.rtproof.verifier.property;

import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/** {@code assert}: every {@code ASSERT} of the routine holds where it is written, under the requirements. */
final class AssertCheck implements PropertyCheck {
  private final CheckContext cx;

  AssertCheck(CheckContext cx) {
    this.cx = cx;
  }

  @Override
  public String trigger() {
    return "an ASSERT";
  }

  @Override
  public void assertion(SymState s, Assertion a, Instr in) {
    cx.trigger(s.path());
    cx.obligation(s, cx.condition(a.expression(), s), a.pos(),
        "ASSERT(\"" + a.expression() + "\") at " + a.pos() + " fails", Map.of(),
        Violation.expression(s.routine(), s.index, a.expression()));
  }
}
