package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackAligned;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.TlsRoundTrip;
import dev.rtproof.dsl.Unreachable;

/**
 * The head of {@code runtime·rt0_go} (asm_amd64.s, Go 1.19; reference §7.2, seed 002) as a routine of
 * its own, {@code runtime·rt0_go_head}, so its postconditions have an exit (the whole routine is
 * {@link Rt0Go}, which never returns): copy argc/argv
 * onto an aligned stack, carve the g0 stack out of the OS stack, install TLS through settls, check it
 * with a round trip, and bind g0 and m0.
 *
 * <p>The head ends with a RET so that its postconditions have an exit to be checked at; the real rt0_go
 * goes on to {@code CALL runtime·check(SB)} and never returns. Run in the emulator, that RET pops the word
 * above the freshly aligned SP and traps (BAD_JUMP), after the state the postconditions describe.
 */
@Routines(target = Target.GO1_19)
final class Rt0GoHead {
  private Rt0GoHead() {}

  @Routine(symbol = "runtime·rt0_go_head", flags = NOSPLIT | TOPFRAME)
  @StackAligned(value = 16, at = "runtime·settls")
  @TlsRoundTrip(m = "runtime·m0")
  @Unreachable("runtime·abort")
  @Ensures("load64(runtime·g0 + g_stack + stack_hi) == SP")
  @Ensures("load64(runtime·g0 + g_stack + stack_lo) == SP - 65536 + 104")
  @Ensures("load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo)")
  @Ensures("load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo)")
  @Ensures("load64(FS - 8) == runtime·g0")
  @Ensures("load64(runtime·m0 + m_g0) == runtime·g0")
  @Ensures("load64(runtime·g0 + g_m) == runtime·m0")
  static void rt0_go_head() {
    // copy arguments forward on an even stack
    MOVQ(DI, AX);                                  // argc
    MOVQ(SI, BX);                                  // argv
    SUBQ($(5 * 8), SP);                            // 3args 2auto
    ANDQ($(~15), SP);
    MOVQ(AX, mem(24, SP));
    MOVQ(BX, mem(32, SP));

    // create istack out of the given (operating system) stack.
    MOVQ($(sym("runtime·g0")), DI);
    LEAQ(mem(-64 * 1024 + 104, SP), BX);
    MOVQ(BX, mem(g_stackguard0, DI));
    MOVQ(BX, mem(g_stackguard1, DI));
    MOVQ(BX, mem(g_stack + stack_lo, DI));
    MOVQ(SP, mem(g_stack + stack_hi, DI));

    LEAQ(sym("runtime·m0", m_tls), DI);
    CALL(sym("runtime·settls"));

    // store through it, to make sure it works
    get_tls(BX);
    MOVQ($(0x123), g(BX));
    MOVQ(sym("runtime·m0", m_tls), AX);
    CMPQ(AX, $(0x123));
    JEQ(pc(2));
    CALL(sym("runtime·abort"));

    label("ok");
    // set the per-goroutine and per-mach "registers"
    get_tls(BX);
    LEAQ(sym("runtime·g0"), CX);
    MOVQ(CX, g(BX));
    LEAQ(sym("runtime·m0"), AX);

    // save m->g0 = g0
    MOVQ(CX, mem(m_g0, AX));
    // save m0 to g0->m
    MOVQ(AX, mem(g_m, CX));

    CLD();                                         // convention is D is always left cleared
    RET();
  }
}
