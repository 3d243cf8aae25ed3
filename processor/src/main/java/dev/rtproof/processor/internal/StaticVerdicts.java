package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import java.util.List;

/**
 * Verdicts decided without Z3: {@code frame-layout} is a static check over the routine's FP references
 * ({@code FrameLayoutCheck}), so its row is PROVED when the check passed and VIOLATED with the first
 * problem when it did not (the problems are also compile errors).
 */
final class StaticVerdicts {
  private StaticVerdicts() {}

  static Verdict frameLayoutProved(Routine r, PropertySpec p) {
    return new Verdict(r.symbol(), p.name(), p.label(), Status.PROVED, "every name+off(FP) matches " + r.go()
        + (r.args() >= 0 ? " and args = " + r.args() : "") + " (static check)", p.pos(), null, List.of(), "", 0);
  }

  static Verdict frameLayoutViolated(Routine r, Problem first) {
    return new Verdict(r.symbol(), PropertySpec.FRAME_LAYOUT, PropertySpec.FRAME_LAYOUT, Status.VIOLATED,
        first.toString() + " (static check)", first.pos(), null, List.of(), "", 0);
  }
}
