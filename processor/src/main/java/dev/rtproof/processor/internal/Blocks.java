package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The basic blocks of a lowered routine, for fast generated code: straight-line runs entered only at
 * their first instruction and left only after their last (or by a trap). A block ends at every branch,
 * call and return, and at every instruction that hands the whole machine to the emulator (SYSCALL,
 * CPUID, XGETBV, instructions executed through the interpreter's semantics). Blocks are grouped into
 * chunks, one Java method each, small enough for the JIT to compile.
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
    int weight = 0;
    for (int i = 0; i < n; i++) {
      if (start[i] && i > from && weight >= CHUNK_WEIGHT) {
        chunks.add(new int[] {from, i});
        from = i;
        weight = 0;
      }
      Instr in = lowered.at(i);
      weight += switch (in.op().form()) {
        case NULLARY, BYTE, UNSUPPORTED -> endsBlock(in) ? HANDOFF_WEIGHT : 1;
        default -> 1;
      };
    }
    chunks.add(new int[] {from, n});
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
