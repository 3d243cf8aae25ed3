package dev.rtproof.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkingSkeletonVerifierTest {
  private final Verifier verifier = new Verifier(VerifyOptions.defaults());

  private Verdict verify(Routine r, List<Routine> others, int property) {
    List<Routine> all = new java.util.ArrayList<>(others);
    all.add(r);
    return verifier.verify(new Program(all), r, r.properties().get(property));
  }

  @Test
  void settlsIsStackBalanced() {
    Routine r = Fixtures.settls(true).property(PropertySpec.STACK_BALANCE).build();
    Verdict v = verify(r, List.of(), 0);
    assertEquals(Status.PROVED, v.status(), v.toString());
  }

  @Test
  void settlsNoFaultNeedsTheAddressBelowTaskSizeMax() {
    Routine proved = Fixtures.settls(true).requires("DI + 8 < 0x7ffffffff000").property(PropertySpec.NO_FAULT).build();
    assertEquals(Status.PROVED, verify(proved, List.of(), 0).status());

    // One page too weak: Linux refuses FS bases in [0x7ffffffff000, 2^47), and settls then crashes.
    Routine weak = Fixtures.settls(true).requires("DI + 8 < 0x800000000000").property(PropertySpec.NO_FAULT).build();
    Verdict v = verify(weak, List.of(), 0);
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    long di = v.counterexample().registers().get("DI");
    assertTrue(Long.compareUnsigned(di + 8, 0x7ffffffff000L) >= 0 && Long.compareUnsigned(di + 8, 0x800000000000L) < 0,
        "DI+8 in the last page below 2^47: " + Long.toHexString(di));
    assertEquals(18, v.pos().line(), "the MOVL $0xf1, 0xf1 crash");
  }

  @Test
  void settlsEnsuresFsIsDiPlusEight() {
    Routine r = Fixtures.settls(true).property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build();
    assertEquals(Status.PROVED, verify(r, List.of(), 0).status());
    Routine mutant = Fixtures.settls(false).property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build();
    assertEquals(Status.VIOLATED, verify(mutant, List.of(), 0).status());
  }

  @Test
  void rt0HeadAlignsTheStackForSettls() {
    Routine settls = Fixtures.settls(true).build();
    Routine head = Fixtures.rt0Head(~15L).property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·settls").build();
    assertEquals(Status.PROVED, verify(head, List.of(settls), 0).status());

    Routine mutant = Fixtures.rt0Head(~7L).property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·settls").build();
    Verdict v = verify(mutant, List.of(settls), 0);
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    assertEquals(8, v.counterexample().witnesses().get("SP") & 15, v.toString());
    assertEquals(34, v.pos().line());
  }

  @Test
  void rt0HeadTlsRoundTripAndAbortUnreachable() {
    Routine settls = Fixtures.settls(true).build();
    Routine head = Fixtures.rt0Head(~15L)
        .property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0")
        .property(PropertySpec.UNREACHABLE, "runtime·abort")
        .build();
    assertEquals(Status.PROVED, verify(head, List.of(settls), 0).status(), verify(head, List.of(settls), 0).toString());
    assertEquals(Status.PROVED, verify(head, List.of(settls), 1).status(), verify(head, List.of(settls), 1).toString());

    Routine broken = Fixtures.settls(false).build();
    Verdict tls = verify(head, List.of(broken), 0);
    assertEquals(Status.VIOLATED, tls.status(), tls.toString());
    Verdict abort = verify(head, List.of(broken), 1);
    assertEquals(Status.VIOLATED, abort.status(), abort.toString());
    assertEquals(40, abort.pos().line());
  }

  @Test
  void rt0HeadEnsuresTheG0M0Binding() {
    Routine settls = Fixtures.settls(true).build();
    String[] ensures = {
      "load64(runtime·g0 + g_stack + stack_hi) == SP",
      "load64(runtime·g0 + g_stack + stack_lo) == SP - 65536 + 104",
      "load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo)",
      "load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo)",
      "load64(FS - 8) == runtime·g0",
      "load64(runtime·m0 + m_g0) == runtime·g0",
      "load64(runtime·g0 + g_m) == runtime·m0",
    };
    Routine.Builder b = Fixtures.rt0Head(~15L);
    for (String e : ensures) {
      b.property(PropertySpec.ENSURES, e);
    }
    Routine head = b.build();
    for (int i = 0; i < ensures.length; i++) {
      Verdict v = verify(head, List.of(settls), i);
      assertEquals(Status.PROVED, v.status(), v.toString());
      assertTrue(v.assumptions().stream().anyMatch(a -> a.contains("arch_prctl")), v.assumptions().toString());
    }
  }

  @Test
  void aOneMillisecondBudgetGivesUnknownNeverProved() {
    Routine settls = Fixtures.settls(true).build();
    Routine head = Fixtures.rt0Head(~15L).property(PropertySpec.TLS_ROUND_TRIP, "runtime·m0").build();
    Verifier hurried = new Verifier(VerifyOptions.defaults().withTimeout(Duration.ofMillis(1)));
    Verdict v = hurried.verify(new Program(List.of(settls, head)), head, head.properties().get(0));
    assertEquals(Status.UNKNOWN, v.status(), v.toString());
    assertTrue(v.message().contains("timeout"), v.message());
  }

  @Test
  void aTriggerThatIsNeverReachedIsVacuous() {
    Routine r = Fixtures.settls(true).property(PropertySpec.STACK_ALIGNMENT, "16", "runtime·nothere").build();
    Verdict v = verify(r, List.of(), 0);
    assertEquals(Status.VACUOUS, v.status(), v.toString());
    Routine contradictory = Fixtures.settls(true).requires("DI == 1").requires("DI == 2")
        .property(PropertySpec.STACK_BALANCE).build();
    assertEquals(Status.VACUOUS, verify(contradictory, List.of(), 0).status());
  }

  @Test
  void verdictsCiteTheZ3Version() {
    Verdict v = verify(Fixtures.settls(true).property(PropertySpec.STACK_BALANCE).build(), List.of(), 0);
    assertNotNull(v.z3Version());
    assertTrue(v.z3Version().matches("Z3 4\\.\\d+.*"), v.z3Version());
  }
}
