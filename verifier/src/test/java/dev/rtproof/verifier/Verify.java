package dev.rtproof.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Verifies one property of a routine built in a test, and checks verdicts the way every test needs. */
final class Verify {
  private Verify() {}

  /** Property {@code property} of {@code r}, in a program with {@code others}. */
  static Verdict property(Routine r, int property, Routine... others) {
    return with(VerifyOptions.defaults(), r, property, others);
  }

  /** The first property of {@code r}. */
  static Verdict first(Routine r, Routine... others) {
    return property(r, 0, others);
  }

  /** The first property of {@code r} with a time budget of one nanosecond: spent before anything is solved. */
  static Verdict hurried(Routine r, Routine... others) {
    return with(VerifyOptions.defaults().withTimeout(Duration.ofNanos(1)), r, 0, others);
  }

  static Verdict with(VerifyOptions options, Routine r, int property, Routine... others) {
    List<Routine> all = new ArrayList<>(List.of(others));
    all.add(r);
    return new Verifier(options).verify(new Program(all), r, r.properties().get(property));
  }

  static void proved(Verdict v) {
    assertEquals(Status.PROVED, v.status(), v.toString());
    citesItsGrounds(v);
  }

  static void vacuous(Verdict v) {
    assertEquals(Status.VACUOUS, v.status(), v.toString());
    citesItsGrounds(v);
  }

  /** UNKNOWN, and the reason says {@code why}. */
  static void unknown(Verdict v, String why) {
    assertEquals(Status.UNKNOWN, v.status(), v.toString());
    assertTrue(v.message().contains(why), v.message());
    citesItsGrounds(v);
  }

  /** Every verdict lists the assumptions it used (at least the stack's) and the Z3 version. */
  private static void citesItsGrounds(Verdict v) {
    assertTrue(v.z3Version().startsWith("Z3 "), v.z3Version());
    assertTrue(v.assumptions().stream().anyMatch(a -> a.startsWith("SP at entry is 8-byte aligned")),
        v.assumptions().toString());
  }

  /** VIOLATED with a counterexample whose replay in the emulator ended at a {@code kind} violation. */
  static Counterexample violated(Verdict v, Violation.Kind kind) {
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    citesItsGrounds(v);
    Counterexample c = v.counterexample();
    assertNotNull(c);
    assertEquals(kind, c.violation().kind(), v.toString());
    assertTrue(!c.replay().isEmpty(), "the replay trace is part of the verdict");
    String last = c.replay().get(c.replay().size() - 1);
    assertTrue(last.contains("=> " + kind) || (kind == Violation.Kind.FAULT && last.contains("FAULT"))
        || (kind == Violation.Kind.BAD_JUMP && last.contains("BAD_JUMP")), String.join("\n", c.replay()));
    return c;
  }
}
