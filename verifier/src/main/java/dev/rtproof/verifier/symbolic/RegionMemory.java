package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bytes of one mapped region, indexed by offset. Bytes written at concrete offsets are kept in a Java
 * map, so reading them back needs no Z3 array reasoning and a value stored as a whole reads back as the
 * same term; only a write at a symbolic offset folds them into the Z3 array (the "barrier"). A read that a
 * {@link Separation} shows to be apart from the writes at symbolic offsets on top of the array reads from
 * below them: Z3 then never has to compare the symbolic indices of a store chain (a pushed word on a stack
 * found through a pointer made each later read of the caller's frame such a comparison).
 * Mutable; {@link SymMemory} copies a region before writing to one it shares with another path.
 */
final class RegionMemory {
  /** Byte {@code index} (little-endian) of {@code value}, stored at a concrete offset. */
  record Cell(BitVecExpr value, int index) {}

  /** Decides where reads lie against writes, at offsets of this region (false when it cannot tell). */
  interface Separation {
    Separation NONE = new Separation() {
      @Override
      public boolean apart(BitVecExpr read, int readBytes, BitVecExpr write, long writeBytes) {
        return false;
      }

      @Override
      public boolean atOrAbove(BitVecExpr read, BitVecExpr end) {
        return false;
      }
    };

    /** The two byte ranges never overlap. */
    boolean apart(BitVecExpr read, int readBytes, BitVecExpr write, long writeBytes);

    /** The read starts at or above offset {@code end}, the end of a stretch that begins at the region's start. */
    boolean atOrAbove(BitVecExpr read, BitVecExpr end);
  }

  /**
   * What made the barrier out of {@code below}: a write of {@code bytes} at symbolic {@code offset}, or (when
   * {@code stretchEnd} is set) new values for the offsets {@code [0, stretchEnd)}; {@code beneath} is how
   * {@code below} came about, null when not by such a write alone.
   */
  private record Layer(ArrayExpr<BitVecSort, BitVecSort> below, Layer beneath, BitVecExpr offset, int bytes,
      BitVecExpr stretchEnd) {
    boolean apartFrom(BitVecExpr read, int readBytes, Separation separation) {
      return stretchEnd != null ? separation.atOrAbove(read, stretchEnd)
          : separation.apart(read, readBytes, offset, bytes);
    }
  }

  private final Smt smt;
  /** The array as of the last write at a symbolic offset (or the initial contents). */
  private ArrayExpr<BitVecSort, BitVecSort> barrier;
  /** Bytes written at concrete offsets since then. */
  private HashMap<Long, Cell> cells;
  /** {@code barrier} with every cell stored, once someone needed it; kept up to date after that. */
  private ArrayExpr<BitVecSort, BitVecSort> full;
  /** How {@code barrier} came about, when by a write at a symbolic offset; else null. */
  private Layer layer;

  RegionMemory(Smt smt, ArrayExpr<BitVecSort, BitVecSort> initial) {
    this(smt, initial, new HashMap<>(), initial, null);
  }

  private RegionMemory(Smt smt, ArrayExpr<BitVecSort, BitVecSort> barrier, HashMap<Long, Cell> cells,
      ArrayExpr<BitVecSort, BitVecSort> full, Layer layer) {
    this.smt = smt;
    this.barrier = barrier;
    this.cells = cells;
    this.full = full;
    this.layer = layer;
  }

  RegionMemory copy() {
    return new RegionMemory(smt, barrier, new HashMap<>(cells), full, layer);
  }

  /** Every byte as one Z3 array. */
  ArrayExpr<BitVecSort, BitVecSort> array() {
    if (full == null) {
      ArrayExpr<BitVecSort, BitVecSort> a = barrier;
      for (Map.Entry<Long, Cell> e : cells.entrySet()) {
        a = smt.ctx.mkStore(a, smt.bv(e.getKey()), byteOf(e.getValue()));
      }
      full = a;
    }
    return full;
  }

  private BitVecExpr byteOf(Cell c) {
    if (c.value.getSortSize() == 8) {
      return c.value;
    }
    return smt.extract(8 * c.index + 7, 8 * c.index, c.value);
  }

  /** The array to read {@code bytes} at {@code offset} from: the barrier, or what was below writes apart from them. */
  private ArrayExpr<BitVecSort, BitVecSort> source(BitVecExpr offset, int bytes, Separation separation) {
    ArrayExpr<BitVecSort, BitVecSort> a = barrier;
    for (Layer l = layer; l != null && l.apartFrom(offset, bytes, separation); l = l.beneath) {
      a = l.below;
    }
    return a;
  }

  /** The {@code bytes} bytes at concrete {@code offset}, as a value of {@code 8 * bytes} bits. */
  BitVecExpr load(long offset, int bytes, Separation separation) {
    Cell first = cells.get(offset);
    if (first != null && first.index == 0) {
      boolean whole = true;
      for (int j = 1; j < bytes && whole; j++) {
        Cell c = cells.get(offset + j);
        whole = c != null && c.value == first.value && c.index == j;
      }
      if (whole) {
        int w = first.value.getSortSize();
        return w == 8 * bytes ? first.value : smt.extract(8 * bytes - 1, 0, first.value);
      }
    }
    BitVecExpr v = null;
    ArrayExpr<BitVecSort, BitVecSort> below = null;
    for (int j = bytes - 1; j >= 0; j--) {
      Cell c = cells.get(offset + j);
      if (c == null && below == null) {
        below = source(smt.bv(offset), bytes, separation);
      }
      BitVecExpr b = c != null ? byteOf(c) : (BitVecExpr) smt.ctx.mkSelect(below, smt.bv(offset + j));
      v = v == null ? b : smt.ctx.mkConcat(v, b);
    }
    return v;
  }

  /** The {@code bytes} bytes at symbolic {@code offset}. */
  BitVecExpr load(BitVecExpr offset, int bytes, Separation separation) {
    ArrayExpr<BitVecSort, BitVecSort> a = cells.isEmpty() || apartFromCells(offset, bytes, separation)
        ? source(offset, bytes, separation) : array();
    BitVecExpr v = null;
    for (int j = bytes - 1; j >= 0; j--) {
      BitVecExpr b = (BitVecExpr) smt.ctx.mkSelect(a, smt.addConstant(offset, j));
      v = v == null ? b : smt.ctx.mkConcat(v, b);
    }
    return v;
  }

  /** True when the bytes at {@code offset} lie apart from every concrete cell. */
  private boolean apartFromCells(BitVecExpr offset, int bytes, Separation separation) {
    long lo = java.util.Collections.min(cells.keySet());
    long hi = java.util.Collections.max(cells.keySet());
    return separation.apart(offset, bytes, smt.bv(lo), hi - lo + 1);
  }

  /** Stores {@code value} ({@code 8 * bytes} bits) at concrete {@code offset}. */
  void store(long offset, int bytes, BitVecExpr value) {
    for (int j = 0; j < bytes; j++) {
      Cell c = new Cell(value, j);
      cells.put(offset + j, c);
      if (full != null) {
        full = smt.ctx.mkStore(full, smt.bv(offset + j), byteOf(c));
      }
    }
  }

  /** Stores {@code value} at symbolic {@code offset}: every byte so far goes into the array. */
  void store(BitVecExpr offset, int bytes, BitVecExpr value) {
    ArrayExpr<BitVecSort, BitVecSort> before = array();
    Layer written = new Layer(before, cells.isEmpty() ? layer : null, offset, bytes, null);
    ArrayExpr<BitVecSort, BitVecSort> a = before;
    for (int j = 0; j < bytes; j++) {
      a = smt.ctx.mkStore(a, smt.addConstant(offset, j), byteOf(new Cell(value, j)));
    }
    replace(a);
    layer = written;
  }

  /**
   * Replaces every byte by {@code array}'s, which differs from the bytes before at most at the offsets
   * {@code [0, end)} (a call's havoc of the stack below its SP): reads at or above {@code end} skip it.
   */
  void replaceBelow(ArrayExpr<BitVecSort, BitVecSort> array, BitVecExpr end) {
    Layer written = new Layer(array(), cells.isEmpty() ? layer : null, null, 0, end);
    replace(array);
    layer = written;
  }

  /** Replaces every byte by {@code array}'s. */
  void replace(ArrayExpr<BitVecSort, BitVecSort> array) {
    barrier = array;
    full = array;
    cells = new HashMap<>();
    layer = null;
  }

  /** The region as {@code c ? a : b}. */
  static RegionMemory merge(Smt smt, BoolExpr c, RegionMemory a, RegionMemory b) {
    if (a == b || (a.cells == b.cells && a.barrier.equals(b.barrier))) {
      return a;
    }
    if (!a.barrier.equals(b.barrier)) {
      ArrayExpr<BitVecSort, BitVecSort> both = smt.iteArray(c, a.array(), b.array());
      return new RegionMemory(smt, both, new HashMap<>(), both, null);
    }
    HashMap<Long, Cell> out = new HashMap<>();
    Map<BitVecExpr, Map<BitVecExpr, BitVecExpr>> merged = new IdentityHashMap<>();
    Set<Long> offsets = new HashSet<>(a.cells.keySet());
    offsets.addAll(b.cells.keySet());
    for (Long k : offsets) {
      Cell ca = a.cells.get(k);
      Cell cb = b.cells.get(k);
      if (ca != null && cb != null && ca.index == cb.index
          && ca.value.getSortSize() == cb.value.getSortSize()) {
        if (ca.value == cb.value) {
          out.put(k, ca);
        } else {
          BitVecExpr v = merged.computeIfAbsent(ca.value, x -> new IdentityHashMap<>())
              .computeIfAbsent(cb.value, y -> smt.ite(c, ca.value, cb.value));
          out.put(k, new Cell(v, ca.index));
        }
      } else {
        BitVecExpr x = ca != null ? a.byteOf(ca) : (BitVecExpr) smt.ctx.mkSelect(a.barrier, smt.bv(k));
        BitVecExpr y = cb != null ? b.byteOf(cb) : (BitVecExpr) smt.ctx.mkSelect(b.barrier, smt.bv(k));
        out.put(k, new Cell(smt.ite(c, x, y), 0));
      }
    }
    return new RegionMemory(smt, a.barrier, out, null, a.layer);
  }
}
