package dev.rtproof.verifier.prologue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.SplitPrologue.Variant;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.VerifyOptions;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stack check of each target and variant keeps its guarantee for every frame size of the variant, and
 * the mutant checks (JLS→JCS, framesize−128→framesize−127) are VIOLATED with a replayed counterexample.
 */
class PrologueProofTest {
  private static final VerifyOptions OPTIONS = VerifyOptions.defaults().withTimeout(Duration.ofSeconds(120));

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"GO1_16", "GO1_19", "GO1_25"})
  void everyVariantIsProvedForEveryFrameSize(Target target) {
    for (Variant variant : Variant.values()) {
      Verdict v = new PrologueProof(target, variant, PrologueProof.Mutation.NONE).verify(OPTIONS);
      assertEquals(Status.PROVED, v.status(), target + " " + variant + ": " + v);
      assertTrue(v.assumptions().stream().anyMatch(a -> a.startsWith("the frame size is any value in")),
          v.assumptions().toString());
      // Only Go <= 1.16's huge check rests on the runtime's invariant about stackguard0.
      assertEquals(target == Target.GO1_16 && variant == Variant.HUGE,
          v.assumptions().stream().anyMatch(a -> a.startsWith("stackguard0 is StackPreempt or at most SP + StackGuard")),
          target + " " + variant + ": " + v.assumptions());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"GO1_16", "GO1_19", "GO1_25"})
  void jlsToJcsIsViolatedInEveryVariant(Target target) {
    for (Variant variant : Variant.values()) {
      violated(new PrologueProof(target, variant, PrologueProof.Mutation.JLS_TO_JCS), target, variant);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"GO1_16", "GO1_19", "GO1_25"})
  void framesizeMinus127IsViolatedInEveryVariant(Target target) {
    for (Variant variant : Variant.values()) {
      violated(new PrologueProof(target, variant, PrologueProof.Mutation.FRAME_MINUS_127), target, variant);
    }
  }

  private static void violated(PrologueProof proof, Target target, Variant variant) {
    Verdict v = proof.verify(OPTIONS);
    assertEquals(Status.VIOLATED, v.status(), target + " " + variant + ": " + v);
    Counterexample c = v.counterexample();
    long f = c.witnesses().get("framesize");
    long[] range = proof.range();
    assertTrue(f >= range[0] && f <= range[1], "framesize " + f + " in the variant's range");
    String last = c.replay().get(c.replay().size() - 1);
    assertTrue(last.contains("=> "), "replayed on the code emitted for framesize " + f + ":\n" + String.join("\n",
        c.replay()));
  }
}
