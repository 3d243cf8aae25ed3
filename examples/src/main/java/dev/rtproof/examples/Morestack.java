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
 * {@code runtime·morestack} and {@code runtime·morestack_noctxt} of Go 1.19's asm_amd64.s (reference §7.7,
 * §7.8; Go 1.19 checks g0 and gsignal first and saves g.sched afterwards): called from a function's
 * prologue when it needs more stack, records where it came from in {@code m.morebuf} and {@code g.sched}
 * and calls newstack on g0's stack.
 *
 * <p>Stack at entry: 0(SP) is the return address into f's morestack stub, 8(SP) f's return address into
 * its caller, 16(SP) the caller's SP. Requirements: R14 = [FS−8] = g (Go 1.17+ prologues load g into R14,
 * ABI0 ones with {@code MOVQ (TLS), R14}; morestack does not touch R14), g.m is {@code runtime·m0}, g is
 * neither m0's g0 ({@code runtime·g0}, a global and so never the current g) nor its gsignal, and g0's saved
 * SP lies in mapped stack memory at least a page below f's frame.
 *
 * <p>Claims, checked just before the CALL to newstack: m.morebuf = {pc: 8(SP), sp: SP + 16, g},
 * g.sched = {pc: 0(SP), sp: SP + 8, bp: BP, ctxt: DX}, g0 is installed in TLS and SP = g0.sched.sp; the
 * bad-g0 and bad-gsignal calls are not reached. (The {@code CALL runtime·abort} after newstack is reached
 * exactly when newstack returns, which newstack never does; that is newstack's claim, not morestack's.)
 */
@Routines(target = Target.GO1_19)
final class Morestack {
  private Morestack() {}

  /** Called during function prolog when more stack is needed. */
  @Routine(symbol = "runtime·morestack", flags = NOSPLIT, args = 0)
  @Requires("R14 == load64(FS - 8) && load64(R14 + g_m) == runtime·m0")
  @Requires("load64(runtime·m0 + m_g0) == runtime·g0 && load64(runtime·m0 + m_gsignal) != R14")
  @Requires("load64(runtime·g0 + g_sched + gobuf_sp) <= SP - 4096"
      + " && load64(runtime·g0 + g_sched + gobuf_sp) >= SP - 0x80000")
  @Unreachable({"runtime·badmorestackg0", "runtime·badmorestackgsignal"})
  static void morestack() {
    // Cannot grow scheduler stack (m->g0).
    get_tls(CX);
    MOVQ(g(CX), BX);
    MOVQ(mem(g_m, BX), BX);
    MOVQ(mem(m_g0, BX), SI);
    CMPQ(g(CX), SI);
    JNE(pc(3));
    CALL(sym("runtime·badmorestackg0"));
    CALL(sym("runtime·abort"));

    // Cannot grow signal stack (m->gsignal).
    MOVQ(mem(m_gsignal, BX), SI);
    CMPQ(g(CX), SI);
    JNE(pc(3));
    CALL(sym("runtime·badmorestackgsignal"));
    CALL(sym("runtime·abort"));

    // Called from f.
    // Set m->morebuf to f's caller.
    NOP(SP);                                       // tell vet SP changed - stop checking offsets
    MOVQ(mem(8, SP), AX);                          // f's caller's PC
    MOVQ(AX, mem(m_morebuf + gobuf_pc, BX));
    LEAQ(mem(16, SP), AX);                         // f's caller's SP
    MOVQ(AX, mem(m_morebuf + gobuf_sp, BX));
    get_tls(CX);
    MOVQ(g(CX), SI);
    MOVQ(SI, mem(m_morebuf + gobuf_g, BX));

    // Set g->sched to context in f.
    MOVQ(mem(0, SP), AX);                          // f's PC
    MOVQ(AX, mem(g_sched + gobuf_pc, SI));
    LEAQ(mem(8, SP), AX);                          // f's SP
    MOVQ(AX, mem(g_sched + gobuf_sp, SI));
    MOVQ(BP, mem(g_sched + gobuf_bp, SI));
    MOVQ(DX, mem(g_sched + gobuf_ctxt, SI));

    // Call newstack on m->g0's stack.
    MOVQ(mem(m_g0, BX), BX);
    MOVQ(BX, g(CX));
    MOVQ(mem(g_sched + gobuf_sp, BX), SP);
    ASSERT("load64(runtime·m0 + m_morebuf + gobuf_pc) == load64(entry(SP) + 8)"
        + " && load64(runtime·m0 + m_morebuf + gobuf_sp) == entry(SP) + 16"
        + " && load64(runtime·m0 + m_morebuf + gobuf_g) == R14");
    ASSERT("load64(R14 + g_sched + gobuf_pc) == load64(entry(SP)) && load64(R14 + g_sched + gobuf_sp) == entry(SP) + 8"
        + " && load64(R14 + g_sched + gobuf_bp) == entry(BP) && load64(R14 + g_sched + gobuf_ctxt) == entry(DX)");
    ASSERT("load64(FS - 8) == runtime·g0 && SP == load64(runtime·g0 + g_sched + gobuf_sp)");
    CALL(sym("runtime·newstack"));
    CALL(sym("runtime·abort"));                    // crash if newstack returns
    RET();
  }

  /** morestack but not preserving ctxt. */
  @Routine(symbol = "runtime·morestack_noctxt", flags = NOSPLIT)
  @StackBalanced
  @Ensures("DX == 0")
  static void morestack_noctxt() {
    MOVL($(0), DX);
    JMP(sym("runtime·morestack"));
  }
}
