package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How rtproof asks Z3: the solver parameters of every check, and a count of the checks in this JVM
 * (exploration and verdicts alike).
 */
public final class Z3Calls {
  private static final AtomicLong TOTAL = new AtomicLong();
  /**
   * How long a check may run in Z3's incremental core (which push/pop selects) before Z3 falls back to its
   * non-incremental bit-vector tactic on the same assertions. The incremental core answers the many small
   * questions of an exploration fastest; on a counting problem (the sum of 64 merged branch outcomes) it
   * took 41 s where the tactic took 0.1 s.
   */
  static final int INCREMENTAL_MILLIS = 1000;

  private Z3Calls() {}

  /** Records one check. */
  public static void counted() {
    TOTAL.incrementAndGet();
  }

  /** Parameters for one check: at most {@code millis} in all, with the fallback above. */
  public static Params params(Context ctx, long millis) {
    Params p = ctx.mkParams();
    int budget = (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
    p.add("timeout", budget);
    p.add("combined_solver.solver2_timeout", Math.min(budget, INCREMENTAL_MILLIS));
    return p;
  }

  public static long total() {
    return TOTAL.get();
  }
}
