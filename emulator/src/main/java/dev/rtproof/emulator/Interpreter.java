package dev.rtproof.emulator;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Routine;

/** The reference executor: interprets a routine's lowered IR instruction by instruction. */
public final class Interpreter extends RoutineProgram {
  private final Routine routine;
  private final Lowered lowered;

  public Interpreter(Routine routine) {
    this.routine = routine;
    this.lowered = Lowering.lower(routine, Target.valueOf(routine.target()).profile());
  }

  @Override
  public Routine routine() {
    return routine;
  }

  @Override
  public Lowered lowered() {
    return lowered;
  }

  @Override
  public long execute(Context cx, int index) {
    int i = index;
    while (true) {
      if (i >= lowered.size()) {
        return cx.fellOffEnd(routine.symbol());
      }
      Instr in = lowered.at(i);
      cx.at(i);
      switch (in.op().form()) {
        case JCC -> {
          Machine m = cx.m;
          if (in.op().cond().test(m.cf(), m.pf(), m.zf(), m.sf(), m.of())) {
            if (lowered.target()[i] < 0) {
              return Operands.branchTarget(cx, in.arg(0));
            }
            i = lowered.target()[i];
            continue;
          }
        }
        case JMP -> {
          if (lowered.target()[i] >= 0) {
            i = lowered.target()[i];
            continue;
          }
          return Operands.branchTarget(cx, in.arg(0));
        }
        case CALL -> {
          long target = lowered.target()[i] >= 0 ? cx.base + lowered.target()[i] : Operands.branchTarget(cx, in.arg(0));
          cx.m.push(cx.base + i + 1);
          return target;
        }
        case RET -> {
          return cx.m.pop();
        }
        default -> Semantics.exec(cx, in, i);
      }
      i++;
    }
  }
}
