package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.Expr;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A 64-bit term as {@code constant + Σ coefficient·atom} (mod 2^64), read off its syntax, and the range of
 * such a sum when every atom has a known small range: an index register zero-extended from a few bits, a
 * value masked by a constant. Decides "this address lies inside that region" in Java where Z3 would be
 * asked otherwise — the common case of {@code base + index*scale + displacement}.
 */
final class Linear {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private long constant;
  /** Coefficient and term of each atom, by Z3 AST id. */
  private final Map<Integer, Long> coefficients = new HashMap<>();
  private final Map<Integer, Expr<?>> atoms = new HashMap<>();
  /** The largest value of each remainder atom (the low bits an alignment cleared), by a key of its own. */
  private final Map<Integer, BigInteger> remainders = new HashMap<>();

  private Linear() {}

  static Linear of(Expr<?> e) {
    Linear l = new Linear();
    l.add(e, 1);
    return l;
  }

  private void add(Expr<?> e, long k) {
    if (e instanceof BitVecNum n) {
      constant += k * n.getBigInteger().longValue();
    } else if (e.isBVAdd()) {
      for (Expr<?> a : e.getArgs()) {
        add(a, k);
      }
    } else if (e.isBVSub() && e.getNumArgs() == 2) {
      add(e.getArgs()[0], k);
      add(e.getArgs()[1], -k);
    } else if (e.isBVMul() && e.getNumArgs() == 2 && e.getArgs()[0] instanceof BitVecNum n) {
      add(e.getArgs()[1], k * n.getBigInteger().longValue());
    } else if (e.isBVMul() && e.getNumArgs() == 2 && e.getArgs()[1] instanceof BitVecNum n) {
      add(e.getArgs()[0], k * n.getBigInteger().longValue());
    } else if (aligned(e) != null) {
      // x with its low n bits cleared (x & -2^n; Z3 writes it as a concat) and then set to a constant c:
      // linear in x, less a remainder in [0, 2^n - 1], plus c.
      Aligned a = aligned(e);
      add(a.x(), k);
      int remainder = -1 - e.getId();
      remainders.put(remainder, BigInteger.ONE.shiftLeft(a.bits()).subtract(BigInteger.ONE));
      coefficients.merge(remainder, -k, Long::sum);
      constant += k * a.low();
    } else {
      int id = e.getId();
      atoms.put(id, e);
      coefficients.merge(id, k, Long::sum);
    }
  }

  /** {@code x} with its low {@code bits} bits replaced by {@code low}. */
  private record Aligned(Expr<?> x, int bits, long low) {}

  /**
   * {@code e} as {@code x} with its low n bits (1 ≤ n ≤ 16) replaced by a constant: {@code x & -2^n}, or
   * {@code concat(extract(63, n, x), c)}; else null.
   */
  private static Aligned aligned(Expr<?> e) {
    if (!(e instanceof BitVecExpr bv) || bv.getSortSize() != 64 || e.getNumArgs() != 2) {
      return null;
    }
    Expr<?>[] args = e.getArgs();
    if (e.isBVAND()) {
      for (int i = 0; i < 2; i++) {
        if (args[i] instanceof BitVecNum n) {
          long low = -n.getBigInteger().longValue();
          if (low > 1 && low <= 1 << 16 && Long.bitCount(low) == 1) {
            return new Aligned(args[1 - i], Long.numberOfTrailingZeros(low), 0);
          }
        }
      }
      return null;
    }
    if (e.isBVConcat() && args[1] instanceof BitVecNum c && args[0].isBVExtract()) {
      int bits = c.getSortSize();
      int[] p = args[0].getFuncDecl().getParameters().length == 2
          ? new int[] {args[0].getFuncDecl().getParameters()[0].getInt(), args[0].getFuncDecl().getParameters()[1].getInt()}
          : null;
      Expr<?> x = args[0].getArgs()[0];
      if (p != null && p[0] == 63 && p[1] == bits && bits <= 16 && ((BitVecExpr) x).getSortSize() == 64) {
        return new Aligned(x, bits, c.getBigInteger().longValue());
      }
    }
    return null;
  }

  /** {@code this − other}. */
  Linear minus(Linear other) {
    Linear d = new Linear();
    d.constant = constant - other.constant;
    d.atoms.putAll(atoms);
    d.remainders.putAll(remainders);
    d.remainders.putAll(other.remainders);
    d.coefficients.putAll(coefficients);
    other.coefficients.forEach((id, k) -> {
      if (other.atoms.containsKey(id)) {
        d.atoms.putIfAbsent(id, other.atoms.get(id));
      }
      d.coefficients.merge(id, -k, Long::sum);
    });
    d.coefficients.values().removeIf(k -> k == 0);
    return d;
  }

  /**
   * True when the value lies in {@code [0, max]} (unsigned) for every value of its atoms — decided from the
   * atoms' ranges without wrap-around; false when that cannot be shown this way.
   */
  boolean within(long max) {
    return max >= 0 && within(BigInteger.valueOf(max));
  }

  /** True when the value plus {@code shift} lies in {@code [0, max]} (unsigned, max below 2^64), as {@link #within(long)}. */
  boolean within(long shift, BigInteger max) {
    Linear moved = minus(new Linear());
    moved.constant += shift;
    return moved.within(max);
  }

  private boolean within(BigInteger max) {
    BigInteger lo = BigInteger.valueOf(constant);
    BigInteger hi = lo;
    for (Map.Entry<Integer, Long> c : coefficients.entrySet()) {
      BigInteger largest = remainders.get(c.getKey());
      BigInteger[] r = largest != null ? new BigInteger[] {BigInteger.ZERO, largest} : range(atoms.get(c.getKey()));
      if (r == null) {
        return false;
      }
      BigInteger k = BigInteger.valueOf(c.getValue());
      BigInteger a = r[0].multiply(k);
      BigInteger b = r[1].multiply(k);
      lo = lo.add(a.min(b));
      hi = hi.add(a.max(b));
    }
    // The value is (lo..hi) mod 2^64: inside [0, max] when the whole interval sits in one copy of it.
    BigInteger shift = lo.signum() < 0 ? lo.negate().add(TWO_64).subtract(BigInteger.ONE).divide(TWO_64).multiply(TWO_64)
        : BigInteger.ZERO;
    lo = lo.add(shift);
    hi = hi.add(shift);
    BigInteger base = lo.divide(TWO_64).multiply(TWO_64);
    lo = lo.subtract(base);
    hi = hi.subtract(base);
    return hi.compareTo(max) <= 0;
  }

  /** The unsigned range of an atom, or null when it is not known to be small. */
  private static BigInteger[] range(Expr<?> e) {
    if (e.isBVZeroExtension() || (e.isApp() && e.getFuncDecl().getName().toString().equals("zero_extend"))) {
      int inner = ((BitVecExpr) e.getArgs()[0]).getSortSize();
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(inner).subtract(BigInteger.ONE)};
    }
    if (e.isBVConcat() && e.getNumArgs() == 2 && e.getArgs()[0] instanceof BitVecNum high) {
      // A value under a constant high part (Z3 writes zero-extension so).
      int w = ((BitVecExpr) e.getArgs()[1]).getSortSize();
      BigInteger lo = high.getBigInteger().shiftLeft(w);
      return new BigInteger[] {lo, lo.add(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE))};
    }
    if (e.isBVAND()) {
      for (Expr<?> a : e.getArgs()) {
        if (a instanceof BitVecNum n) {
          return new BigInteger[] {BigInteger.ZERO, n.getBigInteger()};
        }
      }
    }
    if (e.isITE()) {
      BigInteger[] a = range(e.getArgs()[1]);
      BigInteger[] b = a == null ? null : range(e.getArgs()[2]);
      return b == null ? null : new BigInteger[] {a[0].min(b[0]), a[1].max(b[1])};
    }
    if (e instanceof BitVecNum n) {
      return new BigInteger[] {n.getBigInteger(), n.getBigInteger()};
    }
    return null;
  }
}
