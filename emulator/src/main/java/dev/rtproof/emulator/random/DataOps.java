package dev.rtproof.emulator.random;

import static dev.rtproof.dsl.ir.Op.*;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import java.util.function.BiConsumer;

/**
 * Random data instructions in every operand form the Go assembler accepts: moves and extensions, LEA,
 * ALU, unary, shifts (immediate and CL counts), CMP and TEST at all their widths, XCHG and CMPXCHG,
 * and the byte forms with AH…DH. Memory operands appear when {@code memory} is on.
 */
final class DataOps {
  private static final Op[] ALU = {ADDQ, ADDL, SUBQ, SUBL, ANDQ, ANDL, ORQ, ORL, XORQ, XORL};
  private static final Op[] UNARY = {NEGQ, NOTQ, INCQ, DECQ, INCL, DECL};
  private static final Op[] SHIFT = {SHLQ, SHRQ, SARQ, SHLL, SHRL};
  private static final Op[] CMP = {CMPQ, CMPL, CMPW, CMPB};
  private static final Op[] TEST = {TESTQ, TESTL, TESTB};
  private static final Op[] MOV = {MOVQ, MOVL, MOVW, MOVB};
  private static final Op[] MOVX = {MOVLQZX, MOVBLZX, MOVWLZX, MOVBQZX, MOVLQSX};

  private final RandomOperands o;
  /** Where instructions go: the writer's emit, which also places labels. */
  private final BiConsumer<Op, Operand[]> out;

  DataOps(RandomOperands o, BiConsumer<Op, Operand[]> out) {
    this.o = o;
    this.out = out;
  }

  private void emit(Op op, Operand... args) {
    out.accept(op, args);
  }

  /** One random data instruction; {@code memory} allows scratch-buffer operands, {@code lock} a LOCK before RMWs. */
  void any(boolean memory, boolean lock) {
    switch (o.rnd(11)) {
      case 0 -> mov(memory);
      case 1 -> movx(memory);
      case 2 -> lea();
      case 3, 4 -> alu(memory, lock);
      case 5 -> unary(memory, lock);
      case 6 -> shift(memory);
      case 7 -> cmp(memory);
      case 8 -> testOp(memory);
      case 9 -> exchange(memory, lock);
      default -> highBytes();
    }
  }

  private Operand dst(int width, boolean memory) {
    return memory && o.chance(35) ? o.scratch(width / 8) : o.reg(width, false);
  }

  private void mov(boolean memory) {
    Op op = o.pick(MOV);
    int w = op.width();
    Operand dst = dst(w, memory);
    if (op == MOVQ && dst instanceof Reg && o.chance(30)) {
      emit(op, new Imm(o.value()), dst); // the only 64-bit immediate form
      return;
    }
    emit(op, o.source(w, memory && !(dst instanceof Mem)), dst);
  }

  private void movx(boolean memory) {
    Op op = o.pick(MOVX);
    int sw = op.sourceWidth();
    Operand src = memory && o.chance(40) ? o.scratch(sw / 8) : o.reg(sw, false);
    emit(op, src, o.reg(op.width(), false));
  }

  /** LEA over data registers only: the arithmetic of an address, not an address. */
  private void lea() {
    Op op = o.chance(50) ? LEAQ : LEAL;
    long disp = o.chance(50) ? o.between(-64, 64) : (int) o.value();
    Mem m = o.chance(50) ? Mem.reg(disp, o.dataReg())
        : Mem.indexed(disp, o.dataReg(), o.dataReg(), 1 << o.rnd(4));
    emit(op, m, o.reg(op.width(), false));
  }

  private void alu(boolean memory, boolean lock) {
    Op op = o.pick(ALU);
    int w = op.width();
    Operand dst = dst(w, memory);
    Operand src = o.source(w, memory && !(dst instanceof Mem));
    if (dst instanceof Mem && lock && o.chance(30)) {
      emit(LOCK);
    }
    emit(op, src, dst);
  }

  private void unary(boolean memory, boolean lock) {
    Op op = o.pick(UNARY);
    Operand dst = dst(op.width(), memory);
    if (dst instanceof Mem && lock && o.chance(30)) {
      emit(LOCK);
    }
    emit(op, dst);
  }

  private void shift(boolean memory) {
    Op op = o.pick(SHIFT);
    Operand count = o.chance(70) ? o.shiftCount(op.width()) : Reg.CX;
    emit(op, count, dst(op.width(), memory));
  }

  /** A CMP at any width; a quarter of them compare an operand with itself (equal operands are rare otherwise). */
  void compare(boolean memory) {
    cmp(memory);
  }

  void test(boolean memory) {
    testOp(memory);
  }

  private void cmp(boolean memory) {
    Op op = o.pick(CMP);
    int w = op.width();
    if (o.chance(25)) {
      Operand x = dst(w, memory);
      emit(op, x, x instanceof Mem ? o.reg(w, false) : x);
      return;
    }
    if (memory && o.chance(30)) {
      emit(op, o.reg(w, false), o.scratch(w / 8));
      return;
    }
    Operand a = dst(w, memory);
    Operand b = o.chance(50) ? o.imm(w) : o.reg(w, false);
    emit(op, a, b);
  }

  private void testOp(boolean memory) {
    Op op = o.pick(TEST);
    int w = op.width();
    emit(op, o.chance(50) ? o.imm(w) : o.reg(w, false), dst(w, memory));
  }

  private void exchange(boolean memory, boolean lock) {
    Operand dst = dst(64, memory);
    Op op = o.chance(50) ? XCHGQ : CMPXCHGQ;
    if (dst instanceof Mem && lock && o.chance(50)) {
      emit(LOCK);
    }
    emit(op, o.reg(64, false), dst);
  }

  /** Byte instructions with AH…DH, whose encoding forbids a REX prefix: only AX…DX and immediates around them. */
  private void highBytes() {
    Reg h = o.high();
    switch (o.rnd(5)) {
      case 0 -> emit(MOVB, o.chance(50) ? o.imm(8) : o.reg(8, true), h);
      case 1 -> emit(MOVB, h, o.reg(8, true));
      case 2 -> emit(CMPB, h, o.chance(50) ? o.imm(8) : o.reg(8, true));
      case 3 -> emit(TESTB, o.chance(50) ? o.imm(8) : o.reg(8, true), h);
      default -> emit(MOVBLZX, h, o.pick(new Reg[] {Reg.AX, Reg.BX, Reg.CX, Reg.DX, Reg.SI, Reg.DI, Reg.BP}));
    }
  }
}
