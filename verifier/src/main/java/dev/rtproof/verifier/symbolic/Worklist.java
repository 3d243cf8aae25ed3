package dev.rtproof.verifier.symbolic;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * States waiting at join points, ordered by position (the call sites of the inlined calls they are in,
 * then the code address), earliest first. Two states at the same position are merged, so sequential
 * branches that rejoin cost one state, not one per path: in code without loops, every path into a join
 * point has arrived before the state there runs on.
 */
final class Worklist {
  /** A position: call-site addresses outermost first, then the address of the next instruction. */
  private record Position(long[] addresses) implements Comparable<Position> {
    @Override
    public boolean equals(Object o) {
      return o instanceof Position p && Arrays.equals(addresses, p.addresses);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(addresses);
    }

    @Override
    public int compareTo(Position o) {
      int n = Math.min(addresses.length, o.addresses.length);
      for (int i = 0; i < n; i++) {
        int c = Long.compareUnsigned(addresses[i], o.addresses[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(addresses.length, o.addresses.length);
    }
  }

  private final Smt smt;
  private final PriorityQueue<Position> order = new PriorityQueue<>();
  private final Map<Position, SymState> waiting = new HashMap<>();
  private int merges;
  /** With merging off, states wait here and run depth first, each path on its own. */
  private final ArrayDeque<SymState> unmerged = new ArrayDeque<>();
  private boolean merging = true;

  Worklist(Smt smt) {
    this.smt = smt;
  }

  void merging(boolean on) {
    this.merging = on;
  }

  void add(SymState s) {
    if (!merging) {
      unmerged.push(s);
      return;
    }
    long[] a = new long[s.frames.size() + 1];
    for (int i = 0; i < s.frames.size(); i++) {
      a[i] = s.frames.get(i).returnAddress() - 1;
    }
    a[a.length - 1] = s.address();
    Position p = new Position(a);
    SymState there = waiting.get(p);
    if (there == null) {
      waiting.put(p, s);
      order.add(p);
    } else {
      waiting.put(p, StateMerge.merge(smt, there, s));
      merges++;
    }
  }

  boolean isEmpty() {
    return order.isEmpty() && unmerged.isEmpty();
  }

  SymState next() {
    return order.isEmpty() ? unmerged.pop() : waiting.remove(order.poll());
  }

  /** How many merges happened. */
  int merges() {
    return merges;
  }
}
