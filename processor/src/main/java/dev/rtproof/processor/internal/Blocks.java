package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Op.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The basic blocks of a lowered routine, for fast generated code: straight-line runs entered only at
 * their first instruction and left only after their last (or by a trap). A block ends at every branch,
 * call and return, and at every instruction that hands the whole machine to the emulator (SYSCALL,
 * CPUID, XGETBV, instructions executed through the interpreter's semantics). Blocks are grouped into
 * chunks, one Java method each, small enough for the JIT to compile; a small loop is a chunk of its own.
 */
final class Blocks {
  /**
   * The weight of a chunk at most, an instruction weighing 1 and one that hands the machine to the
   * emulator (writing back and reloading every register) {@link #HANDOFF_WEIGHT}: keeps a chunk's bytecode
   * well under HotSpot's 8000-byte limit for compiling a method (about 6000 bytes for memory-heavy code).
   */
  static final int CHUNK_WEIGHT = 80;
  static final int HANDOFF_WEIGHT = 6;

  private final Lowered lowered;
  private final boolean[] start;
  private final List<int[]> chunks = new ArrayList<>();

  Blocks(Lowered lowered) {
    this.lowered = lowered;
    int n = lowered.size();
    start = new boolean[n + 1];
    start[0] = true;
    start[n] = true;
    for (int i = 0; i < n; i++) {
      if (lowered.target()[i] >= 0) {
        start[lowered.target()[i]] = true;
      }
      if (endsBlock(lowered.at(i))) {
        start[i + 1] = true;
      }
    }
    int from = 0;
    for (int[] loop : loops()) {
      split(from, loop[0]);
      chunks.add(loop);
      from = loop[1];
    }
    split(from, n);
  }

  /**
   * The loops that get a chunk of their own: {@code [t, j + 1)} for a branch at {@code j} back to
   * {@code t <= j}, at most {@link #CHUNK_WEIGHT} heavy, innermost first, none overlapping another, in order.
   * In its own method a loop's registers are all the JIT has to keep: in a method with more code around it
   * they were live across that code's calls, and HotSpot (whose Java calls preserve no register) kept them
   * on the stack inside the loop too, halving the speed of a tight loop.
   */
  private List<int[]> loops() {
    List<int[]> candidates = new ArrayList<>();
    for (int j = 0; j < lowered.size(); j++) {
      int t = lowered.target()[j];
      boolean branch = lowered.at(j).op().form() == Form.JMP || lowered.at(j).op().form() == Form.JCC;
      if (branch && t >= 0 && t <= j && weight(t, j + 1) <= CHUNK_WEIGHT) {
        candidates.add(new int[] {t, j + 1});
      }
    }
    candidates.sort(Comparator.<int[]>comparingInt(l -> l[1] - l[0]).thenComparingInt(l -> l[0]));
    List<int[]> chosen = new ArrayList<>();
    for (int[] c : candidates) {
      if (chosen.stream().noneMatch(l -> c[0] < l[1] && l[0] < c[1])) {
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(l -> l[0]));
    return chosen;
  }

  /** Adds chunks covering {@code [from, to)} (whole blocks), each as heavy as {@link #CHUNK_WEIGHT} or a block more. */
  private void split(int from, int to) {
    int weight = 0;
    for (int i = from; i < to; i++) {
      if (start[i] && i > from && weight >= CHUNK_WEIGHT) {
        chunks.add(new int[] {from, i});
        from = i;
        weight = 0;
      }
      weight += weight(i, i + 1);
    }
    if (from < to) {
      chunks.add(new int[] {from, to});
    }
  }

  /** The weight of instructions {@code [from, to)}; see {@link #CHUNK_WEIGHT}. */
  private int weight(int from, int to) {
    int weight = 0;
    for (int i = from; i < to; i++) {
      Instr in = lowered.at(i);
      weight += switch (in.op().form()) {
        case NULLARY, BYTE, UNSUPPORTED -> endsBlock(in) ? HANDOFF_WEIGHT : 1;
        default -> 1;
      };
    }
    return weight;
  }

  /** True when execution may not simply continue with the next instruction in the same block. */
  static boolean endsBlock(Instr in) {
    return switch (in.op().form()) {
      case JMP, JCC, CALL, RET -> true;
      case NULLARY -> in.op() != Op.CLD && in.op() != Op.STD && in.op() != Op.PAUSE;
      case BYTE -> !(in.arg(0) instanceof Imm b && b.value() == 0x90);
      case UNSUPPORTED -> true;
      default -> false;
    };
  }

  /** True when instruction {@code i} starts a block. */
  boolean starts(int i) {
    return start[i];
  }

  /** The index after the last instruction of the block starting at {@code i}. */
  int end(int i) {
    int e = i + 1;
    while (!start[e]) {
      e++;
    }
    return e;
  }

  /** The chunks, as {@code [from, to)} instruction ranges made of whole blocks, in order. */
  List<int[]> chunks() {
    return chunks;
  }

  Lowered lowered() {
    return lowered;
  }
}
