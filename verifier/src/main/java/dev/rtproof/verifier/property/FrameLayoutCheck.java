package dev.rtproof.verifier.property;

import dev.rtproof.dsl.abi.ArgFrame;
import dev.rtproof.dsl.abi.GoDecl;
import dev.rtproof.dsl.abi.GoDeclException;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code frame-layout}: every {@code name+off(FP)} matches the {@code @Go} declaration's offset and width,
 * the results are written before a RET, and {@code args} is the argument frame's size — the checks of
 * {@code go vet}'s asmdecl, as the front end's {@link dev.rtproof.dsl.abi.FrameLayoutCheck} decides them.
 * The verifier makes each problem an obligation where it occurs (the instruction, or the entry for the
 * header's {@code args}), so a violation comes with an entry state that reaches it; the trigger is the entry,
 * where the header's {@code args} is checked.
 */
final class FrameLayoutCheck implements PropertyCheck {
  private final CheckContext cx;
  private final Map<Integer, Problem> atIndex = new HashMap<>();
  private Problem atEntry;

  FrameLayoutCheck(CheckContext cx) {
    this.cx = cx;
    Routine r = cx.env.program.routine(cx.entry().routine());
    ArgFrame frame;
    try {
      frame = ArgFrame.of(GoDecl.parse(r.go()));
    } catch (GoDeclException e) {
      throw new IllegalArgumentException("@Go(\"" + r.go() + "\"), column " + e.column() + ": " + e.getMessage(), e);
    }
    Lowered code = cx.env.program.lowered(r.symbol());
    List<Problem> problems = dev.rtproof.dsl.abi.FrameLayoutCheck.check(r, frame);
    for (Problem p : problems) {
      int index = indexOf(code, p);
      if (index < 0 && atEntry == null) {
        atEntry = p;
      } else if (index >= 0) {
        atIndex.putIfAbsent(index, p);
      }
    }
  }

  /** The lowered index of the source instruction {@code p} is reported at, or -1 (the header). */
  private static int indexOf(Lowered code, Problem p) {
    for (int i = 0; i < code.size(); i++) {
      if (code.sourceIndex()[i] >= 0 && code.at(i).pos().equals(p.pos())) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String trigger() {
    return "the routine's entry (where its header's args is checked)";
  }

  @Override
  public void entry(SymState s) {
    cx.trigger(s.path());
    if (atEntry != null) {
      cx.obligation(s, cx.smt.falsity(), atEntry.pos(), atEntry.message(), Map.of(),
          Violation.executed(s.routine(), s.index));
    }
  }

  @Override
  public void instruction(SymState s, Instr in) {
    Problem p = s.depth() == 0 ? atIndex.get(s.index) : null;
    if (p != null) {
      cx.obligation(s, cx.smt.falsity(), p.pos(), p.message(), Map.of(), Violation.executed(s.routine(), s.index));
    }
  }
}
