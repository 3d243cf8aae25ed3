package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Context;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.RoutineProgram;

/** The settls fixture as a program on the test classpath (a META-INF service), as generated programs are. */
public final class SettlsProgram extends RoutineProgram {
  private final Interpreter interpreter = new Interpreter(Fixtures.settls(true).build());

  @Override
  public Routine routine() {
    return interpreter.routine();
  }

  @Override
  public Lowered lowered() {
    return interpreter.lowered();
  }

  @Override
  public long execute(Context cx, int index) {
    return interpreter.execute(cx, index);
  }
}
