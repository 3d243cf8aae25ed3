package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic memory split by region: one byte array per mapped region (the stack, each data symbol),
 * indexed by offset. An address that simplifies to {@code base + constant} with the offset inside the
 * region resolves to that region at a concrete offset, which keeps Z3's work small; any other address
 * is split over every region it may fall in (sound under the disjointness assumptions). An access
 * outside every region faults, as in the emulator. Immutable: stores return a new memory.
 */
public final class SymMemory {
  /** A part of an access: when it applies, which region, at which offset. */
  public record Piece(BoolExpr when, int region, BitVecExpr offset) {}

  /** Where an access of some bytes at an address goes, and when it is inside mapped memory. */
  public record Resolution(List<Piece> pieces, BoolExpr mapped) {}

  private final Environment env;
  private final ArrayExpr<BitVecSort, BitVecSort>[] arrays;

  @SuppressWarnings("unchecked")
  SymMemory(Environment env, String prefix) {
    this.env = env;
    List<Environment.Region> regions = env.regions();
    this.arrays = new ArrayExpr[regions.size()];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = env.smt.memory(prefix + "!" + regions.get(i).name());
    }
  }

  private SymMemory(Environment env, ArrayExpr<BitVecSort, BitVecSort>[] arrays) {
    this.env = env;
    this.arrays = arrays;
  }

  public ArrayExpr<BitVecSort, BitVecSort> array(int region) {
    return arrays[region];
  }

  /**
   * Resolves an access of {@code bytes} at {@code address} on a path; with an oracle, a region the
   * address certainly lies in is found by asking Z3 (null oracle: syntactic resolution only).
   */
  public Resolution resolve(Expr<BitVecSort> address, int bytes, BoolExpr path, PathOracle oracle) {
    Smt smt = env.smt;
    BitVecExpr a = (BitVecExpr) address.simplify();
    List<Piece> pieces = new ArrayList<>();
    collect(a, path, smt.truth(), bytes, oracle, pieces);
    List<Environment.Region> regions = env.regions();
    BoolExpr[] inside = new BoolExpr[pieces.size()];
    for (int i = 0; i < inside.length; i++) {
      Piece p = pieces.get(i);
      inside[i] = smt.all(p.when(), smt.ule(p.offset(), smt.bv(regions.get(p.region()).size() - bytes)));
    }
    BoolExpr mapped = (BoolExpr) smt.any(inside).simplify();
    return new Resolution(pieces, mapped);
  }

  private void collect(BitVecExpr a, BoolExpr path, BoolExpr when, int bytes, PathOracle oracle, List<Piece> out) {
    Smt smt = env.smt;
    if (a.isITE()) {
      BoolExpr c = (BoolExpr) a.getArgs()[0];
      Boolean known = oracle == null ? null : oracle.decide(smt.all(path, when), c);
      if (known == null || known) {
        collect((BitVecExpr) a.getArgs()[1], path, known == null ? smt.all(when, c) : when, bytes, oracle, out);
      }
      if (known == null || !known) {
        collect((BitVecExpr) a.getArgs()[2], path, known == null ? smt.all(when, smt.not(c)) : when, bytes, oracle, out);
      }
      return;
    }
    int region = -1;
    long constant = 0;
    if (a.isConst()) {
      region = env.regionOfBase(a.getFuncDecl().getName().toString());
    } else if (a.isBVAdd() && a.getNumArgs() == 2 && a.getArgs()[0] instanceof BitVecNum n && a.getArgs()[1].isConst()) {
      region = env.regionOfBase(a.getArgs()[1].getFuncDecl().getName().toString());
      constant = n.getBigInteger().longValue();
    }
    if (region >= 0) {
      long offset = constant + env.baseOffset(region);
      if (offset >= 0 && offset <= env.regions().get(region).size() - bytes) {
        out.add(new Piece(when, region, smt.bv(offset)));
        return;
      }
    }
    List<Environment.Region> regions = env.regions();
    if (oracle != null) {
      for (int i : candidates(a)) {
        if (Boolean.TRUE.equals(oracle.decide(smt.all(path, when), env.inRegion(a, bytes, i)))) {
          out.add(new Piece(when, i, smt.sub(a, regions.get(i).start())));
          return;
        }
      }
    }
    for (int i = 0; i < regions.size(); i++) {
      out.add(new Piece(when, i, smt.sub(a, regions.get(i).start())));
    }
  }

  /** Regions whose base variable occurs in {@code a}, the stack first. */
  private List<Integer> candidates(Expr<?> a) {
    java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
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

  /** Loads {@code bytes} little-endian bytes, zero-extended; unmapped parts read as zero. */
  public BitVecExpr load(Resolution r, int bytes) {
    Smt smt = env.smt;
    BitVecExpr v = smt.bv(0);
    for (int i = r.pieces().size() - 1; i >= 0; i--) {
      Piece p = r.pieces().get(i);
      BitVecExpr here = smt.load(arrays[p.region()], p.offset(), bytes);
      BoolExpr in = smt.all(p.when(), smt.ule(p.offset(), smt.bv(env.regions().get(p.region()).size() - bytes)));
      v = r.pieces().size() == 1 && isTrue(p.when()) ? here : smt.ite(in, here, v);
    }
    return v;
  }

  /** Stores the low {@code bytes} of {@code value}; returns the new memory. */
  public SymMemory store(Resolution r, int bytes, Expr<BitVecSort> value) {
    Smt smt = env.smt;
    ArrayExpr<BitVecSort, BitVecSort>[] next = arrays.clone();
    for (Piece p : r.pieces()) {
      ArrayExpr<BitVecSort, BitVecSort> stored = smt.store(next[p.region()], p.offset(), bytes, value);
      if (r.pieces().size() == 1 && isTrue(p.when())) {
        next[p.region()] = stored;
      } else {
        BoolExpr in = smt.all(p.when(), smt.ule(p.offset(), smt.bv(env.regions().get(p.region()).size() - bytes)));
        @SuppressWarnings("unchecked")
        ArrayExpr<BitVecSort, BitVecSort> chosen = (ArrayExpr<BitVecSort, BitVecSort>) smt.ctx.mkITE(in, stored, next[p.region()]);
        next[p.region()] = chosen;
      }
    }
    return new SymMemory(env, next);
  }

  /** This memory with region {@code region}'s array replaced. */
  public SymMemory with(int region, ArrayExpr<BitVecSort, BitVecSort> array) {
    ArrayExpr<BitVecSort, BitVecSort>[] next = arrays.clone();
    next[region] = array;
    return new SymMemory(env, next);
  }

  private static boolean isTrue(BoolExpr e) {
    return e.isTrue();
  }
}
