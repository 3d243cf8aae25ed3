package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Symbolic memory split by region: one {@link RegionMemory} per mapped region (the stack, each data
 * symbol, the thread's g slot and g), indexed by offset. An address of the form {@code base + constant}
 * with the offset inside the region resolves to that region at a concrete offset, which keeps Z3's work
 * small; any other address is resolved by asking Z3 which region it must lie in, and otherwise split over
 * every region it may fall in (sound under the disjointness assumptions). An access outside every region
 * faults, as in the emulator. Copy-on-write: {@link #copy} is cheap, a write copies only the region it
 * changes if another path shares it.
 */
public final class SymMemory {
  /**
   * A part of an access: when it applies, which region, at which offset (concrete when known), and whether
   * the access is known to lie inside the region whenever it applies.
   */
  public record Piece(BoolExpr when, int region, Long concrete, BitVecExpr offset, boolean inside) {
    /** A piece at a concrete offset (inside the region). */
    public Piece(BoolExpr when, int region, long concrete, BitVecExpr offset) {
      this(when, region, concrete, offset, true);
    }
  }

  /**
   * Where an access of some bytes at an address goes, and when it is inside mapped memory; the path and the
   * oracle (may be null) it was resolved with tell a read which earlier writes it is apart from.
   */
  public record Resolution(List<Piece> pieces, BoolExpr mapped, BoolExpr path, PathOracle oracle) {
    /** Pieces read knowing only what the terms' syntax shows. */
    public Resolution(List<Piece> pieces, BoolExpr mapped) {
      this(pieces, mapped, null, null);
    }
  }

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  /** A distance far below the room between 2^47 (above every region: TASK_SIZE_MAX) and 2^64. */
  private static final long SMALL_DISTANCE = 1L << 40;
  /** How deep {@link #aboveEveryCase} looks into nested if-then-elses (at most 2^depth cases). */
  private static final int ITE_DEPTH = 6;

  private final Environment env;
  private final RegionMemory[] regions;
  private final boolean[] owned;

  SymMemory(Environment env, String prefix) {
    this.env = env;
    List<Environment.Region> rs = env.regions();
    this.regions = new RegionMemory[rs.size()];
    this.owned = new boolean[rs.size()];
    for (int i = 0; i < regions.length; i++) {
      regions[i] = new RegionMemory(env.smt, env.smt.memory(prefix + "!" + rs.get(i).name()));
      owned[i] = true;
    }
  }

  private SymMemory(Environment env, RegionMemory[] regions) {
    this.env = env;
    this.regions = regions;
    this.owned = new boolean[regions.length];
  }

  /** A memory with the same contents; writes to either do not show in the other. */
  public SymMemory copy() {
    java.util.Arrays.fill(owned, false);
    return new SymMemory(env, regions.clone());
  }

  private RegionMemory writable(int i) {
    if (!owned[i]) {
      regions[i] = regions[i].copy();
      owned[i] = true;
    }
    return regions[i];
  }

  /** Region {@code i}'s bytes as one Z3 array. */
  public ArrayExpr<BitVecSort, BitVecSort> array(int region) {
    return regions[region].array();
  }

  /** This memory with region {@code region}'s bytes replaced by {@code array}. */
  public void replace(int region, ArrayExpr<BitVecSort, BitVecSort> array) {
    writable(region).replace(array);
  }

  /**
   * This memory with region {@code region}'s bytes replaced by {@code array}, which changes at most the bytes
   * from the region's start up to address {@code hi} (a call's havoc of the stack below its SP). {@code hi − 8}
   * must be an address the path has just accessed (the return address), so {@code hi} lies below 2^47: a read
   * whose distance from {@code hi} is a small non-negative amount then lies at or above it, with no wrap-around.
   */
  void replaceBelow(int region, ArrayExpr<BitVecSort, BitVecSort> array, BitVecExpr hi) {
    writable(region).replaceBelow(array, env.smt.sub(hi, env.regions().get(region).start()));
  }

  /**
   * Resolves an access of {@code bytes} at {@code address} on a path; with an oracle, a region the
   * address certainly lies in is found by asking Z3 (null oracle: syntactic resolution only).
   */
  public Resolution resolve(Expr<BitVecSort> address, int bytes, BoolExpr path, PathOracle oracle) {
    Smt smt = env.smt;
    List<Piece> pieces = new ArrayList<>();
    boolean covered = collect((BitVecExpr) address, path, smt.truth(), bytes, oracle, pieces, true);
    if (covered) {
      return new Resolution(pieces, smt.truth(), path, oracle);
    }
    BoolExpr[] inside = new BoolExpr[pieces.size()];
    for (int i = 0; i < inside.length; i++) {
      inside[i] = inside(pieces.get(i), bytes);
    }
    return new Resolution(pieces, smt.any(inside), path, oracle);
  }

  /**
   * Two ranges are apart when their distance {@code d = read − write} lies in {@code [writeBytes, 2^64 −
   * readBytes]} (mod 2^64): decided from the terms when they differ by a known amount, else asked of the oracle
   * on the access's path.
   */
  private RegionMemory.Separation separation(Resolution r) {
    Smt smt = env.smt;
    return new RegionMemory.Separation() {
      @Override
      public boolean apart(BitVecExpr read, int readBytes, BitVecExpr write, long writeBytes) {
        BigInteger max = TWO_64.subtract(BigInteger.valueOf(readBytes + writeBytes));
        if (Linear.of(read).minus(Linear.of(write)).within(-writeBytes, max)) {
          return true;
        }
        return r.oracle() != null && r.oracle().implies(r.path(),
            smt.ule(smt.addConstant(smt.sub(read, write), -writeBytes), smt.bv(max.longValue())));
      }

      /**
       * From the terms when the read is a small non-negative distance above the end, in each case of the end's
       * if-then-elses (a stack pointer aligned on one path and not on another; see {@link #replaceBelow}). An end
       * that is one term (a stack switched to through a pointer) is asked of the oracle, as offsets: an end below
       * the region's start wraps to a huge offset, which no read is shown to be above, so such a stretch is never
       * skipped wrongly. An end merged from paths is not: the reads the terms leave open lie inside the stretch
       * on one of the paths, so asking only cost time (it made rt0_go's proofs twice as slow).
       */
      @Override
      public boolean atOrAbove(BitVecExpr read, BitVecExpr end) {
        if (aboveEveryCase(read, end, ITE_DEPTH)) {
          return true;
        }
        return caseSplit(end) == null && r.oracle() != null && r.oracle().implies(r.path(), smt.ule(end, read));
      }
    };
  }

  /** True when {@code read − end} is in {@code [0, SMALL_DISTANCE]} in every case of {@code end}'s if-then-elses. */
  private boolean aboveEveryCase(BitVecExpr read, BitVecExpr end, int depth) {
    if (Linear.of(read).minus(Linear.of(end)).within(SMALL_DISTANCE)) {
      return true;
    }
    if (depth == 0) {
      return false;
    }
    Expr<?> ite = caseSplit(end);
    if (ite == null) {
      return false;
    }
    return aboveEveryCase(read, (BitVecExpr) end.substitute(ite, ite.getArgs()[1]), depth - 1)
        && aboveEveryCase(read, (BitVecExpr) end.substitute(ite, ite.getArgs()[2]), depth - 1);
  }

  /** An if-then-else among the summands of {@code e} (through additions and subtractions), or null. */
  private static Expr<?> caseSplit(Expr<?> e) {
    if (e.isITE()) {
      return e;
    }
    if (e.isBVAdd() || e.isBVSub()) {
      for (Expr<?> a : e.getArgs()) {
        Expr<?> found = caseSplit(a);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * Adds the pieces of an access at {@code a} under {@code when}; true when every case of it is known to lie
   * inside a region (the access never faults). The two sides of an if-then-else address (a merge of paths)
   * are resolved separately, each under its condition.
   */
  private boolean collect(BitVecExpr a, BoolExpr path, BoolExpr when, int bytes, PathOracle oracle, List<Piece> out,
      boolean maySimplify) {
    Smt smt = env.smt;
    if (a.isITE()) {
      BoolExpr c = (BoolExpr) a.getArgs()[0];
      boolean left = collect((BitVecExpr) a.getArgs()[1], path, smt.all(when, c), bytes, oracle, out, true);
      boolean right = collect((BitVecExpr) a.getArgs()[2], path, smt.all(when, smt.not(c)), bytes, oracle, out, true);
      return left && right;
    }
    Shifted shifted = Shifted.of(a);
    if (shifted != null && shifted.base().isITE()) {
      // (c ? x : y) + k, as FS - 8 after a merge of a path that set FS: each side on its own.
      Expr<?>[] ite = shifted.base().getArgs();
      BoolExpr c = (BoolExpr) ite[0];
      boolean left = collect(smt.add((BitVecExpr) ite[1], shifted.numeral()), path, smt.all(when, c), bytes,
          oracle, out, true);
      boolean right = collect(smt.add((BitVecExpr) ite[2], shifted.numeral()), path,
          smt.all(when, smt.not(c)), bytes, oracle, out, true);
      return left && right;
    }
    Smt.Affine affine = Smt.affine(a);
    if (affine != null) {
      int region = env.regionOfBase(affine.variable());
      if (region >= 0) {
        long offset = affine.constant() + env.baseOffset(region);
        if (offset >= 0 && offset <= env.regions().get(region).size() - bytes) {
          out.add(new Piece(when, region, offset, smt.bv(offset)));
          return true;
        }
      }
    } else if (maySimplify) {
      BitVecExpr s = (BitVecExpr) a.simplify();
      if (!s.equals(a)) {
        return collect(s, path, when, bytes, oracle, out, false);
      }
    }
    List<Environment.Region> rs = env.regions();
    List<Integer> candidates = candidates(a);
    Linear linear = Linear.of(a);
    for (int i : candidates) {
      if (linear.minus(Linear.of(rs.get(i).start())).within(rs.get(i).size() - bytes)) {
        out.add(new Piece(when, i, null, smt.sub(a, rs.get(i).start()), true));
        return true;
      }
    }
    if (oracle != null) {
      // A pointer loaded from memory names no region: one model says where it points; Z3 checks that it always
      // points there, at that very offset if it can (which keeps later accesses concrete), else somewhere inside.
      // The guess an earlier access at this address got is tried first, with no query, then a fresh one.
      BoolExpr here = smt.all(path, when);
      StackWindow window = StackWindow.around(a, bytes, env);
      if (window != null && oracle.known(here, window.inside())) {
        out.add(new Piece(when, 0, null, smt.sub(a, rs.get(0).start()), true));
        return true;
      }
      PathOracle.Place tried = null;
      for (boolean fresh : new boolean[] {false, true}) {
        PathOracle.Place guess = oracle.plausiblePlace(here, a, bytes, fresh);
        if (guess == null || guess.equals(tried)) {
          break; // no model, or the same place again: the proofs below would only be asked again
        }
        tried = guess;
        BitVecExpr offset = smt.sub(a, rs.get(guess.region()).start());
        if (oracle.implies(here, smt.eq(offset, smt.bv(guess.offset())))) {
          out.add(new Piece(when, guess.region(), guess.offset(), smt.bv(guess.offset())));
          return true;
        }
        if (guess.region() == 0 && window != null && oracle.implies(here, window.inside())) {
          out.add(new Piece(when, 0, null, offset, true));
          return true;
        }
        if (oracle.implies(here, env.inRegion(a, bytes, guess.region()))) {
          out.add(new Piece(when, guess.region(), null, offset, true));
          return true;
        }
      }
    }
    for (int i = 0; i < rs.size(); i++) {
      out.add(piece(when, i, smt.sub(a, rs.get(i).start()), bytes));
    }
    return false;
  }

  /**
   * The stretch of the stack from 4 KiB below a pointer to 64 bytes above it, for an access at the pointer plus
   * a constant inside that stretch. A stack found through a pointer (the g0 stack mcall and systemstack switch
   * to) is pushed to and read at many such offsets: once Z3 has shown the stretch inside the stack on a path,
   * every later access in it is placed with no query, where each used to cost a guess and two proofs.
   */
  private record StackWindow(BoolExpr inside) {
    private static final int BELOW = 4096;
    private static final int ABOVE = 64;

    static StackWindow around(BitVecExpr a, int bytes, Environment env) {
      Shifted shifted = Shifted.of(a);
      BitVecExpr base = shifted == null ? a : shifted.base();
      long k = shifted == null ? 0 : Smt.numeral(shifted.numeral());
      if (k < -BELOW || k > ABOVE - bytes || env.regions().get(0).size() < BELOW + ABOVE) {
        return null;
      }
      return new StackWindow(env.inRegion(env.smt.addConstant(base, -BELOW), BELOW + ABOVE, 0));
    }
  }

  /** An address {@code base + numeral}, the numeral on either side of the addition. */
  private record Shifted(BitVecExpr base, BitVecExpr numeral) {
    /** {@code a} as such a sum, else null. */
    static Shifted of(BitVecExpr a) {
      if (!a.isBVAdd() || a.getNumArgs() != 2) {
        return null;
      }
      Expr<?>[] args = a.getArgs();
      for (int i = 0; i < 2; i++) {
        if (Smt.numeral(args[i]) != null) {
          return new Shifted((BitVecExpr) args[1 - i], (BitVecExpr) args[i]);
        }
      }
      return null;
    }
  }

  /** A piece of an access of {@code bytes}; concrete only when its numeral offset fits the region. */
  private Piece piece(BoolExpr when, int region, BitVecExpr offset, int bytes) {
    Long k = Smt.numeral(offset);
    if (k != null && k >= 0 && k <= env.regions().get(region).size() - bytes) {
      return new Piece(when, region, k, offset);
    }
    return new Piece(when, region, null, offset, false);
  }

  /** When {@code p}'s part of an access of {@code bytes} is inside mapped memory. */
  private BoolExpr inside(Piece p, int bytes) {
    return p.inside() ? p.when()
        : env.smt.all(p.when(), env.fits(p.offset(), bytes, p.region()));
  }

  /** Regions whose base variable occurs in {@code a}, the stack first. */
  private List<Integer> candidates(Expr<?> a) {
    TreeSet<Integer> found = new TreeSet<>();
    java.util.ArrayDeque<Expr<?>> todo = new java.util.ArrayDeque<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    todo.push(a);
    while (!todo.isEmpty() && seen.size() < 10_000) {
      Expr<?> e = todo.pop();
      if (!seen.add(e.getId())) {
        continue;
      }
      if (e.isConst()) {
        int r = env.regionOfBase(e.getFuncDecl().getName().toString());
        if (r >= 0) {
          found.add(r);
        }
      } else if (e.isApp()) {
        for (Expr<?> arg : e.getArgs()) {
          todo.push(arg);
        }
      }
    }
    return new ArrayList<>(found);
  }

  /** Loads {@code bytes} little-endian bytes as a value of {@code 8 * bytes} bits; unmapped parts read as zero. */
  public BitVecExpr load(Resolution r, int bytes) {
    Smt smt = env.smt;
    BitVecExpr v = smt.bv(0, 8 * bytes);
    List<Piece> pieces = r.pieces();
    RegionMemory.Separation apart = separation(r);
    for (int i = pieces.size() - 1; i >= 0; i--) {
      Piece p = pieces.get(i);
      RegionMemory m = regions[p.region()];
      BitVecExpr here = p.concrete() != null ? m.load(p.concrete(), bytes, apart) : m.load(p.offset(), bytes, apart);
      if (pieces.size() == 1 && p.when().isTrue() && p.inside()) {
        return here;
      }
      v = smt.ite(inside(p, bytes), here, v);
    }
    return v;
  }

  /** Stores {@code value} ({@code 8 * bytes} bits) where {@code r} says. */
  public void store(Resolution r, int bytes, BitVecExpr value) {
    Smt smt = env.smt;
    List<Piece> pieces = r.pieces();
    RegionMemory.Separation apart = separation(r);
    for (Piece p : pieces) {
      if (pieces.size() == 1 && p.when().isTrue()) {
        if (p.concrete() != null) {
          writable(p.region()).store(p.concrete(), bytes, value);
        } else {
          writable(p.region()).store(p.offset(), bytes, value);
        }
        continue;
      }
      BoolExpr in = inside(p, bytes);
      RegionMemory m = writable(p.region());
      if (p.concrete() != null) {
        // One side of a merged address: the bytes there hold the value when this side applies.
        long k = p.concrete();
        m.store(k, bytes, smt.ite(in, value, m.load(k, bytes, apart)));
        continue;
      }
      ArrayExpr<BitVecSort, BitVecSort> before = m.array();
      m.store(p.offset(), bytes, value);
      m.replace(smt.iteArray(in, m.array(), before));
    }
  }

  /** {@code c ? a : b}, region by region. */
  static SymMemory merge(Smt smt, BoolExpr c, SymMemory a, SymMemory b) {
    RegionMemory[] out = new RegionMemory[a.regions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = RegionMemory.merge(smt, c, a.regions[i], b.regions[i]);
    }
    SymMemory m = new SymMemory(a.env, out);
    for (int i = 0; i < out.length; i++) {
      m.owned[i] = out[i] != a.regions[i] && out[i] != b.regions[i];
    }
    return m;
  }
}
