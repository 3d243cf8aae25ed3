package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.target.Go119;
import dev.rtproof.verifier.replay.Violation;
import org.junit.jupiter.api.Test;

/**
 * Accesses through pointers that live in memory (g from TLS, g.m, m.g0, a saved SP), as the runtime's
 * scheduler routines make them: requirements that pin a register or a word ({@code R14 == load64(FS - 8)},
 * {@code load64(R14 + g_m) == runtime·m0}) make the pointer the term itself, so exploration resolves the
 * accesses without asking Z3; a pointer known only by a range is placed by one model and checked. The
 * verdicts stay exact: a violation behind pinned requirements still replays, and a pointer that may point
 * anywhere is still a fault.
 */
class PointerChasingTest {
  private static final long G_M = Go119.g_m;
  private static final long M_G0 = Go119.m_g0;
  private static final long RET_SLOT = Go119.g_sched + Go119.gobuf_ret;
  private static final long SP_SLOT = Go119.g_sched + Go119.gobuf_sp;

  /** g.m.g0.sched.ret = value, reached from R14 as mcall and systemstack do. */
  private static Routine.Builder throughGAndM(long value) {
    return AlignmentAndBalanceTest.routine("runtime·chase")
        .requires("R14 == load64(FS - 8)")
        .requires("load64(R14 + g_m) == runtime·m0 && load64(runtime·m0 + m_g0) == runtime·g0")
        .instr(LEAQ, Mem.symbol("runtime·m0", 0), DX)                // the requirements name m0 and g0
        .instr(LEAQ, Mem.symbol("runtime·g0", 0), DX)
        .getTls(CX)                                                  // a routine using TLS: g is at -8(FS)
        .instr(MOVQ, Mem.tls(0, CX), AX)
        .instr(MOVQ, Mem.reg(G_M, R14), BX)
        .instr(MOVQ, Mem.reg(M_G0, BX), SI)
        .instr(MOVQ, new Imm(value), Mem.reg(RET_SLOT, SI))
        .instr(RET);
  }

  /**
   * PROVED, and exploration asked Z3 nothing: the only checks are the verdict's own (the requirements are
   * satisfiable, the obligations hold, the trigger is reached).
   */
  private static void provedWithoutQueries(Routine r) {
    long before = Verifier.solverCalls();
    Verdict v = Verify.first(r);
    long calls = Verifier.solverCalls() - before;
    Verify.proved(v);
    assertTrue(calls <= 3, calls + " solver calls");
  }

  @Test
  void pinnedPointersResolveWithoutAskingZ3() {
    provedWithoutQueries(throughGAndM(7)
        .property(PropertySpec.ENSURES, "load64(runtime·g0 + g_sched + gobuf_ret) == 7").build());
  }

  @Test
  void aViolationBehindPinnedRequirementsReplays() {
    Routine r = throughGAndM(7).property(PropertySpec.ENSURES, "load64(runtime·g0 + g_sched + gobuf_ret) == 8")
        .build();
    Verify.violated(Verify.first(r), Violation.Kind.EXPRESSION);
  }

  @Test
  void withoutTheRequirementTheSameStoreMayFault() {
    Routine r = AlignmentAndBalanceTest.routine("runtime·unpinned")
        .instr(MOVQ, Mem.reg(G_M, R14), BX)
        .instr(MOVQ, new Imm(7), Mem.reg(0, BX))
        .instr(RET)
        .property(PropertySpec.NO_FAULT).build();
    Verify.violated(Verify.first(r), Violation.Kind.FAULT);
  }

  @Test
  void aRegisterEqualToATermOfItselfIsNotPinnedButStillAssumed() {
    Routine r = AlignmentAndBalanceTest.routine("runtime·selfref")
        .requires("BX == BX * 2")
        .instr(MOVQ, BX, AX)
        .instr(RET)
        .property(PropertySpec.ENSURES, "AX == 0").build();
    Verify.proved(Verify.first(r));
  }

  @Test
  void aPointerKnownByItsRangeLandsOnTheStack() {
    // mcall: SP = g0.sched.sp, somewhere in the mapped stack below the caller; PUSHQ there must not fault.
    Routine.Builder b = AlignmentAndBalanceTest.routine("runtime·switch")
        .requires("load64(runtime·g0 + g_sched + gobuf_sp) <= SP - 4096"
            + " && load64(runtime·g0 + g_sched + gobuf_sp) >= SP - 0x80000")
        .instr(MOVQ, Mem.symbol("runtime·g0", SP_SLOT), SP)
        .instr(PUSHQ, AX)
        .instr(POPQ, AX)
        .instr(INT, new Imm(3));
    Verify.proved(Verify.first(b.property(PropertySpec.NO_FAULT).build()));
  }

  @Test
  void aPointerThatMayLeaveTheStackFaults() {
    Routine r = AlignmentAndBalanceTest.routine("runtime·switchFar")
        .requires("load64(runtime·g0 + g_sched + gobuf_sp) <= SP - 4096")
        .instr(MOVQ, Mem.symbol("runtime·g0", SP_SLOT), SP)
        .instr(PUSHQ, AX)
        .instr(INT, new Imm(3))
        .property(PropertySpec.NO_FAULT).build();
    Verify.violated(Verify.first(r), Violation.Kind.FAULT);
  }

  @Test
  void anAlignedStackPointerResolvesToTheStackInJava() {
    // rt0_go: SUBQ $40, SP; ANDQ $~15, SP; then 24(SP) and 32(SP) are stack slots, whatever SP mod 16 was.
    Routine r = AlignmentAndBalanceTest.routine("runtime·aligned")
        .instr(MOVQ, SP, BP)
        .instr(SUBQ, new Imm(40), SP)
        .instr(ANDQ, new Imm(~15L), SP)
        .instr(MOVQ, AX, Mem.reg(24, SP))
        .instr(MOVQ, BX, Mem.reg(32, SP))
        .instr(MOVQ, Mem.reg(24, SP), CX)
        .instr(MOVQ, BP, SP)
        .instr(RET)
        .property(PropertySpec.ENSURES, "CX == entry(AX)").build();
    provedWithoutQueries(r);
  }

  /** BX is g0 or m0 depending on AX, the paths merge, and 8(BX) is written: each side at its own offset. */
  private static Routine.Builder eitherGlobal() {
    return AlignmentAndBalanceTest.routine("runtime·either")
        .instr(CMPQ, AX, new Imm(0))
        .instr(JEQ, new dev.rtproof.dsl.ir.LabelRef("other"))
        .instr(LEAQ, Mem.symbol("runtime·g0", 0), BX)
        .instr(JMP, new dev.rtproof.dsl.ir.LabelRef("done"))
        .label("other")
        .instr(LEAQ, Mem.symbol("runtime·m0", 0), BX)
        .label("done")
        .instr(MOVQ, new Imm(1), Mem.reg(8, BX))
        .instr(RET);
  }

  @Test
  void aMergedPointerPlusAnOffsetResolvesSideBySide() {
    provedWithoutQueries(eitherGlobal().property(PropertySpec.ENSURES,
        "(AX == 0 && load64(runtime·m0 + 8) == 1) || (AX != 0 && load64(runtime·g0 + 8) == 1)").build());
  }

  @Test
  void aStoreThroughAMergedPointerLeavesTheOtherSideAlone() {
    Verify.violated(Verify.first(eitherGlobal().property(PropertySpec.ENSURES, "load64(runtime·g0 + 8) == 1").build()),
        Violation.Kind.EXPRESSION);
  }

  @Test
  void anIndirectCallInACounterexampleGoesToCodeTheReplayAnswers() {
    // The hook is a free data word: the counterexample must make it a function, or the replay jumps nowhere.
    Routine r = AlignmentAndBalanceTest.routine("runtime·hooked")
        .instr(CALL, Mem.symbol("runtime·g", 0))
        .instr(MOVQ, Mem.symbol("runtime·hook", 0), AX)
        .instr(CALL, AX)
        .instr(CALL, Mem.symbol("runtime·f", 0))
        .instr(RET)
        .property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·f").build();
    Verify.violated(Verify.first(r), Violation.Kind.MISALIGNED);
  }
}
