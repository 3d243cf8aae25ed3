package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·systemstack}, its helper {@code gosave_systemstack_switch<>} and the dummy
 * {@code runtime·systemstack_switch} of Go 1.19's asm_amd64.s (reference §7.5, §7.6): run fn on the
 * system (g0) stack and come back.
 *
 * <p>Requirements: the caller runs Go code, so R14 = [FS−8] = g (the reference's precondition of the
 * helper, which reads g from R14); g.sched.ctxt is zero ({@code func save}'s assertion); g is one of m0's
 * goroutines (gsignal, g0 or curg), m0's g0 is either g itself (systemstack is called on g0) or the global
 * {@code runtime·g0}, whose saved SP lies in mapped stack memory at least a page below the caller's frame;
 * fn is a closure in the caller's frame (Go allocates a non-escaping closure there) whose function is neither
 * abort nor badsystemstack (fn's code pointer is the caller's to choose; without that requirement rtproof
 * shows fn = abort reaching abort through {@code JMP DI}).
 *
 * <p>Claims: the stack is balanced at both exits (the RET after the switch back, and the noswitch tail
 * call), the g installed in TLS at exit is the caller's (R14 holds it at entry; systemstack does not restore
 * R14 itself, the ABIInternal caller reloads it), neither abort nor badsystemstack is reached. The helper
 * records the caller's SP, BP and systemstack_switch as PC in g.sched, clears ret, and does not reach abort.
 */
@Routines(target = Target.GO1_19)
final class Systemstack {
  private Systemstack() {}

  /** A dummy routine that systemstack leaves at the bottom of the G stack. */
  @Routine(symbol = "runtime·systemstack_switch", flags = NOSPLIT, args = 0)
  static void systemstack_switch() {
    RET();
  }

  /** func systemstack(fn func()) */
  @Routine(symbol = "runtime·systemstack", flags = NOSPLIT, args = 8)
  @Requires("R14 == load64(FS - 8) && load64(R14 + g_sched + gobuf_ctxt) == 0")
  @Requires("load64(R14 + g_m) == runtime·m0 && load64(runtime·g0 + g_m) == runtime·m0")
  @Requires("R14 == load64(runtime·m0 + m_gsignal) || R14 == load64(runtime·m0 + m_g0)"
      + " || R14 == load64(runtime·m0 + m_curg)")
  @Requires("load64(runtime·m0 + m_g0) == R14 || load64(runtime·m0 + m_g0) == runtime·g0")
  @Requires("load64(runtime·g0 + g_sched + gobuf_sp) <= SP - 4096"
      + " && load64(runtime·g0 + g_sched + gobuf_sp) >= SP - 0x80000")
  @Requires("load64(SP + 8) >= SP + 16 && load64(SP + 8) <= SP + 256")
  @Requires("load64(load64(SP + 8)) != runtime·abort && load64(load64(SP + 8)) != runtime·badsystemstack")
  @StackBalanced
  @Ensures("load64(FS - 8) == entry(R14)")
  @Unreachable({"runtime·badsystemstack", "runtime·abort"})
  static void systemstack() {
    MOVQ(arg("fn", 0), DI);                        // DI = fn
    get_tls(CX);
    MOVQ(g(CX), AX);                               // AX = g
    MOVQ(mem(g_m, AX), BX);                        // BX = m

    CMPQ(AX, mem(m_gsignal, BX));
    JEQ("noswitch");

    MOVQ(mem(m_g0, BX), DX);                       // DX = g0
    CMPQ(AX, DX);
    JEQ("noswitch");

    CMPQ(AX, mem(m_curg, BX));
    JNE("bad");

    // switch stacks
    // save our state in g->sched. Pretend to
    // be systemstack_switch if the G stack is scanned.
    CALL(sym("gosave_systemstack_switch<>"));

    // switch to g0
    MOVQ(DX, g(CX));
    MOVQ(DX, R14);                                 // set the g register
    MOVQ(mem(g_sched + gobuf_sp, DX), BX);
    MOVQ(BX, SP);

    // call target function
    MOVQ(DI, DX);
    MOVQ(mem(0, DI), DI);
    CALL(DI);

    // switch back to g
    get_tls(CX);
    MOVQ(g(CX), AX);
    MOVQ(mem(g_m, AX), BX);
    MOVQ(mem(m_curg, BX), AX);
    MOVQ(AX, g(CX));
    MOVQ(mem(g_sched + gobuf_sp, AX), SP);
    MOVQ($(0), mem(g_sched + gobuf_sp, AX));
    RET();

    label("noswitch");
    // already on m stack; tail call the function
    // Using a tail call here cleans up tracebacks since we won't stop
    // at an intermediate systemstack.
    MOVQ(DI, DX);
    MOVQ(mem(0, DI), DI);
    JMP(DI);

    label("bad");
    // Bad: g is not gsignal, not g0, not curg. What is it?
    MOVQ($(sym("runtime·badsystemstack")), AX);
    CALL(AX);
    INT($(3));
  }

  /**
   * Save state of caller into g->sched, but using fake PC from systemstack_switch. Must only be called
   * from functions with no locals ($0) or else unwinding from systemstack_switch is incorrect. Smashes R9.
   */
  @Routine(symbol = "gosave_systemstack_switch<>", flags = NOSPLIT)
  @Requires("R14 == load64(FS - 8) && load64(R14 + g_sched + gobuf_ctxt) == 0")
  @StackBalanced
  @Unreachable("runtime·abort")
  @Ensures("load64(R14 + g_sched + gobuf_pc) == runtime·systemstack_switch"
      + " && load64(R14 + g_sched + gobuf_sp) == SP + 8 && load64(R14 + g_sched + gobuf_bp) == BP"
      + " && load64(R14 + g_sched + gobuf_ret) == 0 && R14 == entry(R14)")
  static void gosave_systemstack_switch() {
    MOVQ($(sym("runtime·systemstack_switch")), R9);
    MOVQ(R9, mem(g_sched + gobuf_pc, R14));
    LEAQ(mem(8, SP), R9);
    MOVQ(R9, mem(g_sched + gobuf_sp, R14));
    MOVQ($(0), mem(g_sched + gobuf_ret, R14));
    MOVQ(BP, mem(g_sched + gobuf_bp, R14));
    // Assert ctxt is zero. See func save.
    MOVQ(mem(g_sched + gobuf_ctxt, R14), R9);
    TESTQ(R9, R9);
    JZ(pc(2));
    CALL(sym("runtime·abort"));
    RET();
  }
}
