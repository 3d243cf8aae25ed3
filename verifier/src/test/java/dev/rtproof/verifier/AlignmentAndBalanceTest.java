package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.verifier.replay.Violation;
import org.junit.jupiter.api.Test;

/** stack-alignment and stack-balance: PROVED, VIOLATED (replayed), VACUOUS and UNKNOWN. */
class AlignmentAndBalanceTest {
  static Routine.Builder routine(String symbol) {
    return Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT).source("T.java", "T#" + symbol).declaredAt(1, 1);
  }

  /** Aligns SP down with {@code mask}, calls f, restores SP from BP. */
  private static Routine.Builder aligning(long mask) {
    return routine("runtime·a").at(2, 5).instr(MOVQ, SP, BP).at(3, 5).instr(ANDQ, new Imm(mask), SP)
        .at(4, 5).instr(CALL, Mem.symbol("runtime·f", 0)).at(5, 5).instr(MOVQ, BP, SP).at(6, 5).instr(RET);
  }

  @Test
  void alignmentProvedAfterTheMask() {
    Verify.proved(Verify.first(aligning(~15L).property(PropertySpec.STACK_ALIGNMENT, "16").build()));
  }

  @Test
  void alignmentViolatedWithTheWrongMaskAndReplayed() {
    Verdict v = Verify.first(aligning(~7L).property(PropertySpec.STACK_ALIGNMENT, "16").build());
    Counterexample c = Verify.violated(v, Violation.Kind.MISALIGNED);
    assertEquals(8, c.witnesses().get("SP") & 15);
    assertEquals(4, v.pos().line());
  }

  @Test
  void alignmentVacuousWhenTheCallIsNeverReached() {
    Routine r = aligning(~15L).requires("AX == 1").requires("AX == 2").property(PropertySpec.STACK_ALIGNMENT, "16")
        .build();
    Verify.vacuous(Verify.first(r));
    Routine other = aligning(~15L).property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·g").build();
    Verify.vacuous(Verify.first(other));
  }

  @Test
  void alignmentUnknownPastTheLoopBound() {
    // A loop counting CX down from any value: unrolled 4 times, the paths that go on are cut short.
    Routine r = routine("runtime·l").unroll(4).label("loop").instr(DECQ, CX).instr(JNE, new LabelRef("loop"))
        .instr(ANDQ, new Imm(~15L), SP).instr(CALL, Mem.symbol("runtime·f", 0)).instr(RET)
        .property(PropertySpec.STACK_ALIGNMENT, "16").build();
    Verify.unknown(Verify.first(r), "bound reached");
    Verify.unknown(Verify.hurried(aligning(~15L).property(PropertySpec.STACK_ALIGNMENT, "16").build()), "timeout");
  }

  @Test
  void boundedLoopsAreProvedWithinTheBound() {
    Routine r = routine("runtime·l").unroll(4).instr(MOVQ, new Imm(3), CX).label("loop").instr(DECQ, CX)
        .instr(JNE, new LabelRef("loop")).instr(RET).property(PropertySpec.ENSURES, "CX == 0").build();
    Verify.proved(Verify.first(r));
  }

  @Test
  void balanceProvedForPushPop() {
    Routine r = routine("runtime·b").frame(16).instr(PUSHQ, AX).instr(MOVQ, new Imm(1), Mem.reg(8, SP))
        .instr(POPQ, AX).instr(RET).property(PropertySpec.STACK_BALANCE).build();
    Verify.proved(Verify.first(r));
  }

  @Test
  void balanceViolatedByAMissingPopAndReplayed() {
    Routine r = routine("runtime·b").at(2, 5).instr(CMPQ, AX, new Imm(7)).at(3, 5).instr(JNE, new PcRel(2))
        .at(4, 5).instr(PUSHQ, AX).at(5, 5).instr(RET).property(PropertySpec.STACK_BALANCE).build();
    Verdict v = Verify.first(r);
    Counterexample c = Verify.violated(v, Violation.Kind.UNBALANCED);
    assertEquals(7, c.registers().get("AX"));
    assertEquals(5, v.pos().line());
  }

  @Test
  void balanceViolatedByAnOverwrittenReturnAddress() {
    Routine r = routine("runtime·b").instr(MOVQ, BX, Mem.reg(0, SP)).instr(RET).property(PropertySpec.STACK_BALANCE)
        .build();
    Counterexample c = Verify.violated(Verify.first(r), Violation.Kind.UNBALANCED);
    assertEquals(c.witnesses().get("0(SP)"), c.registers().get("BX"));
  }

  @Test
  void balanceVacuousWhenNoRetIsReached() {
    Routine r = routine("runtime·b").instr(CMPQ, AX, new Imm(0)).instr(JEQ, new PcRel(2))
        .instr(CALL, Mem.symbol("runtime·abort", 0)).instr(RET).requires("AX != 0")
        .property(PropertySpec.STACK_BALANCE).build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void balanceUnknownAtAnInstructionNotModelled() {
    Routine r = routine("runtime·b").add(Instr.unsupported("VMOVDQU (SI), Y0", new SourcePos("T.java", 9, 5)))
        .instr(RET).property(PropertySpec.STACK_BALANCE).build();
    Verify.unknown(Verify.first(r), "not modelled: VMOVDQU (SI), Y0 at T.java:9");
  }
}
