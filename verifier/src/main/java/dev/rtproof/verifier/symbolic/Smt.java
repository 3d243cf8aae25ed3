package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;

/**
 * Bit-vector helpers over one Z3 {@link Context}, so the semantics read like the emulator's:
 * {@code add(a, b)} rather than {@code ctx.mkBVAdd(a, b)}. Owns nothing; the context is closed by its owner.
 */
public final class Smt {
  public final Context ctx;
  private final BitVecSort bv64;
  private final BitVecSort bv8;
  private int fresh;
  private final java.util.List<BoolExpr> freshBools = new java.util.ArrayList<>();

  public Smt(Context ctx) {
    this.ctx = ctx;
    this.bv64 = ctx.mkBitVecSort(64);
    this.bv8 = ctx.mkBitVecSort(8);
  }

  public BitVecExpr bv(long v) {
    return ctx.mkBV(v, 64);
  }

  public BitVecExpr bv(long v, int width) {
    return ctx.mkBV(v & mask(width), width);
  }

  static long mask(int width) {
    return width == 64 ? -1L : (1L << width) - 1;
  }

  public BitVecExpr var(String name) {
    return ctx.mkBVConst(name, 64);
  }

  /** A fresh 64-bit variable named {@code prefix!n}. */
  public BitVecExpr freshBv(String prefix, int width) {
    return ctx.mkBVConst(prefix + "!" + (fresh++), width);
  }

  /** A fresh boolean named {@code prefix!n}: an undefined flag's any value. */
  public BoolExpr freshBool(String prefix) {
    BoolExpr b = ctx.mkBoolConst(prefix + "!" + (fresh++));
    freshBools.add(b);
    return b;
  }

  /** The booleans {@link #freshBool} made, in order. */
  public java.util.List<BoolExpr> freshBools() {
    return java.util.Collections.unmodifiableList(freshBools);
  }

  public ArrayExpr<BitVecSort, BitVecSort> memory(String name) {
    return ctx.mkArrayConst(name, bv64, bv8);
  }

  /** A fresh memory array named {@code prefix!n}. */
  public ArrayExpr<BitVecSort, BitVecSort> freshMemory(String prefix) {
    return memory(prefix + "!" + (fresh++));
  }

  /**
   * {@code a + b}, folded on the spot where one side is a number: {@code (x + 8) + 16} becomes
   * {@code x + 24}, so addresses stay in the {@code base + constant} form memory resolution reads without
   * asking Z3 to simplify.
   */
  public BitVecExpr add(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    Long cb = numeral(b);
    if (cb == null) {
      Long ca = numeral(a);
      return ca == null ? ctx.mkBVAdd(a, b) : addConstant((BitVecExpr) b, ca);
    }
    return addConstant((BitVecExpr) a, cb);
  }

  /** {@code a + c}, folded. */
  public BitVecExpr addConstant(BitVecExpr a, long c) {
    int w = a.getSortSize();
    Long ca = numeral(a);
    if (ca != null) {
      return bv(ca + c, w);
    }
    if ((c & mask(w)) == 0) {
      return a;
    }
    if (a.isBVAdd() && a.getNumArgs() == 2) {
      Expr<?>[] args = a.getArgs();
      Long k = numeral(args[1]);
      if (k != null) {
        return fold((BitVecExpr) args[0], k + c, w);
      }
      k = numeral(args[0]);
      if (k != null) {
        return fold((BitVecExpr) args[1], k + c, w);
      }
    }
    return ctx.mkBVAdd(a, bv(c, w));
  }

  private BitVecExpr fold(BitVecExpr x, long c, int w) {
    return (c & mask(w)) == 0 ? x : ctx.mkBVAdd(x, bv(c, w));
  }

  public BitVecExpr sub(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    Long cb = numeral(b);
    if (cb != null) {
      return addConstant((BitVecExpr) a, -cb);
    }
    if (a.equals(b)) {
      return bv(0, ((BitVecExpr) a).getSortSize());
    }
    return ctx.mkBVSub(a, b);
  }

  /** The value of a numeral, or null when {@code e} is not one (no simplification). */
  public static Long numeral(Expr<?> e) {
    return e instanceof BitVecNum n ? n.getBigInteger().longValue() : null;
  }

  /**
   * {@code e} as {@code variable + constant} when it has that form syntactically: the variable's name and
   * the constant, else null.
   */
  public static Affine affine(Expr<BitVecSort> e) {
    if (e.isConst()) {
      return new Affine(e.getFuncDecl().getName().toString(), 0);
    }
    if (e.isBVAdd() && e.getNumArgs() == 2) {
      Expr<?>[] args = e.getArgs();
      for (int i = 0; i < 2; i++) {
        Long k = numeral(args[i]);
        if (k != null && args[1 - i].isConst()) {
          return new Affine(args[1 - i].getFuncDecl().getName().toString(), k);
        }
      }
    }
    return null;
  }

  /** The names of the uninterpreted constants {@code e} mentions (registers, symbols, …). */
  public static java.util.Set<String> constants(Expr<?> e) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<Expr<?>> todo = new java.util.ArrayDeque<>();
    todo.push(e);
    while (!todo.isEmpty()) {
      Expr<?> x = todo.pop();
      if (!seen.add(x.getId())) {
        continue;
      }
      if (x.isConst()) {
        out.add(x.getFuncDecl().getName().toString());
      } else if (x.isApp()) {
        for (Expr<?> a : x.getArgs()) {
          todo.push(a);
        }
      } else if (x instanceof com.microsoft.z3.Lambda<?> l) {
        todo.push(l.getBody());
      }
    }
    return out;
  }

  /** A variable plus a constant. */
  public record Affine(String variable, long constant) {}

  public BitVecExpr and(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    return ctx.mkBVAND(a, b);
  }

  public BitVecExpr or(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    return ctx.mkBVOR(a, b);
  }

  public BitVecExpr xor(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    return ctx.mkBVXOR(a, b);
  }

  public BitVecExpr extract(int hi, int lo, Expr<BitVecSort> e) {
    return ctx.mkExtract(hi, lo, e);
  }

  /** The low {@code width} bits of a 64-bit value. */
  public BitVecExpr low(Expr<BitVecSort> e, int width) {
    return width == 64 ? (BitVecExpr) e : ctx.mkExtract(width - 1, 0, e);
  }

  /** Zero-extends a {@code width}-bit value to 64 bits. */
  public BitVecExpr zext(Expr<BitVecSort> e, int width) {
    return width == 64 ? (BitVecExpr) e : ctx.mkZeroExt(64 - width, e);
  }

  public BoolExpr eq(Expr<?> a, Expr<?> b) {
    return ctx.mkEq(a, b);
  }

  public BoolExpr ult(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    return ctx.mkBVULT(a, b);
  }

  public BoolExpr ule(Expr<BitVecSort> a, Expr<BitVecSort> b) {
    return ctx.mkBVULE(a, b);
  }

  public BoolExpr not(Expr<com.microsoft.z3.BoolSort> a) {
    if (a.isTrue()) {
      return falsity();
    }
    if (a.isFalse()) {
      return truth();
    }
    if (a.isNot()) {
      return (BoolExpr) a.getArgs()[0];
    }
    return ctx.mkNot(a);
  }

  /** The conjunction, without the parts that are syntactically true; false when one is false. */
  @SafeVarargs
  public final BoolExpr all(Expr<com.microsoft.z3.BoolSort>... parts) {
    return junction(parts, true);
  }

  /** The disjunction, without the parts that are syntactically false; true when one is true. */
  @SafeVarargs
  public final BoolExpr any(Expr<com.microsoft.z3.BoolSort>... parts) {
    return junction(parts, false);
  }

  @SuppressWarnings("unchecked")
  private BoolExpr junction(Expr<com.microsoft.z3.BoolSort>[] parts, boolean and) {
    java.util.List<BoolExpr> kept = new java.util.ArrayList<>(parts.length);
    for (Expr<com.microsoft.z3.BoolSort> p : parts) {
      if (and ? p.isFalse() : p.isTrue()) {
        return (BoolExpr) p;
      }
      if (!(and ? p.isTrue() : p.isFalse())) {
        kept.add((BoolExpr) p);
      }
    }
    if (kept.isEmpty()) {
      return and ? truth() : falsity();
    }
    if (kept.size() == 1) {
      return kept.get(0);
    }
    BoolExpr[] k = kept.toArray(new BoolExpr[0]);
    return and ? ctx.mkAnd(k) : ctx.mkOr(k);
  }

  public BoolExpr implies(Expr<com.microsoft.z3.BoolSort> a, Expr<com.microsoft.z3.BoolSort> b) {
    return ctx.mkImplies(a, b);
  }

  public BoolExpr truth() {
    return ctx.mkTrue();
  }

  public BoolExpr falsity() {
    return ctx.mkFalse();
  }

  public BitVecExpr ite(Expr<com.microsoft.z3.BoolSort> c, Expr<BitVecSort> a, Expr<BitVecSort> b) {
    if (c.isTrue() || a.equals(b)) {
      return (BitVecExpr) a;
    }
    if (c.isFalse()) {
      return (BitVecExpr) b;
    }
    return (BitVecExpr) ctx.mkITE(c, a, b);
  }

  public BoolExpr iteBool(Expr<com.microsoft.z3.BoolSort> c, Expr<com.microsoft.z3.BoolSort> a,
      Expr<com.microsoft.z3.BoolSort> b) {
    if (c.isTrue() || a.equals(b)) {
      return (BoolExpr) a;
    }
    if (c.isFalse()) {
      return (BoolExpr) b;
    }
    return (BoolExpr) ctx.mkITE(c, a, b);
  }

  /** {@code c ? a : b} over byte arrays. */
  @SuppressWarnings("unchecked")
  public ArrayExpr<BitVecSort, BitVecSort> iteArray(Expr<com.microsoft.z3.BoolSort> c,
      ArrayExpr<BitVecSort, BitVecSort> a, ArrayExpr<BitVecSort, BitVecSort> b) {
    if (c.isTrue() || a.equals(b)) {
      return a;
    }
    if (c.isFalse()) {
      return b;
    }
    return (ArrayExpr<BitVecSort, BitVecSort>) ctx.mkITE(c, a, b);
  }

  /** Bit {@code i} of {@code e} as a boolean. */
  public BoolExpr bit(Expr<BitVecSort> e, int i) {
    return ctx.mkEq(ctx.mkExtract(i, i, e), ctx.mkBV(1, 1));
  }

  /** True when the low byte of {@code e} has an even number of one bits. */
  public BoolExpr evenParity(Expr<BitVecSort> e) {
    BitVecExpr p = ctx.mkExtract(0, 0, e);
    for (int i = 1; i < 8; i++) {
      p = ctx.mkBVXOR(p, ctx.mkExtract(i, i, e));
    }
    return ctx.mkEq(p, ctx.mkBV(0, 1));
  }

  /** Loads {@code bytes} little-endian bytes at {@code address}, zero-extended to 64 bits. */
  public BitVecExpr load(ArrayExpr<BitVecSort, BitVecSort> mem, Expr<BitVecSort> address, int bytes) {
    BitVecExpr v = (BitVecExpr) ctx.mkSelect(mem, address);
    for (int i = 1; i < bytes; i++) {
      BitVecExpr b = (BitVecExpr) ctx.mkSelect(mem, ctx.mkBVAdd(address, bv(i)));
      v = ctx.mkConcat(b, v);
    }
    return zext(v, bytes * 8);
  }

  /** Stores the low {@code bytes} of {@code value} little-endian at {@code address}. */
  public ArrayExpr<BitVecSort, BitVecSort> store(
      ArrayExpr<BitVecSort, BitVecSort> mem, Expr<BitVecSort> address, int bytes, Expr<BitVecSort> value) {
    ArrayExpr<BitVecSort, BitVecSort> m = mem;
    for (int i = 0; i < bytes; i++) {
      BitVecExpr at = i == 0 ? (BitVecExpr) address : ctx.mkBVAdd(address, bv(i));
      m = ctx.mkStore(m, at, ctx.mkExtract(8 * i + 7, 8 * i, value));
    }
    return m;
  }

  /** The value of a 64-bit (or narrower) expression in {@code model}, as an unsigned long. */
  public static long value(Model model, Expr<BitVecSort> e) {
    Expr<BitVecSort> v = model.eval(e, true);
    if (v instanceof BitVecNum n) {
      return n.getBigInteger().longValue();
    }
    throw new IllegalStateException("model has no numeral for " + e + ": " + v);
  }

  /** The numeral {@code e} simplifies to, or null when it is not a constant. */
  public static Long constant(Expr<BitVecSort> e) {
    Expr<BitVecSort> s = e.simplify();
    if (s instanceof BitVecNum n) {
      return n.getBigInteger().longValue();
    }
    return null;
  }
}
