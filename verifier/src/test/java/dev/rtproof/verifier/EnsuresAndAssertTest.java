package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Violation;
import org.junit.jupiter.api.Test;

/** ensures and assert (with ASSUME): PROVED, VIOLATED (replayed), VACUOUS and UNKNOWN. */
class EnsuresAndAssertTest {
  private static Routine.Builder routine(String symbol) {
    return AlignmentAndBalanceTest.routine(symbol);
  }

  /** max(AX, BX) into CX. */
  private static Routine.Builder max() {
    return routine("runtime·max").instr(MOVQ, AX, CX).instr(CMPQ, AX, BX).instr(JHI, new PcRel(2))
        .instr(MOVQ, BX, CX).instr(RET);
  }

  @Test
  void ensuresProvedAtEveryExit() {
    Verify.proved(Verify.first(max().property(PropertySpec.ENSURES, "CX >= AX && CX >= BX").build()));
    Verify.proved(Verify.first(Fixtures.settls(true).property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build()));
  }

  @Test
  void ensuresViolatedAndReplayed() {
    Verdict v = Verify.first(max().property(PropertySpec.ENSURES, "CX > AX").build());
    Counterexample c = Verify.violated(v, Violation.Kind.EXPRESSION);
    assertTrue(Long.compareUnsigned(c.registers().get("AX"), c.registers().get("BX")) >= 0, c.summary());
  }

  @Test
  void ensuresVacuousWithoutAnExit() {
    Routine r = routine("runtime·x").instr(CALL, Mem.symbol("runtime·abort", 0)).instr(RET)
        .property(PropertySpec.ENSURES, "AX == 0").build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void ensuresUnknownPastTheLoopBound() {
    Routine r = routine("runtime·x").unroll(3).label("l").instr(SHRQ, new Imm(1), AX).instr(JNE, new LabelRef("l"))
        .instr(RET).property(PropertySpec.ENSURES, "AX == 0").build();
    Verify.unknown(Verify.first(r), "bound reached");
    Routine bounded = routine("runtime·x").unroll(3).label("l").instr(SHRQ, new Imm(1), AX)
        .instr(JNE, new LabelRef("l")).instr(RET).requires("AX < 4").property(PropertySpec.ENSURES, "AX == 0").build();
    Verify.proved(Verify.first(bounded));
  }

  @Test
  void assertProvedUnderAssume() {
    Routine r = routine("runtime·a").assertion("AX < 10", true).instr(ADDQ, new Imm(5), AX)
        .assertion("AX < 15", false).instr(RET).property(PropertySpec.ASSERT).build();
    Verdict v = Verify.first(r);
    Verify.proved(v);
    assertTrue(v.assumptions().stream().anyMatch(a -> a.startsWith("ASSUME(\"AX < 10\")")), v.assumptions().toString());
  }

  @Test
  void assertViolatedAndReplayed() {
    Routine r = routine("runtime·a").at(2, 5).instr(ADDQ, new Imm(5), AX).at(3, 5).assertion("AX > 4", false)
        .at(4, 5).instr(RET).property(PropertySpec.ASSERT).build();
    Verdict v = Verify.first(r);
    Counterexample c = Verify.violated(v, Violation.Kind.EXPRESSION);
    assertEquals(3, v.pos().line(), "reported at the ASSERT");
    assertTrue(Long.compareUnsigned(c.registers().get("AX") + 5, 4) <= 0, c.summary());
  }

  @Test
  void assertVacuousWhereNothingArrives() {
    Routine r = routine("runtime·a").instr(CALL, Mem.symbol("runtime·abort", 0)).assertion("AX == 1", false)
        .instr(RET).property(PropertySpec.ASSERT).build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void assertUnknownWhenTheBudgetRunsOut() {
    Routine r = routine("runtime·a").assertion("AX == AX", false).instr(RET).property(PropertySpec.ASSERT).build();
    Verify.unknown(Verify.hurried(r), "timeout");
  }
}
