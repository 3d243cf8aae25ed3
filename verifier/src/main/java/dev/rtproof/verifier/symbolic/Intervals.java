package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Unsigned bounds of bit-vector terms read off their syntax (constants, if-then-else, sums that cannot wrap,
 * zero-extension, masks), used to settle a claim such as {@code BX <= 64} before Z3 sees it. Merged
 * branches make such values long if-then-else chains of increments, which bit-blasting turns into a
 * counting problem a SAT solver handles badly (32 summed diamonds ran out of time); the bounds settle it
 * in one pass over the shared term. Every bound holds for every value of the term's variables, so a claim
 * settled here is valid; a claim it cannot settle goes to Z3 as before.
 */
public final class Intervals {
  /** {@code [lo, hi]}, unsigned. */
  private record Range(BigInteger lo, BigInteger hi) {}

  private final Map<Integer, Range> known = new HashMap<>();

  /** True when {@code claim} holds for every value of its variables by the bounds alone. */
  public boolean valid(BoolExpr claim) {
    if (claim.isTrue()) {
      return true;
    }
    if (claim.isAnd()) {
      for (Expr<?> a : claim.getArgs()) {
        if (!valid((BoolExpr) a)) {
          return false;
        }
      }
      return true;
    }
    Expr<?>[] args = claim.getNumArgs() == 2 ? claim.getArgs() : null;
    if (args == null || !(args[0] instanceof BitVecExpr a) || !(args[1] instanceof BitVecExpr b)) {
      return false;
    }
    if (claim.isBVULE()) {
      return of(a).hi.compareTo(of(b).lo) <= 0;
    }
    if (claim.isBVULT()) {
      return of(a).hi.compareTo(of(b).lo) < 0;
    }
    if (claim.isBVUGE()) {
      return of(b).hi.compareTo(of(a).lo) <= 0;
    }
    if (claim.isBVUGT()) {
      return of(b).hi.compareTo(of(a).lo) < 0;
    }
    return false;
  }

  private Range of(BitVecExpr e) {
    Range r = known.get(e.getId());
    if (r == null) {
      r = compute(e);
      known.put(e.getId(), r);
    }
    return r;
  }

  private Range compute(BitVecExpr e) {
    int width = e.getSortSize();
    Range full = new Range(BigInteger.ZERO, BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    if (e instanceof BitVecNum n) {
      return new Range(n.getBigInteger(), n.getBigInteger());
    }
    Expr<?>[] args = e.getArgs();
    if (e.isITE()) {
      Range a = of((BitVecExpr) args[1]);
      Range b = of((BitVecExpr) args[2]);
      return new Range(a.lo.min(b.lo), a.hi.max(b.hi));
    }
    if (e.isBVAdd()) {
      BigInteger lo = BigInteger.ZERO;
      BigInteger hi = BigInteger.ZERO;
      for (Expr<?> a : args) {
        Range r = of((BitVecExpr) a);
        lo = lo.add(r.lo);
        hi = hi.add(r.hi);
      }
      return hi.compareTo(full.hi) <= 0 ? new Range(lo, hi) : full;
    }
    if (e.isBVConcat() && args.length == 2) {
      // high · 2^w + low, both parts' bounds at once.
      int w = ((BitVecExpr) args[1]).getSortSize();
      Range high = of((BitVecExpr) args[0]);
      Range low = of((BitVecExpr) args[1]);
      return new Range(high.lo.shiftLeft(w).add(low.lo), high.hi.shiftLeft(w).add(low.hi));
    }
    if (e.isBVZeroExtension()) {
      return of((BitVecExpr) args[0]);
    }
    if (e.isBVAND()) {
      BigInteger hi = full.hi;
      for (Expr<?> a : args) {
        hi = hi.min(of((BitVecExpr) a).hi);
      }
      return new Range(BigInteger.ZERO, hi);
    }
    if (e.isBVXOR() && args.length == 2 && args[0].equals(args[1])) {
      return new Range(BigInteger.ZERO, BigInteger.ZERO);
    }
    return full;
  }
}
