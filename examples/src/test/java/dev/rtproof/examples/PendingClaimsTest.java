package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link PendingClaims}: every claim is well-formed (its anchor instruction exists, its expressions
 * parse against the program's names), no quick search refutes it, and no quick search proves one of its
 * mutants. With {@code -Drtproof.examples.pending=60s} (a time budget per claim) each claim must be PROVED
 * and each mutant VIOLATED within that budget — the check to run when the verifier gets faster, before
 * moving a claim into its example.
 */
class PendingClaimsTest {
  /** The budget of the default run: long enough to find a shallow counterexample, short for CI. */
  private static final Duration QUICK = Duration.ofMillis(500);

  @Test
  void claimsAreWellFormed() throws Exception {
    for (PendingClaims.Claim c : PendingClaims.CLAIMS) {
      Program p = c.program();
      Routine r = p.routine(c.routine());
      Names names = new Names(p.profile().constants(),
          p.symbols().all().stream().map(SymbolTable.Symbol::name).collect(Collectors.toSet()));
      for (Condition req : r.requires()) {
        ExprParser.parseCondition(req.expression(), names);
      }
      PropertySpec spec = r.properties().get(0);
      if (spec.name().equals(PropertySpec.ENSURES) || spec.name().equals(PropertySpec.ASSERT)) {
        ExprParser.parseCondition(spec.args().get(0), names);
      }
    }
  }

  private static final String BUDGET = System.getProperty("rtproof.examples.pending");

  private static Verdict verify(Program p, String routine) {
    Duration timeout = BUDGET == null ? QUICK : VerifyOptions.parseDuration(BUDGET);
    Routine r = p.routine(routine);
    return new Verifier(VerifyOptions.defaults().withTimeout(timeout)).verify(p, r, r.properties().get(0));
  }

  /** With the flag, {@code wanted}; without it, {@code wanted} or a timeout. */
  private static void expect(Status wanted, Verdict v) {
    if (BUDGET != null) {
      assertEquals(wanted, v.status(), v.toString());
    } else {
      assertTrue(v.status() == wanted || (v.status() == Status.UNKNOWN && v.message().contains("timeout")),
          v.toString());
    }
  }

  @TestFactory
  Stream<DynamicTest> noPendingClaimIsRefuted() {
    return PendingClaims.CLAIMS.stream().map(c -> dynamicTest(c.label(),
        () -> expect(Status.PROVED, verify(c.program(), c.routine()))));
  }

  @TestFactory
  Stream<DynamicTest> noMutantOfAPendingClaimIsProved() {
    return PendingClaims.MUTANTS.stream().map(m -> dynamicTest(m.label(), () -> {
      Verdict v = verify(m.program(), m.claim().routine());
      expect(Status.VIOLATED, v);
      if (v.status() == Status.VIOLATED) {
        assertEquals(m.kind(), v.counterexample().violation().kind(), v.toString());
      }
    }));
  }
}
