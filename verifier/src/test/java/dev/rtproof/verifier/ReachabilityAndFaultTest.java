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
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.verifier.replay.Violation;
import org.junit.jupiter.api.Test;

/** unreachable and no-fault: PROVED, VIOLATED (replayed), VACUOUS and UNKNOWN. */
class ReachabilityAndFaultTest {
  private static Routine.Builder routine(String symbol) {
    return AlignmentAndBalanceTest.routine(symbol);
  }

  /** Aborts when AX is 7. */
  private static Routine.Builder abortsOnSeven() {
    return routine("runtime·u").at(2, 5).instr(CMPQ, AX, new Imm(7)).at(3, 5).instr(JNE, new PcRel(2))
        .at(4, 5).instr(CALL, Mem.symbol("runtime·abort", 0)).at(5, 5).instr(RET);
  }

  @Test
  void unreachableProvedUnderTheRequirement() {
    Verify.proved(Verify.first(abortsOnSeven().requires("AX != 7").property(PropertySpec.UNREACHABLE,
        "runtime·abort").build()));
  }

  @Test
  void unreachableViolatedAndReplayed() {
    Verdict v = Verify.first(abortsOnSeven().property(PropertySpec.UNREACHABLE, "runtime·abort").build());
    Counterexample c = Verify.violated(v, Violation.Kind.REACHED);
    assertEquals(7, c.registers().get("AX"));
    assertEquals(4, v.pos().line());
  }

  @Test
  void unreachableThroughARegisterIsViolatedAndReplayed() {
    Routine r = routine("runtime·u").instr(CALL, AX).instr(RET).instr(CALL, Mem.symbol("runtime·abort", 0))
        .property(PropertySpec.UNREACHABLE, "runtime·abort").build();
    Counterexample c = Verify.violated(Verify.first(r), Violation.Kind.REACHED);
    assertEquals(c.registers().get("AX"), c.witnesses().get("target"));
  }

  @Test
  void unreachableVacuousUnderContradictoryRequirements() {
    Verify.vacuous(Verify.first(abortsOnSeven().requires("AX < 3").requires("AX > 5")
        .property(PropertySpec.UNREACHABLE, "runtime·abort").build()));
  }

  @Test
  void unreachableUnknownPastTheLoopBound() {
    Routine r = routine("runtime·u").unroll(2).label("top").instr(SUBQ, new Imm(1), CX)
        .instr(JNE, new LabelRef("top")).instr(RET).property(PropertySpec.UNREACHABLE, "runtime·abort").build();
    Verify.unknown(Verify.first(r), "bound reached: a loop");
  }

  @Test
  void afterAnUnknownCallTheReplayGetsTheModelsResults() {
    // runtime·f has no routine: the default contract lets it return anything in AX; the replay binds a
    // model of f that returns what the counterexample needs.
    Routine r = routine("runtime·u").instr(CALL, Mem.symbol("runtime·f", 0)).instr(CMPQ, AX, new Imm(0x1234))
        .instr(JNE, new PcRel(2)).instr(CALL, Mem.symbol("runtime·abort", 0)).instr(RET)
        .property(PropertySpec.UNREACHABLE, "runtime·abort").build();
    Verdict v = Verify.first(r);
    Verify.violated(v, Violation.Kind.REACHED);
    assertTrue(v.assumptions().stream().anyMatch(a -> a.contains("CALL to runtime·f, which has no routine")),
        v.assumptions().toString());
    assertEquals(0x1234L, v.counterexample().initial().calls().get(0).registers().get(AX));
  }

  @Test
  void cpuidAnswersComeFromTheCounterexample() {
    Routine r = routine("runtime·c").instr(MOVL, new Imm(0), AX).instr(CPUID)
        .instr(CMPL, BX, new Imm(0x756e6547L)).instr(JNE, new PcRel(2))
        .instr(CALL, Mem.symbol("runtime·abort", 0)).instr(RET)
        .property(PropertySpec.UNREACHABLE, "runtime·abort").build();
    Verdict v = Verify.first(r);
    Verify.violated(v, Violation.Kind.REACHED);
    assertEquals(0x756e6547L, v.counterexample().initial().cpuid().get(0L)[1]);
  }

  @Test
  void noFaultProvedForAccessesInsideTheFrameAndASymbol() {
    Routine r = routine("runtime·n").frame(16).instr(MOVQ, AX, Mem.reg(8, SP))
        .instr(MOVQ, new SymAddr("runtime·g0", 0), BX).instr(MOVQ, Mem.reg(16, BX), CX)
        .instr(MOVQ, CX, Mem.symbol("runtime·g0", 24)).instr(RET).property(PropertySpec.NO_FAULT).build();
    Verify.proved(Verify.first(r));
  }

  @Test
  void noFaultViolatedByAWildPointerAndReplayed() {
    Routine r = routine("runtime·n").at(2, 5).instr(MOVQ, Mem.reg(0, AX), BX).at(3, 5).instr(RET)
        .property(PropertySpec.NO_FAULT).build();
    Verdict v = Verify.first(r);
    Counterexample c = Verify.violated(v, Violation.Kind.FAULT);
    assertEquals(c.registers().get("AX"), c.witnesses().get("address"));
    assertEquals(2, v.pos().line());
  }

  @Test
  void noFaultViolatedPastTheEndOfASymbol() {
    // runtime·g0 is g__size bytes: an 8-byte read at g__size - 4 crosses its end.
    Routine r = routine("runtime·n").instr(MOVQ, Mem.symbol("runtime·g0", dev.rtproof.dsl.target.Go119.g__size - 4),
        AX).instr(RET).property(PropertySpec.NO_FAULT).build();
    Verify.violated(Verify.first(r), Violation.Kind.FAULT);
  }

  @Test
  void noFaultVacuousUnderContradictoryRequirements() {
    Routine r = routine("runtime·n").instr(RET).requires("SP == 0").property(PropertySpec.NO_FAULT).build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void noFaultUnknownWhenTheBudgetRunsOut() {
    Routine r = routine("runtime·n").instr(MOVQ, Mem.reg(0, AX), BX).instr(LEAQ, Mem.symbol("runtime·g0", 0), CX)
        .instr(RET).requires("AX == runtime·g0")
        .property(PropertySpec.NO_FAULT).build();
    Verify.proved(Verify.first(r));
    Verify.unknown(Verify.hurried(r), "timeout");
  }
}
