package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** frame-layout's four outcomes; properties verified in parallel get the verdicts one thread gives. */
class FrameLayoutAndParallelTest {
  /** Seed 003's ·Swap with the results written at {@code firstResult} and {@code secondResult}. */
  private static Routine.Builder swap(long firstResult, long secondResult) {
    return AlignmentAndBalanceTest.routine("·Swap").args(32).go("func Swap(a, b int) (int, int)")
        .at(2, 5).instr(MOVQ, Mem.fp("a", 0), AX).at(3, 5).instr(MOVQ, Mem.fp("b", 8), BX)
        .at(4, 5).instr(MOVQ, BX, Mem.fp("ret", firstResult)).at(5, 5).instr(MOVQ, AX, Mem.fp("ret1", secondResult))
        .at(6, 5).instr(RET).property(PropertySpec.FRAME_LAYOUT);
  }

  @Test
  void frameLayoutProvedForTheDeclaredOffsets() {
    Verify.proved(Verify.first(swap(16, 24).build()));
  }

  @Test
  void frameLayoutViolatedAtTheWrongOffsetAndReplayed() {
    Verdict v = Verify.first(swap(16, 16).build());
    Verify.violated(v, Violation.Kind.REACHED);
    assertEquals(5, v.pos().line());
    assertTrue(v.message().contains("ret1"), v.message());
  }

  @Test
  void frameLayoutVacuousWhenNothingIsReached() {
    // With a declared argument frame the entry is the trigger (args is checked there): unreachable only
    // under contradictory requirements.
    Verify.vacuous(Verify.first(swap(16, 24).requires("AX < 1").requires("AX > 2").build()));
  }

  @Test
  void frameLayoutUnknownWhenTheBudgetRunsOut() {
    Verify.unknown(Verify.hurried(swap(16, 24).build()), "timeout");
  }

  @Test
  void parallelVerificationGivesTheSequentialVerdicts() {
    Routine settls = Fixtures.settls(true).requires("DI + 8 < 0x800000000000").property(PropertySpec.NO_FAULT)
        .property(PropertySpec.STACK_BALANCE).property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build();
    Routine head = Fixtures.rt0Head(~7L).property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·settls")
        .property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0").property(PropertySpec.UNREACHABLE, "runtime·abort").build();
    Program program = new Program(List.of(settls, head));
    List<Task> tasks = new ArrayList<>(Task.of(program));
    Verifier verifier = new Verifier(VerifyOptions.defaults());
    List<Verdict> one = verifier.verifyAll(tasks, 1);
    List<Verdict> four = verifier.verifyAll(tasks, 4);
    assertEquals(tasks.size(), four.size());
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).status(), four.get(i).status(), one.get(i).toString());
      assertEquals(one.get(i).message(), four.get(i).message());
      assertEquals(one.get(i).pos(), four.get(i).pos());
      assertEquals(one.get(i).label(), four.get(i).label());
    }
    assertTrue(one.stream().anyMatch(v -> v.status() == Status.VIOLATED), one.toString());
    assertTrue(one.stream().anyMatch(v -> v.status() == Status.PROVED), one.toString());
  }

  @Test
  void aRoutineWithAnInsertedCheckClaimsStackguard() {
    Routine r = StackGuardFixtures.withInsertedCheck(16).property(PropertySpec.STACK_BALANCE).build();
    List<Task> tasks = Task.of(new Program(List.of(r)), r);
    assertEquals(List.of(PropertySpec.STACK_BALANCE, PropertySpec.STACKGUARD),
        tasks.stream().map(t -> t.property().name()).toList());
    Routine nosplit = Fixtures.settls(true).property(PropertySpec.STACK_BALANCE).build();
    assertEquals(1, Task.of(new Program(List.of(nosplit)), nosplit).size());
  }
}
