package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.verifier.replay.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The properties of one routine are verified by one exploration that runs all their checks: each verdict
 * is the one the property gets alone (PROVED, VIOLATED with a replayed counterexample, ERROR for a faulty
 * expression only), for fewer solver calls.
 */
class SharedExplorationTest {
  /** Stores through a pointer into the stack (the exploration asks Z3 where it points), then reads 8(SP). */
  private static Routine routine(String... ensures) {
    Routine.Builder b = Routine.builder("·shared", "GO1_19").flags(TextFlags.NOSPLIT)
        .requires("AX >= SP - 0x10000 && AX <= SP - 0x1000")
        .instr(MOVQ, BX, Mem.reg(0, AX)).instr(MOVQ, Mem.reg(8, SP), CX).instr(RET)
        .property(PropertySpec.STACK_BALANCE).property(PropertySpec.NO_FAULT);
    for (String e : ensures) {
      b.property(PropertySpec.ENSURES, e);
    }
    return b.build();
  }

  private static List<Verdict> alone(Program p, Routine r) {
    return r.properties().stream().map(spec -> new Verifier(VerifyOptions.defaults()).verify(p, r, spec)).toList();
  }

  @Test
  void eachPropertyGetsTheVerdictItGetsAloneForFewerSolverCalls() {
    Routine r = routine("CX == load64(entry(SP) + 8)", "CX == 0");
    Program p = new Program(List.of(r));
    long before = Verifier.solverCalls();
    List<Verdict> separately = alone(p, r);
    long aloneCalls = Verifier.solverCalls() - before;
    before = Verifier.solverCalls();
    List<Verdict> together = new Verifier(VerifyOptions.defaults()).verifyAll(p, r);
    long togetherCalls = Verifier.solverCalls() - before;
    assertEquals(separately.stream().map(Verdict::status).toList(), together.stream().map(Verdict::status).toList());
    assertEquals(separately.stream().map(Verdict::message).toList(), together.stream().map(Verdict::message).toList());
    assertEquals(List.of(Status.PROVED, Status.PROVED, Status.PROVED, Status.VIOLATED),
        together.stream().map(Verdict::status).toList());
    Verify.violated(together.get(3), Violation.Kind.EXPRESSION);
    assertTrue(togetherCalls < aloneCalls, "together " + togetherCalls + " solver calls, alone " + aloneCalls);
  }

  @Test
  void aFaultyExpressionIsAnErrorOfItsOwnPropertyOnly() {
    Routine r = routine("CX == load64(entry(SP) + 8)", "CX == nosuchname");
    List<Verdict> together = new Verifier(VerifyOptions.defaults()).verifyAll(new Program(List.of(r)), r);
    assertEquals(List.of(Status.PROVED, Status.PROVED, Status.PROVED, Status.ERROR),
        together.stream().map(Verdict::status).toList(), together.toString());
    assertTrue(together.get(3).message().contains("nosuchname"), together.get(3).message());
  }
}
