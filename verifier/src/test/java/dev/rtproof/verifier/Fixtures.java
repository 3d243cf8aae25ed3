package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.dsl.target.Go119;

/** settls and the rt0_go head as IR, as the processor builds them from the examples. */
final class Fixtures {
  private Fixtures() {}

  static Routine.Builder settls(boolean addEight) {
    Routine.Builder b = Routine.builder("runtime·settls", "GO1_19").flags(TextFlags.NOSPLIT).frame(32)
        .source("Tls.java", "Tls#settls").declaredAt(10, 3);
    if (addEight) {
      b.at(11, 5).instr(ADDQ, new Imm(8), DI);
    }
    return b.at(12, 5).instr(MOVQ, DI, SI)
        .at(13, 5).instr(MOVQ, new Imm(0x1002), DI)
        .at(14, 5).instr(MOVQ, new Imm(158), AX)
        .at(15, 5).instr(SYSCALL)
        .at(16, 5).instr(CMPQ, AX, new Imm(0xfffffffffffff001L))
        .at(17, 5).instr(JLS, new PcRel(2))
        .at(18, 5).instr(MOVL, new Imm(0xf1), Mem.absolute(0xf1))
        .at(19, 5).instr(RET);
  }

  /** The rt0_go head of Go 1.19 with the given alignment mask. */
  static Routine.Builder rt0Head(long mask) {
    return Routine.builder("runtime·rt0_go", "GO1_19").flags(TextFlags.NOSPLIT | TextFlags.TOPFRAME)
        .source("Rt0Go.java", "Rt0Go#rt0_go").declaredAt(20, 3)
        .at(21, 5).instr(MOVQ, DI, AX)
        .at(22, 5).instr(MOVQ, SI, BX)
        .at(23, 5).instr(SUBQ, new Imm(5 * 8), SP)
        .at(24, 5).instr(ANDQ, new Imm(mask), SP)
        .at(25, 5).instr(MOVQ, AX, Mem.reg(24, SP))
        .at(26, 5).instr(MOVQ, BX, Mem.reg(32, SP))
        .at(27, 5).instr(MOVQ, new SymAddr("runtime·g0", 0), DI)
        .at(28, 5).instr(LEAQ, Mem.reg(-64 * 1024 + 104, SP), BX)
        .at(29, 5).instr(MOVQ, BX, Mem.reg(Go119.g_stackguard0, DI))
        .at(30, 5).instr(MOVQ, BX, Mem.reg(Go119.g_stackguard1, DI))
        .at(31, 5).instr(MOVQ, BX, Mem.reg(Go119.g_stack + Go119.stack_lo, DI))
        .at(32, 5).instr(MOVQ, SP, Mem.reg(Go119.g_stack + Go119.stack_hi, DI))
        .at(33, 5).instr(LEAQ, Mem.symbol("runtime·m0", Go119.m_tls), DI)
        .at(34, 5).instr(CALL, Mem.symbol("runtime·settls", 0))
        .at(35, 5).getTls(BX)
        .at(36, 5).instr(MOVQ, new Imm(0x123), Mem.tls(0, BX))
        .at(37, 5).instr(MOVQ, Mem.symbol("runtime·m0", Go119.m_tls), AX)
        .at(38, 5).instr(CMPQ, AX, new Imm(0x123))
        .at(39, 5).instr(JEQ, new PcRel(2))
        .at(40, 5).instr(CALL, Mem.symbol("runtime·abort", 0))
        .at(41, 1).label("ok")
        .at(42, 5).getTls(BX)
        .at(43, 5).instr(LEAQ, Mem.symbol("runtime·g0", 0), CX)
        .at(44, 5).instr(MOVQ, CX, Mem.tls(0, BX))
        .at(45, 5).instr(LEAQ, Mem.symbol("runtime·m0", 0), AX)
        .at(46, 5).instr(MOVQ, CX, Mem.reg(Go119.m_g0, AX))
        .at(47, 5).instr(MOVQ, AX, Mem.reg(Go119.g_m, CX))
        .at(48, 5).instr(CLD)
        .at(49, 5).instr(RET);
  }

  static LabelRef label(String name) {
    return new LabelRef(name);
  }
}
