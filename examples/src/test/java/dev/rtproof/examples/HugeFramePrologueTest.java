package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.replay.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's hand-written huge-frame check ({@link HugeFramePrologue}): PROVED with its precondition (the
 * build proves it), VIOLATED without it, and its mutants VIOLATED even with it; every violation replays.
 */
class HugeFramePrologueTest {
  private static final Routine EXAMPLE = HugeFramePrologue_testFpSp.ROUTINE;

  private static Verdict stackguard(Routine r) {
    PropertySpec p = r.properties().stream().filter(s -> s.name().equals(PropertySpec.STACKGUARD)).findFirst()
        .orElseThrow();
    return new Verifier(VerifyOptions.defaults()).verify(new Program(List.of(r)), r, p);
  }

  /** The example with its requirements replaced and its instructions mapped by {@code change}. */
  private static Routine variant(List<dev.rtproof.dsl.ir.Condition> requires, UnaryOperator<Instr> change) {
    List<Instr> instrs = new ArrayList<>();
    EXAMPLE.instrs().forEach(i -> instrs.add(change.apply(i)));
    return new Routine(EXAMPLE.symbol(), EXAMPLE.target(), EXAMPLE.flags(), EXAMPLE.frame(), EXAMPLE.args(), instrs,
        EXAMPLE.labels(), requires, EXAMPLE.properties(), EXAMPLE.go(), EXAMPLE.unroll(), EXAMPLE.assertions(),
        EXAMPLE.pos(), EXAMPLE.origin());
  }

  private static Counterexample violatedAndReplayed(Verdict v) {
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    Counterexample c = v.counterexample();
    assertEquals(Violation.Kind.STACKGUARD, c.violation().kind());
    assertTrue(c.replay().get(c.replay().size() - 1).contains("=> STACKGUARD"), String.join("\n", c.replay()));
    return c;
  }

  @Test
  void provedWithThePrecondition() {
    assertEquals(Status.PROVED, stackguard(EXAMPLE).status());
  }

  @Test
  void violatedWithoutThePreconditionWhenTheGuardLiesFarAboveSp() {
    Verdict v = stackguard(variant(List.of(), i -> i));
    Counterexample c = violatedAndReplayed(v);
    long sp = c.witnesses().get("SP");
    long guard = c.witnesses().get("stackguard0");
    assertTrue(Long.compareUnsigned(guard, sp + 880) > 0, "LEAQ 880(SP) - stackguard0 wraps: " + c.summary());
    assertEquals("SUBQ $0x1018, SP", EXAMPLE.instrs().stream().filter(i -> i.pos().equals(v.pos())).findFirst()
        .orElseThrow().toString(), "reported at the body's first instruction");
  }

  @Test
  void mutantsAreViolatedEvenWithThePrecondition() {
    Routine jcs = variant(EXAMPLE.requires(), i -> i.op() == Op.JLS ? new Instr(Op.JCS, i.args(), i.pos(), i.origin()) : i);
    violatedAndReplayed(stackguard(jcs));
    Routine offByOne = variant(EXAMPLE.requires(), i -> i.op() == Op.CMPQ && i.arg(1).equals(new Imm(0x1308))
        ? new Instr(Op.CMPQ, List.of(i.arg(0), new Imm(0x1307)), i.pos(), i.origin()) : i);
    violatedAndReplayed(stackguard(offByOne));
  }
}
