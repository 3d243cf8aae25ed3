package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;

/**
 * Go 1.19's rt0_go in parts small enough to prove in every build ({@link Rt0Go} is the whole routine;
 * {@link Rt0GoHead} is the head up to CLD: argument copy, g0 stack, settls, the TLS self-test and the
 * g0/m0 binding). Each part starts with SP as rt0_go has it there ({@code @Requires}) and ends with a RET
 * that stands for going on with rt0_go's next instruction.
 */
@Routines(target = Target.GO1_19)
final class Rt0GoParts {
  private Rt0GoParts() {}

  /**
   * The main goroutine: one push of the entry, newproc, one pop. newproc(fn *funcval) takes fn at
   * 0(SP) — so, unlike every other call of rt0_go, it is called at SP ≡ 8 (mod 16), which the Go ABI
   * allows (it only promises 8-byte alignment).
   */
  @Routine(symbol = "runtime·rt0_go_newproc", flags = NOSPLIT)
  @Requires("SP % 16 == 0")
  @StackBalanced
  static void rt0_go_newproc() {
    // create a new goroutine to start program
    MOVQ($(sym("runtime·mainPC")), AX);            // entry
    PUSHQ(AX);
    ASSERT("SP % 16 == 8 && load64(SP) == runtime·mainPC");
    CALL(sym("runtime·newproc"));
    POPQ(AX);
    RET();
  }
}
