package dev.rtproof.junit;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Every routine × property on the test classpath as a JUnit 5 dynamic test, so proofs appear in any
 * project's Surefire report:
 *
 * <pre>{@code
 * class ProofsTest {
 *   @TestFactory
 *   Stream<DynamicNode> proofs() {
 *     return RtproofProofs.all();
 *   }
 * }
 * }</pre>
 *
 * <p>Each routine is a container and each property a test inside it. PROVED passes; VIOLATED and VACUOUS fail (an assertion failure with the counterexample); UNKNOWN
 * and ERROR are errors, as in {@code TEST-rtproof.xml}.
 */
public final class RtproofProofs {
  private RtproofProofs() {}

  /** One container per routine, one test per property, with the default time budget. */
  public static Stream<DynamicNode> all() {
    return all(VerifyOptions.defaults());
  }

  public static Stream<DynamicNode> all(VerifyOptions options) {
    RoutineCatalog catalog = new RoutineCatalog(Thread.currentThread().getContextClassLoader());
    Verifier verifier = new Verifier(options);
    List<DynamicNode> routines = new ArrayList<>();
    for (Program program : catalog.programsByTarget().values()) {
      for (Routine r : program.routines()) {
        List<DynamicTest> tests = new ArrayList<>();
        for (PropertySpec p : r.properties()) {
          tests.add(DynamicTest.dynamicTest(p.label(), () -> check(verifier.verify(program, r, p))));
        }
        routines.add(DynamicContainer.dynamicContainer(r.symbol(), tests));
      }
    }
    return routines.stream();
  }

  private static void check(Verdict v) {
    switch (v.status()) {
      case PROVED -> { }
      case VIOLATED, VACUOUS -> throw new AssertionFailedError(v.status() + " " + v.label() + " of " + v.routine()
          + " at " + v.pos() + ": " + v.message());
      case UNKNOWN, ERROR -> throw new IllegalStateException(v.status() + " " + v.label() + " of " + v.routine()
          + ": " + v.message());
    }
  }
}
