package dev.rtproof.benchmarks;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.DataSection;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;

/** A loop-heavy routine for the benchmarks: loads, stores, arithmetic, shifts, logic and a counted loop. */
@Routines(target = Target.GO1_19)
final class Loops {
  private Loops() {}

  /** Instructions per iteration of {@link #mix}'s loop. */
  static final int LOOP = 12;
  /** Instructions of {@link #mix} outside the loop. */
  static final int OUTSIDE = 4;

  @DataSection
  static void tables() {
    GLOBL(sym("·table"), NOPTR, 64 * 8);
  }

  /**
   * {@code CX} rounds of mixing the 64-word {@code ·table} into {@code AX}, writing each word back mixed:
   * {@value #LOOP} instructions a round, so 10^7 rounds are 1.2 × 10^8 instructions.
   */
  @Routine(symbol = "·mix", flags = NOSPLIT)
  static void mix() {
    MOVQ($(sym("·table")), SI);
    XORL(AX, AX);
    XORL(DX, DX);
    label("loop");
    MOVQ(mem(0, SI, DX, 8), BX);
    ADDQ(BX, AX);
    MOVQ(AX, R8);
    SHLQ($(13), AX);
    SHRQ($(51), R8);
    ORQ(R8, AX);
    XORQ(DX, AX);
    MOVQ(AX, mem(0, SI, DX, 8));
    INCQ(DX);
    ANDQ($(63), DX);
    DECQ(CX);
    JNE("loop");
    RET();
  }
}
