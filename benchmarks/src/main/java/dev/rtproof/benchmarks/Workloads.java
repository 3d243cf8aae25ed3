package dev.rtproof.benchmarks;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;

/**
 * The three routines the throughput benchmark runs in every executor (generated program, interpreter,
 * Unicorn, the real CPU). Each takes its round count in CX and, where it needs memory, a buffer address in
 * DI, and refers to no global: the same bytes then run unchanged at any address, which is what lets Unicorn
 * execute exactly the code Go's toolchain assembled for the native run.
 */
@Routines(target = Target.GO1_19)
final class Workloads {
  private Workloads() {}

  /** Instructions per round of {@link #spin}. */
  static final int SPIN_ROUND = 12;
  /** Instructions per round of {@link #sweep}. */
  static final int SWEEP_ROUND = 10;
  /** Instructions per round of {@link #calls} (with {@link #step} and {@link #twist}). */
  static final int CALLS_ROUND = 12;
  /** Bytes of the buffer {@link #sweep} reads and writes (256 words). */
  static final int SWEEP_BUFFER = 256 * 8;

  /**
   * A tight register loop: {@code CX} rounds of a xorshift step (shifts, XORs, moves) summed into BX,
   * 12 instructions a round, no memory access.
   */
  @Routine(symbol = "·spin", flags = NOSPLIT)
  static void spin() {
    MOVQ($(0x2545f4914f6cdd1dL), AX);
    XORL(BX, BX);
    label("loop");
    MOVQ(AX, DX);
    SHLQ($(13), DX);
    XORQ(DX, AX);
    MOVQ(AX, DX);
    SHRQ($(7), DX);
    XORQ(DX, AX);
    MOVQ(AX, DX);
    SHLQ($(17), DX);
    XORQ(DX, AX);
    ADDQ(AX, BX);
    DECQ(CX);
    JNE("loop");
    RET();
  }

  /**
   * A memory-heavy loop over the 256-word buffer at DI: two loads, a store and a read-modify-write of
   * memory in every 10-instruction round. AX starts at the round count, so the words written are not all
   * zero (on the zeroed buffer a zero AX would keep everything zero, and an agreement check would compare
   * nothing).
   */
  @Routine(symbol = "·sweep", flags = NOSPLIT)
  static void sweep() {
    MOVQ(CX, AX);
    XORL(DX, DX);
    label("loop");
    MOVQ(mem(0, DI, DX, 8), BX);
    MOVQ(mem(8, DI, DX, 8), R8);
    ADDQ(BX, AX);
    XORQ(R8, AX);
    MOVQ(AX, mem(0, DI, DX, 8));
    ADDQ(BX, mem(8, DI, DX, 8));
    ADDQ($(2), DX);
    ANDQ($(254), DX);
    DECQ(CX);
    JNE("loop");
    RET();
  }

  /**
   * A call-heavy routine: every round calls {@link #step}, which saves a register on the stack and calls
   * {@link #twist}; 12 instructions a round, of which two CALLs, two RETs, a PUSHQ and a POPQ.
   */
  @Routine(symbol = "·calls", flags = NOSPLIT)
  static void calls() {
    XORL(AX, AX);
    label("loop");
    MOVQ(CX, BX);
    CALL(sym("·step"));
    DECQ(CX);
    JNE("loop");
    RET();
  }

  @Routine(symbol = "·step", flags = NOSPLIT)
  static void step() {
    PUSHQ(BX);
    ADDQ(BX, AX);
    CALL(sym("·twist"));
    POPQ(BX);
    XORQ(BX, AX);
    RET();
  }

  @Routine(symbol = "·twist", flags = NOSPLIT)
  static void twist() {
    SHLQ($(1), AX);
    RET();
  }
}
