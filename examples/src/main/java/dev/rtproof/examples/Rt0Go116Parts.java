package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go116.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackAligned;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;

/**
 * The parts of Go 1.16's rt0_go ({@link Rt0Go116}) that differ from Go 1.19's, small enough to prove in
 * every build: the head with its {@code SUBQ $(4*8+7), SP} and argc/argv at 16/24(SP), and the newproc call
 * with its two pushes and pops. (The TLS self-test and the g0/m0 binding are the same instructions as Go
 * 1.19's, proved in {@link Rt0GoHead}.) Each part ends with a RET that stands for going on with rt0_go.
 */
@Routines(target = Target.GO1_16)
final class Rt0Go116Parts {
  private Rt0Go116Parts() {}

  /** Argument copy and the g0 stack, from the OS stack the kernel started the process on. */
  @Routine(symbol = "go116·rt0_go_head", flags = NOSPLIT | TOPFRAME)
  @Ensures("SP % 16 == 0 && load64(SP + 16) == entry(DI) && load64(SP + 24) == entry(SI)")
  @Ensures("load64(runtime·g0 + g_stack + stack_hi) == SP && load64(runtime·g0 + g_stack + stack_lo) == SP - 65536 + 104"
      + " && load64(runtime·g0 + g_stackguard0) == SP - 65536 + 104"
      + " && load64(runtime·g0 + g_stackguard1) == SP - 65536 + 104")
  static void rt0_go_head() {
    // copy arguments forward on an even stack
    MOVQ(DI, AX);                                  // argc
    MOVQ(SI, BX);                                  // argv
    SUBQ($(4 * 8 + 7), SP);                        // 2args 2auto
    ANDQ($(~15), SP);
    MOVQ(AX, mem(16, SP));
    MOVQ(BX, mem(24, SP));

    // create istack out of the given (operating system) stack.
    // _cgo_init may update stackguard.
    MOVQ($(sym("runtime·g0")), DI);
    LEAQ(mem(-64 * 1024 + 104, SP), BX);
    MOVQ(BX, mem(g_stackguard0, DI));
    MOVQ(BX, mem(g_stackguard1, DI));
    MOVQ(BX, mem(g_stack + stack_lo, DI));
    MOVQ(SP, mem(g_stack + stack_hi, DI));
    RET();
  }

  /**
   * The main goroutine: newproc(siz int32, fn *funcval) with siz = 0 pushed last, so at the CALL 0(SP) is
   * the size, 8(SP) the entry, and SP is 16-byte aligned like every other call of Go 1.16's rt0_go.
   */
  @Routine(symbol = "go116·rt0_go_newproc", flags = NOSPLIT)
  @Requires("SP % 16 == 0")
  @StackAligned(value = 16, at = "runtime·newproc")
  @StackBalanced
  static void rt0_go_newproc() {
    // create a new goroutine to start program
    MOVQ($(sym("runtime·mainPC")), AX);            // entry
    PUSHQ(AX);
    PUSHQ($(0));                                   // arg size
    ASSERT("load64(SP) == 0 && load64(SP + 8) == runtime·mainPC");
    CALL(sym("runtime·newproc"));
    POPQ(AX);
    POPQ(AX);
    RET();
  }
}
