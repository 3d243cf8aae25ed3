package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·mcall} of Go 1.19's asm_amd64.s (reference §7.4): save the caller's state in
 * {@code g.sched}, switch to {@code m.g0} and its stack, and call {@code fn(g)}, which never returns.
 *
 * <p>Go declares it {@code runtime·mcall<ABIInternal>}: fn arrives in AX and g in R14 (the reference's
 * precondition R14 = [FS−8]). {@code go tool asm} accepts ABI selectors only when it compiles the runtime,
 * so the example uses the plain symbol; the code is the same.
 *
 * <p>The requirements say where things are, as on a goroutine of m0: g.m is {@code runtime·m0}, m0's g0
 * is {@code runtime·g0} (a global, so never the current g: the verifier keeps globals and the current g
 * apart), and g0's saved SP lies in mapped stack memory at least a page below the caller's frame. The
 * claims, checked just before {@code fn}'s code address is loaded: g.sched holds the caller's SP and PC,
 * g0 is installed in R14 and TLS, SP is g0.sched.sp − 8 with the old g in the spill slot, and DX is fn;
 * and badmcall is not reached — given that fn, a closure in the caller's frame here, is not badmcall
 * itself (fn's code pointer is the caller's to choose; without that requirement rtproof shows fn = badmcall
 * reaching it through {@code CALL R12}). Go's callers pass a static funcval ({@code mcall(park_m)});
 * rtproof proves the claim for a closure on the stack only, where its memory model keeps the proof within
 * seconds: a pointer that may point anywhere makes every access through it a case split over every region.
 */
@Routines(target = Target.GO1_19)
final class Mcall {
  private Mcall() {}

  /** func mcall(fn func(*g)): switch to m->g0's stack, call fn(g). fn must never return. */
  @Routine(symbol = "runtime·mcall", flags = NOSPLIT, args = 8)
  @Requires("R14 == load64(FS - 8)")
  @Requires("load64(R14 + g_m) == runtime·m0")
  @Requires("load64(runtime·m0 + m_g0) == runtime·g0")
  @Requires("load64(runtime·g0 + g_sched + gobuf_sp) <= SP - 4096"
      + " && load64(runtime·g0 + g_sched + gobuf_sp) >= SP - 0x80000")
  @Requires("AX >= SP + 16 && AX <= SP + 256 && load64(AX) != runtime·badmcall")
  @Unreachable("runtime·badmcall")
  static void mcall() {
    MOVQ(AX, DX);                                  // DX = fn

    // save state in g->sched
    MOVQ(mem(0, SP), BX);                          // caller's PC
    MOVQ(BX, mem(g_sched + gobuf_pc, R14));
    LEAQ(arg("fn", 0), BX);                        // caller's SP
    MOVQ(BX, mem(g_sched + gobuf_sp, R14));
    MOVQ(BP, mem(g_sched + gobuf_bp, R14));

    // switch to m->g0 & its stack, call fn
    MOVQ(mem(g_m, R14), BX);
    MOVQ(mem(m_g0, BX), SI);                       // SI = g.m.g0
    CMPQ(SI, R14);                                 // if g == m->g0 call badmcall
    JNE("goodm");
    JMP(sym("runtime·badmcall"));
    label("goodm");
    MOVQ(R14, AX);                                 // AX (and arg 0) = g
    MOVQ(SI, R14);                                 // g = g.m.g0
    get_tls(CX);                                   // Set G in TLS
    MOVQ(R14, g(CX));
    MOVQ(mem(g_sched + gobuf_sp, R14), SP);        // sp = g0.sched.sp
    PUSHQ(AX);                                     // open up space for fn's arg spill slot
    ASSERT("load64(AX + g_sched + gobuf_sp) == entry(SP) + 8"
        + " && load64(AX + g_sched + gobuf_pc) == load64(entry(SP))");
    ASSERT("AX == entry(R14) && R14 == runtime·g0 && load64(FS - 8) == runtime·g0");
    ASSERT("SP == load64(runtime·g0 + g_sched + gobuf_sp) - 8 && load64(SP) == entry(R14) && DX == entry(AX)");
    MOVQ(mem(0, DX), R12);
    CALL(R12);                                     // fn(g)
    POPQ(AX);
    JMP(sym("runtime·badmcall2"));
    RET();
  }
}
