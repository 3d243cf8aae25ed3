package dev.rtproof.verifier.property;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/** {@code ensures}: the postcondition holds at every exit of the routine. */
final class EnsuresCheck implements PropertyCheck {
  private final CheckContext cx;
  private final String expression;

  EnsuresCheck(CheckContext cx) {
    this.cx = cx;
    this.expression = cx.spec.args().get(0);
  }

  @Override
  public String trigger() {
    return "an exit (RET or tail JMP)";
  }

  @Override
  public void exit(SymState s, Instr in) {
    cx.trigger(s.path());
    cx.obligation(s, cx.condition(expression, s), in, "\"" + expression + "\" does not hold at " + in, Map.of(),
        Violation.expression(s.routine(), s.index, expression));
  }
}
