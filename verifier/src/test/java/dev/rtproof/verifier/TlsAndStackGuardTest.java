package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Violation;
import org.junit.jupiter.api.Test;

/** tls-round-trip and stackguard: PROVED, VIOLATED (replayed), VACUOUS and UNKNOWN. */
class TlsAndStackGuardTest {
  private static final String GUARD = "load64(load64(FS - 8) + 16)";

  @Test
  void tlsRoundTripProvedAndViolatedAcrossSettls() {
    Routine settls = Fixtures.settls(true).build();
    Routine head = Fixtures.rt0Head(~15L).property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0").build();
    Verify.proved(Verify.first(head, settls));
    Verdict v = Verify.first(head, Fixtures.settls(false).build());
    Counterexample c = Verify.violated(v, Violation.Kind.TLS_MISMATCH);
    assertEquals(c.witnesses().get("-8(FS)") + 8, c.witnesses().get("runtime·m0+m_tls"));
    assertEquals(36, v.pos().line(), "the first g(BX) store after settls");
  }

  @Test
  void tlsRoundTripVacuousWhenFsIsNeverSet() {
    Routine r = AlignmentAndBalanceTest.routine("runtime·t").getTls(BX).instr(MOVQ, Mem.tls(0, BX), AX)
        .instr(LEAQ, Mem.symbol("runtime·m0", 0), CX).instr(RET).property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0")
        .build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void tlsRoundTripUnknownWhenTheBudgetRunsOut() {
    Routine head = Fixtures.rt0Head(~15L).property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0").build();
    Verify.unknown(Verify.hurried(head, Fixtures.settls(true).build()), "timeout");
  }

  @Test
  void theInsertedCheckGuardsTheBody() {
    Routine r = StackGuardFixtures.withInsertedCheck(16).property(PropertySpec.STACKGUARD).build();
    Verdict v = Verify.first(r);
    Verify.proved(v);
    assertTrue(v.assumptions().stream().anyMatch(a -> a.contains("FS-8 is the thread's g slot")), v.assumptions().toString());
    assertTrue(v.assumptions().stream().anyMatch(a -> a.contains("runtime·morestack_noctxt moves the goroutine")),
        v.assumptions().toString());
  }

  @Test
  void go116sInsertedHugeCheckIsProvedUnderTheRuntimesInvariant() {
    Routine r = StackGuardFixtures.withInsertedCheck("GO1_16", 8192).property(PropertySpec.STACKGUARD).build();
    Verdict v = Verify.first(r);
    Verify.proved(v);
    assertTrue(v.assumptions().stream().anyMatch(a -> a.startsWith("stackguard0 is StackPreempt or at most SP + "
        + "StackGuard (928)")), v.assumptions().toString());
    Verdict small = Verify.first(StackGuardFixtures.withInsertedCheck("GO1_16", 16).property(PropertySpec.STACKGUARD)
        .build());
    Verify.proved(small);
    assertTrue(small.assumptions().stream().noneMatch(a -> a.startsWith("stackguard0 is StackPreempt")),
        "only the huge check needs the invariant: " + small.assumptions());
  }

  @Test
  void theInsertedCheckIsVacuousWhenTheGuardIsAlwaysPoisoned() {
    Routine r = StackGuardFixtures.withInsertedCheck(16).requires(GUARD + " >= 0xfffffffffffff000")
        .property(PropertySpec.STACKGUARD).build();
    Verify.vacuous(Verify.first(r));
  }

  @Test
  void theInsertedCheckIsUnknownWhenTheBudgetRunsOut() {
    Verify.unknown(Verify.hurried(StackGuardFixtures.withInsertedCheck(16).property(PropertySpec.STACKGUARD).build()),
        "timeout");
  }

  @Test
  void seed000PrologueIsViolatedWithoutItsPrecondition() {
    Routine r = StackGuardFixtures.seed000().property(PropertySpec.STACKGUARD, "0x1018", "body").build();
    Verdict v = Verify.first(r);
    Counterexample c = Verify.violated(v, Violation.Kind.STACKGUARD);
    long sp = c.witnesses().get("SP");
    long guard = c.witnesses().get("stackguard0");
    // The guard lies above SP + StackGuard: LEAQ 880(SP) - stackguard0 wraps around and passes the compare.
    assertTrue(Long.compareUnsigned(guard, sp + 880) > 0, c.summary());
    assertEquals(22, v.pos().line(), "the body's first instruction");
  }

  @Test
  void seed000PrologueIsProvedWithItsPrecondition() {
    Routine r = StackGuardFixtures.seed000().requires(GUARD + " <= SP + 880")
        .property(PropertySpec.STACKGUARD, "0x1018", "body").build();
    Verify.proved(Verify.first(r));
  }

  @Test
  void seed000MutantsAreViolatedEvenWithThePrecondition() {
    Routine jcs = StackGuardFixtures.seed000(JCS, 880, 0x1308).requires(GUARD + " <= SP + 880")
        .property(PropertySpec.STACKGUARD, "0x1018", "body").build();
    Verify.violated(Verify.first(jcs), Violation.Kind.STACKGUARD);
    Routine offByOne = StackGuardFixtures.seed000(JLS, 880, 0x1307).requires(GUARD + " <= SP + 880")
        .property(PropertySpec.STACKGUARD, "0x1018", "body").build();
    Verify.violated(Verify.first(offByOne), Violation.Kind.STACKGUARD);
  }
}
