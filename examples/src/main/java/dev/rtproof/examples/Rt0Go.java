package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackAligned;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.TlsRoundTrip;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·rt0_go} of Go 1.19's asm_amd64.s, linux, GOAMD64=v1 (no NEED_* checks), complete: the
 * argument copy, the g0 stack, CPUID, the {@code _cgo_init} branch that recomputes the guards, settls and
 * the TLS self-test, the g0/m0 binding, the runtime's initialisation calls, the main goroutine, mstart.
 *
 * <p>The bootstrap run ({@code dev.rtproof.examples.bootstrap.Bootstrap}) executes it. Claims: SP 16-byte
 * aligned at the calls of settls, check, args, osinit, schedinit and mstart (newproc is called after one
 * PUSHQ, at SP ≡ 8); the TLS round trip; abort unreachable, given that mstart never returns (the
 * {@code @Contract} on {@link Rt0Go116}: contracts hold in every target's program) and {@code _cgo_init}
 * does not hold abort's address; and
 * before the CALL of check the g0/m0 binding and the g0 stack (hi = SP on both paths; lo = SP − 65536 + 104
 * and the guards = lo without cgo; the guards = lo + StackGuard after {@code _cgo_init}, which sets lo
 * itself). {@link Rt0GoHead} and {@link Rt0GoParts} state the same in pieces, as the seeds walk through it.
 */
@Routines(target = Target.GO1_19)
final class Rt0Go {
  private Rt0Go() {}

  @Routine(symbol = "runtime·rt0_go", flags = NOSPLIT | TOPFRAME)
  @Requires("load64(_cgo_init) != runtime·abort")
  @StackAligned(value = 16, at = {"runtime·settls", "runtime·check", "runtime·args", "runtime·osinit",
      "runtime·schedinit", "runtime·mstart"})
  @TlsRoundTrip(m = "runtime·m0")
  @Unreachable("runtime·abort")
  static void rt0_go() {
    // copy arguments forward on an even stack
    MOVQ(DI, AX);                                  // argc
    MOVQ(SI, BX);                                  // argv
    SUBQ($(5 * 8), SP);                            // 3args 2auto
    ANDQ($(~15), SP);
    MOVQ(AX, mem(24, SP));
    MOVQ(BX, mem(32, SP));

    // create istack out of the given (operating system) stack.
    // _cgo_init may update stackguard.
    MOVQ($(sym("runtime·g0")), DI);
    LEAQ(mem(-64 * 1024 + 104, SP), BX);
    MOVQ(BX, mem(g_stackguard0, DI));
    MOVQ(BX, mem(g_stackguard1, DI));
    MOVQ(BX, mem(g_stack + stack_lo, DI));
    MOVQ(SP, mem(g_stack + stack_hi, DI));

    // find out information about the processor we're on
    MOVL($(0), AX);
    CPUID();
    CMPL(AX, $(0));
    JE("nocpuinfo");

    CMPL(BX, $(0x756E6547));                       // "Genu"
    JNE("notintel");
    CMPL(DX, $(0x49656E69));                       // "ineI"
    JNE("notintel");
    CMPL(CX, $(0x6C65746E));                       // "ntel"
    JNE("notintel");
    MOVB($(1), sym("runtime·isIntel"));

    label("notintel");
    // Load EAX=1 cpuid flags
    MOVL($(1), AX);
    CPUID();
    MOVL(AX, sym("runtime·processorVersionInfo"));

    label("nocpuinfo");
    // if there is an _cgo_init, call it to let it
    // initialize and to set up GS.  if not,
    // we set up GS ourselves.
    MOVQ(sym("_cgo_init"), AX);
    TESTQ(AX, AX);
    JZ("needtls");
    // arg 1: g0, already in DI
    MOVQ($(sym("setg_gcc<>")), SI);                // arg 2: setg_gcc
    MOVQ($(0), DX);                                // arg 3, 4: not used when using platform's TLS
    MOVQ($(0), CX);
    CALL(AX);

    // update stackguard after _cgo_init
    MOVQ($(sym("runtime·g0")), CX);
    MOVQ(mem(g_stack + stack_lo, CX), AX);
    ADDQ($(const__StackGuard), AX);
    MOVQ(AX, mem(g_stackguard0, CX));
    MOVQ(AX, mem(g_stackguard1, CX));

    JMP("ok");

    label("needtls");
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

    ASSERT("load64(FS - 8) == runtime·g0 && load64(runtime·m0 + m_g0) == runtime·g0"
        + " && load64(runtime·g0 + g_m) == runtime·m0 && load64(runtime·g0 + g_stack + stack_hi) == SP");
    ASSERT("load64(_cgo_init) != 0 || (load64(runtime·m0 + m_tls) == runtime·g0"
        + " && load64(runtime·g0 + g_stack + stack_lo) == SP - 65536 + 104"
        + " && load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo)"
        + " && load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo))");
    ASSERT("load64(_cgo_init) == 0"
        + " || (load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo) + const__StackGuard"
        + " && load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo) + const__StackGuard)");
    CALL(sym("runtime·check"));

    MOVL(mem(24, SP), AX);                         // copy argc
    MOVL(AX, mem(0, SP));
    MOVQ(mem(32, SP), AX);                         // copy argv
    MOVQ(AX, mem(8, SP));
    CALL(sym("runtime·args"));
    CALL(sym("runtime·osinit"));
    CALL(sym("runtime·schedinit"));

    // create a new goroutine to start program
    MOVQ($(sym("runtime·mainPC")), AX);            // entry
    PUSHQ(AX);
    CALL(sym("runtime·newproc"));
    POPQ(AX);

    // start this M
    CALL(sym("runtime·mstart"));

    CALL(sym("runtime·abort"));                    // mstart should never return
    RET();
  }
}
