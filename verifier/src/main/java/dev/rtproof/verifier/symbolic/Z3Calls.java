package dev.rtproof.verifier.symbolic;

import java.util.concurrent.atomic.AtomicLong;

/** Counts every satisfiability check rtproof asks of Z3 in this JVM (exploration and verdicts alike). */
public final class Z3Calls {
  private static final AtomicLong TOTAL = new AtomicLong();

  private Z3Calls() {}

  /** Records one check. */
  public static void counted() {
    TOTAL.incrementAndGet();
  }

  public static long total() {
    return TOTAL.get();
  }
}
