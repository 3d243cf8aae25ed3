package dev.rtproof.verifier.property;

import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/**
 * {@code assert}: an {@code ASSERT} holds where it is written, under the requirements. With an argument the
 * property is that one ASSERT (the expression, declared at the property's position); without, every ASSERT
 * of the routine.
 */
final class AssertCheck implements PropertyCheck {
  private final CheckContext cx;

  AssertCheck(CheckContext cx) {
    this.cx = cx;
  }

  @Override
  public String trigger() {
    return "an ASSERT";
  }

  private boolean mine(Assertion a) {
    return cx.spec.args().isEmpty()
        || (a.expression().equals(cx.spec.args().get(0)) && (!cx.spec.pos().isKnown() || a.pos().equals(cx.spec.pos())));
  }

  @Override
  public void assertion(SymState s, Assertion a, Instr in) {
    if (!mine(a)) {
      return;
    }
    cx.trigger(s.path());
    cx.obligation(s, cx.condition(a.expression(), s), a.pos(),
        "ASSERT(\"" + a.expression() + "\") at " + a.pos() + " fails", Map.of(),
        Violation.expression(s.routine(), s.index, a.expression()));
  }
}
