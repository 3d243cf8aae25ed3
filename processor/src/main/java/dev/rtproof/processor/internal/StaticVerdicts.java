package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import java.util.List;

/**
 * The {@code frame-layout} row of a routine that did not compile because the front end's static check
 * ({@code FrameLayoutCheck}) found a problem (also a compile error): VIOLATED with the first problem. Routines
 * that compile get their row from the verifier, which decides the same check with reachability and replays.
 */
final class StaticVerdicts {
  private StaticVerdicts() {}

  static Verdict frameLayoutViolated(Routine r, Problem first) {
    return new Verdict(r.symbol(), PropertySpec.FRAME_LAYOUT, PropertySpec.FRAME_LAYOUT, Status.VIOLATED,
        first.toString() + " (static check)", first.pos(), null, List.of(), "", 0);
  }
}
