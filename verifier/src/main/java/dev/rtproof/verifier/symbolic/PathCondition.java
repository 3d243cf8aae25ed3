package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BoolExpr;

/**
 * A path condition as an immutable list of conjuncts, newest first, sharing its tail with the paths it
 * was forked from. Two paths that meet at a join point share a common tail (the conditions before
 * they forked); merging keeps that tail and adds one disjunction of the parts that differ, so a
 * diamond {@code P∧c / P∧¬c} merges back to {@code P} instead of growing.
 */
public final class PathCondition {
  private final BoolExpr head;
  private final PathCondition tail;
  private final int length;
  private BoolExpr conjunction;

  private PathCondition(BoolExpr head, PathCondition tail) {
    this.head = head;
    this.tail = tail;
    this.length = tail == null ? 0 : tail.length + 1;
  }

  /** The empty path: true. */
  public static PathCondition empty(Smt smt) {
    PathCondition p = new PathCondition(null, null);
    p.conjunction = smt.truth();
    return p;
  }

  /** This path and {@code c}; the same path when {@code c} is true. */
  public PathCondition and(Smt smt, BoolExpr c) {
    if (c.isTrue()) {
      return this;
    }
    return new PathCondition(c, this);
  }

  /** The conjunction of every condition, computed once. */
  public BoolExpr expr(Smt smt) {
    if (conjunction == null) {
      BoolExpr[] parts = new BoolExpr[length];
      PathCondition p = this;
      for (int i = 0; i < parts.length; i++) {
        parts[i] = p.head;
        p = p.tail;
      }
      conjunction = parts.length == 1 ? parts[0] : smt.all(parts);
    }
    return conjunction;
  }

  /** The conjunction of this path's conditions newer than {@code ancestor}, which must be a tail of it. */
  public BoolExpr since(Smt smt, PathCondition ancestor) {
    BoolExpr[] parts = new BoolExpr[length - ancestor.length];
    PathCondition p = this;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = p.head;
      p = p.tail;
    }
    return parts.length == 0 ? smt.truth() : parts.length == 1 ? parts[0] : smt.all(parts);
  }

  /** The longest tail {@code a} and {@code b} share. */
  public static PathCondition common(PathCondition a, PathCondition b) {
    while (a.length > b.length) {
      a = a.tail;
    }
    while (b.length > a.length) {
      b = b.tail;
    }
    while (a != b) {
      a = a.tail;
      b = b.tail;
    }
    return a;
  }

  public int length() {
    return length;
  }
}
