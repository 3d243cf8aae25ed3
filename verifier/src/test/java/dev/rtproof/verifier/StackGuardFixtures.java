package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;

/** Routines with stack checks: one the assembler inserts, and seed 000's hand-written huge-frame prologue. */
final class StackGuardFixtures {
  private StackGuardFixtures() {}

  /** A Go 1.19 routine that is not NOSPLIT, has a frame and calls: it gets the small stack check. */
  static Routine.Builder withInsertedCheck(int frame) {
    return withInsertedCheck("GO1_19", frame);
  }

  /** Like {@link #withInsertedCheck(int)}, for {@code target}. */
  static Routine.Builder withInsertedCheck(String target, int frame) {
    return Routine.builder("runtime·split", target).frame(frame).source("S.java", "S#split").declaredAt(1, 1)
        .at(2, 5).instr(MOVQ, new Imm(1), Mem.reg(0, SP)).at(3, 5).instr(CALL, Mem.symbol("runtime·f", 0))
        .at(4, 5).instr(RET);
  }

  /**
   * Seed 000's prologue of {@code main.test_FP_SP} (Go ≤ 1.16 with StackGuard 880, framesize 0x1018) written
   * by hand in a NOSPLIT|NOFRAME routine: {@code last} is the conditional jump after the final compare
   * ({@code JLS} in the original; a mutant may change it), {@code bias} the {@code LEAQ StackGuard(SP)}
   * displacement and {@code limit} the compare's constant (framesize + StackGuard - StackSmall).
   */
  static Routine.Builder seed000(Op last, long bias, long limit) {
    return Routine.builder("main·test_FP_SP", "GO1_19").flags(TextFlags.NOSPLIT | TextFlags.NOFRAME)
        .source("Seed000.java", "Seed000#test_FP_SP").declaredAt(10, 3)
        .at(11, 1).label("start")
        .at(12, 5).getTls(CX)
        .at(13, 5).instr(MOVQ, Mem.tls(0, CX), CX)
        .at(14, 5).instr(MOVQ, Mem.reg(16, CX), SI)
        .at(15, 5).instr(CMPQ, SI, new Imm(0xfffffffffffffadeL))
        .at(16, 5).instr(JEQ, new LabelRef("more"))
        .at(17, 5).instr(LEAQ, Mem.reg(bias, SP), AX)
        .at(18, 5).instr(SUBQ, SI, AX)
        .at(19, 5).instr(CMPQ, AX, new Imm(limit))
        .at(20, 5).instr(last, new LabelRef("more"))
        .at(21, 1).label("body")
        .at(22, 5).instr(SUBQ, new Imm(0x1018), SP)
        .at(23, 5).instr(MOVQ, BP, Mem.reg(0x1010, SP))
        .at(24, 5).instr(LEAQ, Mem.reg(0x1010, SP), BP)
        .at(25, 5).instr(MOVQ, Mem.reg(0x1010, SP), BP)
        .at(26, 5).instr(ADDQ, new Imm(0x1018), SP)
        .at(27, 5).instr(RET)
        .at(28, 1).label("more")
        .at(29, 5).instr(CALL, Mem.symbol("runtime·morestack_noctxt", 0))
        .at(30, 5).instr(JMP, new LabelRef("start"));
  }

  static Routine.Builder seed000() {
    return seed000(JLS, 880, 0x1308);
  }
}
