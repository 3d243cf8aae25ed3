package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;

/** The reference semantics of every non-branch instruction, over IR. */
public final class Semantics {
  private Semantics() {}

  /** Executes {@code in}, instruction {@code index} of the running routine. */
  public static void exec(Context cx, Instr in, int index) {
    Machine m = cx.m;
    Op op = in.op();
    int w = op.width();
    switch (op.form()) {
      case MOV -> {
        if (in.isGetTls()) {
          return; // get_tls(r) is a zero-byte NOP on linux: r is not written (reference §2).
        }
        Operands.write(cx, in.arg(1), w, Operands.read(cx, in.arg(0), w));
      }
      case MOVX -> {
        long v = Operands.read(cx, in.arg(0), op.sourceWidth());
        if (op == Op.MOVLQSX) {
          v = Alu.signExtend(v, op.sourceWidth());
        }
        Operands.write(cx, in.arg(1), w, v);
      }
      case LEA -> Operands.write(cx, in.arg(1), w, Operands.ea(cx, (Mem) in.arg(0)));
      case ALU -> {
        Operand dst = in.arg(1);
        long a = Operands.read(cx, dst, w);
        long b = Operands.read(cx, in.arg(0), w);
        long res = switch (op) {
          case ADDQ, ADDL -> Alu.add(m, a, b, w);
          case SUBQ, SUBL -> Alu.sub(m, a, b, w);
          case ANDQ, ANDL -> Alu.logic(m, a & b, w);
          case ORQ, ORL -> Alu.logic(m, a | b, w);
          case XORQ, XORL -> Alu.logic(m, a ^ b, w);
          default -> throw unsupported(cx, in);
        };
        Operands.write(cx, dst, w, res);
      }
      case UNARY -> {
        Operand dst = in.arg(0);
        long a = Operands.read(cx, dst, w);
        long res = switch (op) {
          case NEGQ -> Alu.neg(m, a, w);
          case NOTQ -> ~a;
          case INCQ, INCL -> Alu.inc(m, a, w);
          case DECQ, DECL -> Alu.dec(m, a, w);
          default -> throw unsupported(cx, in);
        };
        Operands.write(cx, dst, w, res);
      }
      case SHIFT -> {
        Operand dst = in.arg(1);
        long a = Operands.read(cx, dst, w);
        long count = Operands.read(cx, in.arg(0), 8);
        long res = switch (op) {
          case SHLQ, SHLL -> Alu.shl(m, a, count, w);
          case SHRQ, SHRL -> Alu.shr(m, a, count, w);
          case SARQ -> Alu.sar(m, a, count, w);
          default -> throw unsupported(cx, in);
        };
        Operands.write(cx, dst, w, res);
      }
      case CMP -> Alu.sub(m, Operands.read(cx, in.arg(0), w), Operands.read(cx, in.arg(1), w), w);
      case TEST -> Alu.logic(m, Operands.read(cx, in.arg(0), w) & Operands.read(cx, in.arg(1), w), w);
      case PUSH -> m.push(Operands.read(cx, in.arg(0), 64));
      case POP -> pop(cx, in.arg(0));
      case XCHG -> {
        long a = Operands.read(cx, in.arg(0), w);
        long b = Operands.read(cx, in.arg(1), w);
        Operands.write(cx, in.arg(0), w, b);
        Operands.write(cx, in.arg(1), w, a);
      }
      case CMPXCHG -> {
        // CMPXCHGQ src, dst: compare AX with dst; equal: dst = src; else AX = dst.
        long dst = Operands.read(cx, in.arg(1), w);
        Alu.sub(m, m.get(Reg.AX, w), dst, w);
        if (m.zf()) {
          Operands.write(cx, in.arg(1), w, Operands.read(cx, in.arg(0), w));
        } else {
          m.set(Reg.AX, w, dst);
        }
      }
      case NULLARY -> {
        switch (op) {
          case SYSCALL -> cx.syscall(index);
          case CPUID -> cx.cpuid();
          case XGETBV -> cx.xgetbv();
          case CLD -> m.setFlags(Flags.DF, 0, 0);
          case STD -> m.setFlags(Flags.DF, Flags.DF, 0);
          case UNDEF -> throw undefinedInstruction();
          case PAUSE -> { }
          default -> throw unsupported(cx, in);
        }
      }
      case NOP, PCALIGN, PREFIX -> { } // LOCK: one thread, so the prefix changes nothing here
      case INT -> throw interrupt(((Imm) in.arg(0)).value());
      case BYTE -> {
        if (((Imm) in.arg(0)).value() != 0x90) {
          throw unsupported(cx, in);
        }
      }
      case ADJSP -> {
        long n = ((Imm) in.arg(0)).value();
        m.set(Reg.SP, n >= 0 ? Alu.sub(m, m.sp(), n, 64) : Alu.add(m, m.sp(), -n, 64));
      }
      default -> throw unsupported(cx, in);
    }
  }

  /**
   * POPQ: a destination in memory based on SP is addressed with SP already incremented (Intel SDM, POP),
   * and a faulting store leaves SP as it was.
   */
  private static void pop(Context cx, Operand dst) {
    Machine m = cx.m;
    long sp = m.sp();
    long v = m.load(sp, 8);
    m.set(Reg.SP, sp + 8);
    try {
      Operands.write(cx, dst, 64, v);
    } catch (MachineFault f) {
      m.set(Reg.SP, sp);
      throw f;
    }
  }

  /** The trap {@code INT $n} raises. */
  public static RuntimeException interrupt(long n) {
    return new MachineFault(Trap.Kind.INT, "INT $" + n + (n == 3 ? " (breakpoint)" : ""), n);
  }

  /** The trap {@code UNDEF} (ud2) raises. */
  public static RuntimeException undefinedInstruction() {
    return new MachineFault(Trap.Kind.UNDEF, "UNDEF (ud2)", 0);
  }

  static RuntimeException unsupported(Context cx, Instr in) {
    return cx.trap(Trap.Kind.UNSUPPORTED, "the emulator does not execute " + in, 0);
  }
}
