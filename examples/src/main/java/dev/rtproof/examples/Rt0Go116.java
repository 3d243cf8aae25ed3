package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.Linux.*;
import static dev.rtproof.dsl.target.Go116.*;

import dev.rtproof.dsl.Contract;
import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackAligned;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.TlsRoundTrip;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·rt0_go} in its Go 1.16 form (seed 004, linux; reference §7.2 and §8), complete: three
 * words of outgoing arguments and a byte-odd adjustment ({@code SUBQ $(4*8+7), SP}) before the alignment,
 * argc and argv at 16 and 24(SP), the CPUID part that also sets {@code lfenceBeforeRdtsc}, and newproc
 * called with two pushes ({@code PUSHQ AX}, the entry, and {@code PUSHQ $0}, the argument size) and two
 * pops. Go 1.17 dropped the size argument, which is why Go 1.19's rt0_go ({@link Rt0Go}) calls newproc
 * at SP ≡ 8 (mod 16) while here every call is at SP ≡ 0.
 *
 * <p>One compilation holds one routine per symbol, and {@code runtime·rt0_go} and {@code runtime·settls}
 * are Go 1.19's ({@link Rt0Go}, {@link Tls}); so the Go 1.16 routines are {@code go116·rt0_go} and
 * {@code go116·settls} (the same text as 1.19's settls), and rt0_go calls {@code go116·settls}. Everything
 * else keeps its runtime name. The dead {@code MOVQ $runtime·debugCallV1(SB), AX; RET} after the final RET
 * is left out, as in {@link Rt0Go}.
 *
 * <p>Claims: every CALL 16-byte aligned, the TLS round trip, abort unreachable — given that {@code _cgo_init}
 * does not hold abort's address and mstart, a Go function in 1.16, never returns (its {@code @Contract}
 * here; contracts hold in every target's program, and in Go 1.19's, where mstart is {@link Mstart}'s
 * routine calling mstart0, it never returns either). The parts ({@link Rt0Go116Parts}) state the
 * Go 1.16 specifics in pieces.
 */
@Routines(target = Target.GO1_16)
@Contract(symbol = "runtime·mstart", ensures = "false")
final class Rt0Go116 {
  private Rt0Go116() {}

  @Routine(symbol = "go116·rt0_go", flags = NOSPLIT | TOPFRAME)
  @Requires("load64(_cgo_init) != runtime·abort")
  @StackAligned(16)
  @TlsRoundTrip(m = "runtime·m0")
  @Unreachable("runtime·abort")
  static void rt0_go() {
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

    // find out information about the processor we're on
    MOVL($(0), AX);
    CPUID();
    MOVL(AX, SI);
    CMPL(AX, $(0));
    JE("nocpuinfo");

    // Figure out how to serialize RDTSC.
    // On Intel processors LFENCE is enough. AMD requires MFENCE.
    // Don't know about the rest, so let's do MFENCE.
    CMPL(BX, $(0x756E6547));                       // "Genu"
    JNE("notintel");
    CMPL(DX, $(0x49656E69));                       // "ineI"
    JNE("notintel");
    CMPL(CX, $(0x6C65746E));                       // "ntel"
    JNE("notintel");
    MOVB($(1), sym("runtime·isIntel"));
    MOVB($(1), sym("runtime·lfenceBeforeRdtsc"));
    label("notintel");

    // Load EAX=1 cpuid flags
    MOVL($(1), AX);
    CPUID();
    MOVL(AX, sym("runtime·processorVersionInfo"));

    label("nocpuinfo");
    // if there is an _cgo_init, call it.
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
    CALL(sym("go116·settls"));

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
    CALL(sym("runtime·check"));

    MOVL(mem(16, SP), AX);                         // copy argc
    MOVL(AX, mem(0, SP));
    MOVQ(mem(24, SP), AX);                         // copy argv
    MOVQ(AX, mem(8, SP));
    CALL(sym("runtime·args"));
    CALL(sym("runtime·osinit"));
    CALL(sym("runtime·schedinit"));

    // create a new goroutine to start program
    MOVQ($(sym("runtime·mainPC")), AX);            // entry
    PUSHQ(AX);
    PUSHQ($(0));                                   // arg size
    CALL(sym("runtime·newproc"));
    POPQ(AX);
    POPQ(AX);

    // start this M
    CALL(sym("runtime·mstart"));

    CALL(sym("runtime·abort"));                    // mstart should never return
    RET();
  }

  /**
   * settls of Go 1.16's sys_linux_amd64.s: the same nine instructions as Go 1.19's ({@link Tls}), with the
   * same exact requirement, {@code DI + 8 < 0x7ffffffff000}.
   *
   * <p>The natural requirement — any user-space address, {@code DI + 8 < 2^47} — is one page too weak:
   * Linux's arch_prctl refuses an FS base at or above TASK_SIZE_MAX = 2^47 − 4096 with -EPERM (measured on a
   * 6.x kernel), and settls then takes its crash path. With that requirement no-fault is VIOLATED, the
   * counterexample has DI + 8 in the last page below 2^47 and faults at {@code MOVL $0xf1, 0xf1};
   * {@code Rt0Go116Test} checks it.
   */
  @Routine(symbol = "go116·settls", flags = NOSPLIT, frame = 32)
  @StackBalanced
  @Requires("DI + 8 < 0x7ffffffff000")
  @Unreachable(faults = true)
  @Ensures("FS == entry(DI) + 8")
  static void settls() {
    ADDQ($(8), DI);                    // ELF wants to use -8(FS)
    MOVQ(DI, SI);
    MOVQ($(0x1002), DI);               // ARCH_SET_FS
    MOVQ($(SYS_arch_prctl), AX);
    SYSCALL();
    CMPQ(AX, $(0xfffffffffffff001L));
    JLS(pc(2));
    MOVL($(0xf1), abs(0xf1));          // crash
    RET();
  }
}
