package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Routine;
import java.util.List;

/**
 * An executable routine: the interpreter over IR or a program the rtproof processor generated.
 * Generated programs are registered as services of this type, so tools find every routine on the
 * classpath with {@link java.util.ServiceLoader}.
 */
public abstract class RoutineProgram {
  /** The routine's IR as written (the source of the generated code, or what the interpreter runs). */
  public abstract Routine routine();

  /** The routine as executed, after lowering. */
  public abstract Lowered lowered();

  /**
   * Runs from instruction {@code index} of {@link #lowered()} until control leaves the routine, and
   * returns the code address control goes to (a return address, a call or jump target). On leaving,
   * the machine's step count and instruction index are exact; a trap leaves the machine exactly as it
   * was before the trapping instruction.
   */
  public abstract long execute(Context cx, int index);

  /**
   * Like {@link #execute} but instruction by instruction: each one is announced with
   * {@link Context#at} before it executes, so traces and step limits see every instruction.
   */
  public long executePrecise(Context cx, int index) {
    return execute(cx, index);
  }

  /** The symbols whose addresses the code uses through {@link Context#addresses}, resolved once per emulator. */
  public List<String> symbolsUsed() {
    return List.of();
  }
}
