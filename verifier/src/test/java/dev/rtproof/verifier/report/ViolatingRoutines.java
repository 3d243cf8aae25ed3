package dev.rtproof.verifier.report;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;

/**
 * Routines whose verdicts exercise every part of a counterexample: a call to code without a routine (its
 * answer is part of the initial state), CPUID, memory the violation depends on.
 */
public final class ViolatingRoutines {
  private ViolatingRoutines() {}

  /**
   * Calls {@code runtime·f}, reads CPUID leaf 0, and aborts when f returned {@code limit} in AX and EBX is
   * {@code "Genu"}; unreachable(runtime·abort) is VIOLATED unless {@code limit} is out of AX's reach.
   */
  public static Routine aborting(long limit) {
    return Routine.builder("runtime·checker", "GO1_19").flags(TextFlags.NOSPLIT).frame(8)
        .source("Checker.java", "Checker#check").declaredAt(3, 3)
        .at(4, 5).instr(CALL, Mem.symbol("runtime·f", 0))
        .at(5, 5).instr(MOVQ, AX, CX)
        .at(6, 5).instr(XORL, AX, AX)
        .at(7, 5).instr(CPUID)
        .at(8, 5).instr(CMPL, BX, new Imm(0x756e6547))
        .at(9, 5).instr(JNE, new LabelRef("ok"))
        .at(10, 5).instr(CMPQ, CX, new Imm(limit))
        .at(11, 5).instr(JNE, new LabelRef("ok"))
        .at(12, 5).instr(CALL, Mem.symbol("runtime·abort", 0))
        .at(13, 1).label("ok")
        .at(14, 5).instr(RET)
        .property(PropertySpec.UNREACHABLE, "runtime·abort")
        .property(PropertySpec.STACK_BALANCE)
        .build();
  }
}
