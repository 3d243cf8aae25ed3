package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Alu;

/**
 * Fast code for the data instructions (everything that neither branches nor hands the machine to the
 * emulator): Java statements over register locals, with the flags left pending ({@link FastFlags}).
 * Each instruction does all its memory accesses before it changes a local, so a fault leaves the
 * locals as they were before the instruction, which is what the trap reports.
 */
final class FastInstructions {
  private final FastOperands ops;
  /** The pending flag operation as far as the generator knows, or {@link FastFlags#UNKNOWN}. */
  int known = FastFlags.UNKNOWN;

  FastInstructions(FastOperands ops) {
    this.ops = ops;
  }

  /** Statements for {@code in}, or null if it is not a data instruction. */
  String of(Instr in) {
    Op op = in.op();
    int w = op.width();
    return switch (op.form()) {
      case MOV -> in.isGetTls() ? "// get_tls: a zero-byte NOP on linux" : mov(in, w);
      case MOVX -> movx(in);
      case LEA -> FastOperands.setReg((Reg) in.arg(1), w, ops.ea((Mem) in.arg(0)));
      case ALU -> alu(in, w);
      case UNARY -> unary(in, w);
      case SHIFT -> shift(in, w);
      case CMP -> flagsOnly(Alu.SUB | w, ops.read(in.arg(0), w), ops.read(in.arg(1), w), FastOperands.masked("a - b", w));
      case TEST -> flagsOnly(Alu.LOGIC | w, ops.read(in.arg(0), w), ops.read(in.arg(1), w), "a & b");
      case PUSH -> "{ long v = " + ops.read(in.arg(0), 64) + "; long sp = r4 - 8; mem.write(sp, 8, v); r4 = sp; }";
      case POP -> pop(in.arg(0));
      case XCHG -> xchg(in);
      case CMPXCHG -> cmpxchg(in, w);
      case ADJSP -> adjsp(((Imm) in.arg(0)).value());
      case NOP, PCALIGN, PREFIX -> "// no effect";
      case BYTE -> in.arg(0) instanceof Imm b && b.value() == 0x90 ? "// BYTE $0x90: NOP" : null;
      case NULLARY -> switch (op) {
        case CLD -> "fl &= ~0x400L; fu &= ~0x400L;";
        case STD -> "fl |= 0x400L; fu &= ~0x400L;";
        case PAUSE -> "// PAUSE: a spin-loop hint";
        default -> null;
      };
      default -> null;
    };
  }

  private String mov(Instr in, int w) {
    Operand dst = in.arg(1);
    String v = ops.read(in.arg(0), w);
    return dst instanceof Mem m ? "mem.write(" + ops.ea(m) + ", " + w / 8 + ", " + v + ");"
        : FastOperands.setReg((Reg) dst, w, v);
  }

  private String movx(Instr in) {
    Op op = in.op();
    String v = ops.read(in.arg(0), op.sourceWidth());
    if (op == Op.MOVLQSX) {
      v = "(long) (int) " + v;
    }
    return FastOperands.setReg((Reg) in.arg(1), op.width(), v);
  }

  /** {@code { long ea = …; long a = <dst>; <body>; <write res>; <flags> }}. */
  private String readModifyWrite(Operand dst, int w, String body, String flags) {
    StringBuilder sb = new StringBuilder("{ ");
    String a;
    if (dst instanceof Mem m) {
      sb.append("long ea = ").append(ops.ea(m)).append("; ");
      a = "mem.read(ea, " + w / 8 + ")";
    } else {
      a = FastOperands.reg((Reg) dst, w);
    }
    sb.append("long a = ").append(a).append("; ").append(body).append(' ');
    sb.append(FastOperands.write(dst, w, "res", "ea")).append(' ').append(flags).append(" }");
    return sb.toString();
  }

  private String alu(Instr in, int w) {
    String b = ops.read(in.arg(0), w);
    String res;
    int code;
    switch (in.op()) {
      case ADDQ, ADDL -> {
        res = FastOperands.masked("a + b", w);
        code = Alu.ADD;
      }
      case SUBQ, SUBL -> {
        res = FastOperands.masked("a - b", w);
        code = Alu.SUB;
      }
      case ANDQ, ANDL -> {
        res = "a & b";
        code = Alu.LOGIC;
      }
      case ORQ, ORL -> {
        res = "a | b";
        code = Alu.LOGIC;
      }
      default -> {
        res = "a ^ b";
        code = Alu.LOGIC;
      }
    }
    known = code | w;
    return readModifyWrite(in.arg(1), w, "long b = " + b + "; long res = " + res + ";",
        FastFlags.pending(code | w, "a", "b", "res"));
  }

  private String unary(Instr in, int w) {
    Operand dst = in.arg(0);
    return switch (in.op()) {
      case NOTQ -> readModifyWrite(dst, w, "long res = ~a;", "");
      case NEGQ -> {
        known = Alu.SUB | w;
        yield readModifyWrite(dst, w, "long res = -a;", FastFlags.pending(Alu.SUB | w, "0L", "a", "res"));
      }
      default -> {
        boolean inc = in.op() == Op.INCQ || in.op() == Op.INCL;
        String carry = FastFlags.keepCarry(known);
        int code = (inc ? Alu.INC : Alu.DEC) | w;
        known = code;
        yield readModifyWrite(dst, w, "long res = " + FastOperands.masked(inc ? "a + 1" : "a - 1", w) + ";",
            carry + (carry.isEmpty() ? "" : " ") + FastFlags.pending(code, "a", "1L", "res"));
      }
    };
  }

  private String shift(Instr in, int w) {
    int kind = switch (in.op()) {
      case SHLQ, SHLL -> Alu.SHL;
      case SHRQ, SHRL -> Alu.SHR;
      default -> Alu.SAR;
    };
    String value = switch (kind) {
      case Alu.SHL -> FastOperands.masked("a << c", w);
      case Alu.SHR -> "a >>> c";
      default -> w == 64 ? "a >> c" : "Alu.sarValue(a, c, " + w + ")";
    };
    int code = kind | w;
    if (in.arg(0) instanceof Imm imm) {
      long c = Alu.shiftCount(imm.value(), w);
      if (c == 0) {
        return readModifyWrite(in.arg(1), w, "long res = a; /* a zero count changes no flag */", "");
      }
      known = code;
      return readModifyWrite(in.arg(1), w, "long c = " + c + "L; long res = " + value + ";",
          FastFlags.pending(code, "a", "c", "res"));
    }
    known = FastFlags.UNKNOWN;
    String count = "Alu.shiftCount(" + ops.read(in.arg(0), 8) + ", " + w + ")";
    return readModifyWrite(in.arg(1), w, "long c = " + count + "; long res = c == 0 ? a : " + value + ";",
        "if (c != 0) { " + FastFlags.pending(code, "a", "c", "res") + " }");
  }

  private String flagsOnly(int code, String a, String b, String res) {
    known = code;
    return "{ long a = " + a + "; long b = " + b + "; " + FastFlags.pending(code, "a", "b", res) + " }";
  }

  private String pop(Operand dst) {
    if (dst == Reg.SP) {
      return "r4 = mem.read(r4, 8);";
    }
    if (dst instanceof Reg r) {
      return "{ long v = mem.read(r4, 8); r4 += 8; " + FastOperands.setReg(r, 64, "v") + " }";
    }
    // A destination based on SP is addressed with SP already incremented (Intel SDM, POP).
    return "{ long v = mem.read(r4, 8); long sp = r4 + 8; mem.write(" + ops.ea((Mem) dst, "sp") + ", 8, v); r4 = sp; }";
  }

  private String xchg(Instr in) {
    Operand x = in.arg(0);
    Operand y = in.arg(1);
    if (x instanceof Mem || y instanceof Mem) {
      Mem m = (Mem) (x instanceof Mem ? x : y);
      Reg r = (Reg) (x instanceof Mem ? y : x);
      return "{ long ea = " + ops.ea(m) + "; long v = mem.read(ea, 8); mem.write(ea, 8, "
          + FastOperands.reg(r, 64) + "); " + FastOperands.setReg(r, 64, "v") + " }";
    }
    return "{ long v = " + FastOperands.reg((Reg) x, 64) + "; " + FastOperands.setReg((Reg) x, 64,
        FastOperands.reg((Reg) y, 64)) + " " + FastOperands.setReg((Reg) y, 64, "v") + " }";
  }

  /** CMPXCHGQ src, dst: compare AX with dst (flags of AX − dst); equal: dst = src, else AX = dst. */
  private String cmpxchg(Instr in, int w) {
    Operand dst = in.arg(1);
    String src = ops.read(in.arg(0), w);
    known = Alu.SUB | w;
    String flags = FastFlags.pending(Alu.SUB | w, "acc", "d", FastOperands.masked("acc - d", w));
    if (dst instanceof Mem m) {
      return "{ long ea = " + ops.ea(m) + "; long d = mem.read(ea, " + w / 8 + "); long acc = r0; long s = " + src
          + "; if (acc == d) { mem.write(ea, " + w / 8 + ", s); } else { r0 = d; } " + flags + " }";
    }
    Reg d = (Reg) dst;
    return "{ long d = " + FastOperands.reg(d, w) + "; long acc = r0; long s = " + src + "; if (acc == d) { "
        + FastOperands.setReg(d, w, "s") + " } else { r0 = d; } " + flags + " }";
  }

  /** ADJSP $n is {@code SUBQ $n, SP} ({@code ADDQ $-n, SP} when n < 0), flags included. */
  private String adjsp(long n) {
    int code = n >= 0 ? Alu.SUB | 64 : Alu.ADD | 64;
    known = code;
    String b = JavaLiterals.hex(n >= 0 ? n : -n);
    return "{ long a = r4; long b = " + b + "; long res = a " + (n >= 0 ? "-" : "+") + " b; r4 = res; "
        + FastFlags.pending(code, "a", "b", "res") + " }";
  }

  /** True when executing {@code in} may fault, so the trap location and step count must be current. */
  static boolean mayFault(Instr in) {
    return switch (in.op().form()) {
      case PUSH, POP, CALL, RET, INT, NULLARY, BYTE, UNSUPPORTED -> true;
      case LEA, NOP, PCALIGN, PREFIX -> false;
      default -> in.args().stream().anyMatch(FastOperands::isMemory) && !in.isGetTls();
    };
  }
}
