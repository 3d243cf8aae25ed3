package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.Context;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.PropertyChecks;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import dev.rtproof.verifier.symbolic.SymbolicExecutor;
import dev.rtproof.verifier.symbolic.VerificationScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequential branches that rejoin are merged: k diamonds leave one state at the RET, not 2^k paths, and the
 * merged values are exact.
 */
class MergingTest {
  /** k diamonds: {@code CMPQ AX, $i; JEQ li; ADDQ $1, BX; li:}. */
  static Routine.Builder diamonds(int k) {
    Routine.Builder b = Routine.builder("runtime·d", "GO1_19").flags(TextFlags.NOSPLIT);
    for (int i = 0; i < k; i++) {
      b.instr(CMPQ, AX, new Imm(i)).instr(JEQ, new LabelRef("l" + i)).instr(ADDQ, new Imm(1), BX).label("l" + i);
    }
    return b.instr(RET);
  }

  @Test
  void kDiamondsMergeIntoOnePath() {
    for (int k : new int[] {1, 8, 64}) {
      Explored e = explore(diamonds(k).property(PropertySpec.STACK_BALANCE).build(), true);
      assertEquals(k, e.merges(), "one merge per diamond");
      assertEquals(1, e.obligations(), "one state reaches the RET");
    }
  }

  /** How many merges an exploration made and how many obligations it left. */
  private record Explored(int merges, int obligations) {}

  private static Explored explore(Routine r, boolean merging) {
    try (Context ctx = new Context()) {
      Environment env = new Environment(new Smt(ctx), new Program(List.of(r)), VerificationScope.whole(new Program(List.of(r)), false));
      SymState entry = SymbolicExecutor.initial(env, r);
      Findings f = new Findings();
      PathOracle oracle = new PathOracle(env, Long.MAX_VALUE);
      SymbolicExecutor x = new SymbolicExecutor(env,
          PropertyChecks.create(new CheckContext(env, f, r.properties().get(0), entry, oracle)), f, oracle,
          Long.MAX_VALUE).merging(merging);
      x.run(entry);
      return new Explored(x.merges(), f.obligations.size());
    }
  }

  @Test
  void withoutMergingEveryFeasiblePathRunsOnItsOwnToTheSameVerdict() {
    // Each diamond tests its own bit of AX: all 16 paths through four diamonds are feasible.
    Routine.Builder b = Routine.builder("runtime·bits", "GO1_19").flags(TextFlags.NOSPLIT);
    for (int i = 0; i < 4; i++) {
      b.instr(TESTQ, new Imm(1L << i), AX).instr(JEQ, new LabelRef("l" + i)).instr(ADDQ, new Imm(1), BX)
          .label("l" + i);
    }
    Routine r = b.instr(RET).property(PropertySpec.STACK_BALANCE).build();
    Explored e = explore(r, false);
    assertEquals(0, e.merges());
    assertEquals(16, e.obligations(), "one obligation per path");
    Verdict unmerged = new Verifier(VerifyOptions.defaults().withoutMerging())
        .verify(new Program(List.of(r)), r, r.properties().get(0));
    assertEquals(Status.PROVED, unmerged.status());
  }

  @Test
  void mergedValuesAreExact() {
    // AX equals at most one of 0..5, so 5 or 6 increments happen, and 6 only when AX is none of them.
    Verify.proved(Verify.first(diamonds(6).property(PropertySpec.ENSURES,
        "BX - entry(BX) == 5 || BX - entry(BX) == 6").build()));
    Counterexample c = Verify.violated(Verify.first(diamonds(6).property(PropertySpec.ENSURES, "BX - entry(BX) == 6")
        .build()), Violation.Kind.EXPRESSION);
    assertTrue(c.registers().get("AX") < 6, c.summary());
  }

  @Test
  void aBoundOnTheSumOfManyMergedBranchesIsSettledByIntervalsAndAWrongOneStillRefuted() {
    // BX counts the taken increments of 64 diamonds, each on its own input bit: at most 64. Bit-blasted, the
    // merged sum is a counting problem Z3 did not finish at 32 diamonds in 10 s; its bounds settle it.
    Verify.proved(Verify.first(counted(64).property(PropertySpec.ENSURES, "BX <= 64").build()));
    Counterexample c = Verify.violated(Verify.first(counted(64).property(PropertySpec.ENSURES, "BX < 64").build()),
        Violation.Kind.EXPRESSION);
    assertEquals(0x7fffffffL, c.registers().get("AX") & 0x7fffffffL, c.summary());
  }

  /** BX = 0, then k diamonds {@code TESTQ $bit, reg; JEQ li; INCQ BX; li:}, each on its own input bit. */
  private static Routine.Builder counted(int k) {
    Routine.Builder b = Routine.builder("runtime·counted", "GO1_19").flags(TextFlags.NOSPLIT).instr(XORL, BX, BX);
    Reg[] inputs = {AX, CX, DX};
    for (int i = 0; i < k; i++) {
      b.instr(TESTQ, new Imm(1L << (i % 31)), inputs[i / 31]).instr(JEQ, new LabelRef("l" + i)).instr(INCQ, BX)
          .label("l" + i);
    }
    return b.instr(RET);
  }
}
