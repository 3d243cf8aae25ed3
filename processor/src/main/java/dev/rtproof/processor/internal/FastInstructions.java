package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
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
  /**
   * The CF an INC or DEC left alone, while it is not yet folded into {@code fl}: an expression over locals
   * saved when the INC or DEC ran; null when {@code fl} holds it. Folding it only where CF can be read
   * (a condition, a fault, leaving the block) spares a loop ending in {@code DECQ; JNE} computing the
   * CF of the instruction before in every round, when the next round overwrites it unread.
   */
  private String carry;

  FastInstructions(FastOperands ops) {
    this.ops = ops;
  }

  /** Statements folding the kept CF into {@code fl} (none if there is none); the CF stays kept for other paths. */
  String foldedCarry() {
    return carry == null ? "" : FastFlags.foldCarry(carry);
  }

  /** Like {@link #foldedCarry}, after which {@code fl} holds CF. */
  String foldCarry() {
    String fold = foldedCarry();
    carry = null;
    return fold;
  }

  /** Statements for {@code in} (instruction {@code j}), or null if it is not a data instruction. */
  String of(Instr in, int j) {
    Op op = in.op();
    int w = op.width();
    return switch (op.form()) {
      case MOV -> in.isGetTls() ? "// get_tls: a zero-byte NOP on linux" : mov(in, w);
      case MOVX -> movx(in);
      case LEA -> FastOperands.setReg((Reg) in.arg(1), w, ops.ea((Mem) in.arg(0)));
      case ALU -> alu(in, w);
      case UNARY -> unary(in, w, j);
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
    return readModifyWrite(in.arg(1), w, "long b = " + b + "; long res = " + res + ";",
        pending(code | w, "a", "b", "res"));
  }

  private String unary(Instr in, int w, int j) {
    Operand dst = in.arg(0);
    return switch (in.op()) {
      case NOTQ -> readModifyWrite(dst, w, "long res = ~a;", "");
      case NEGQ -> readModifyWrite(dst, w, "long res = -a;", pending(Alu.SUB | w, "0L", "a", "res"));
      default -> {
        boolean inc = in.op() == Op.INCQ || in.op() == Op.INCL;
        String keep = keepCarry(j);
        known = (inc ? Alu.INC : Alu.DEC) | w;
        yield keep + readModifyWrite(dst, w, "long res = " + FastOperands.masked(inc ? "a + 1" : "a - 1", w) + ";",
            FastFlags.pending(known, "a", "1L", "res"));
      }
    };
  }

  /**
   * Statements keeping CF before INC or DEC (instruction {@code j}) replace the pending operation with
   * one that leaves CF alone: folded at once when the pending operation is unknown here, else kept
   * ({@link #carry}) with the inputs it needs saved in locals {@code c<j>a}, {@code c<j>b}, {@code c<j>r}.
   */
  private String keepCarry(int j) {
    int kind = known & 0xff00;
    if (known == FastFlags.UNKNOWN) {
      return FastFlags.materialize() + " ";
    }
    if (kind == Alu.NONE || kind == Alu.INC || kind == Alu.DEC) {
      return ""; // CF is already in the base flags, or kept
    }
    String[] saved = {"c" + j + "a", "c" + j + "b", "c" + j + "r"};
    carry = FastFlags.carry(known, saved[0], saved[1], saved[2]);
    StringBuilder save = new StringBuilder();
    String[] from = {"fa", "fb", "fr"};
    for (int k = 0; k < saved.length; k++) {
      if (carry.contains(saved[k])) {
        save.append(save.length() == 0 ? "long " : ", ").append(saved[k]).append(" = ").append(from[k]);
      }
    }
    return save.length() == 0 ? "" : save + "; ";
  }

  /** Makes {@code (code, a, b, r)} the pending operation, which writes CF: a kept CF is dead. */
  private String pending(int code, String a, String b, String r) {
    known = code;
    carry = null;
    return FastFlags.pending(code, a, b, r);
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
      return readModifyWrite(in.arg(1), w, "long c = " + c + "L; long res = " + value + ";",
          pending(code, "a", "c", "res"));
    }
    known = FastFlags.UNKNOWN;
    String count = "Alu.shiftCount(" + ops.read(in.arg(0), 8) + ", " + w + ")";
    return readModifyWrite(in.arg(1), w, "long c = " + count + "; long res = c == 0 ? a : " + value + ";",
        "if (c != 0) { " + FastFlags.pending(code, "a", "c", "res") + " }");
  }

  private String flagsOnly(int code, String a, String b, String res) {
    return "{ long a = " + a + "; long b = " + b + "; " + pending(code, "a", "b", res) + " }";
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
    String flags = pending(Alu.SUB | w, "acc", "d", FastOperands.masked("acc - d", w));
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
    String b = JavaLiterals.hex(n >= 0 ? n : -n);
    return "{ long a = r4; long b = " + b + "; long res = a " + (n >= 0 ? "-" : "+") + " b; r4 = res; "
        + pending(code, "a", "b", "res") + " }";
  }

  /** True when {@code in} writes CF (as part of a pending operation) whatever its operands' values. */
  static boolean writesCarry(Instr in) {
    return switch (in.op().form()) {
      case ALU, CMP, TEST, ADJSP, CMPXCHG -> true;
      case UNARY -> in.op() == Op.NEGQ;
      case SHIFT -> in.arg(0) instanceof Imm c && Alu.shiftCount(c.value(), in.op().width()) != 0;
      default -> false;
    };
  }

  /**
   * True when {@code in}, not faulting, neither reads the base flags nor hands the machine over, so a
   * kept CF ({@link #carry}) may stay kept across it.
   */
  static boolean keepsCarry(Instr in) {
    return switch (in.op().form()) {
      case MOV, MOVX, LEA, ALU, UNARY, CMP, TEST, PUSH, POP, XCHG, CMPXCHG, ADJSP, NOP, PCALIGN, PREFIX -> true;
      case SHIFT -> in.arg(0) instanceof Imm; // by a register: whether the flags change is known only at run time
      default -> false;
    };
  }

  /**
   * True when the block {@code [s, e)} writes CF before anything can read it or see the machine: a CF
   * kept when branching to {@code s} is then dead.
   */
  static boolean overwritesCarry(Lowered lowered, int s, int e) {
    for (int j = s; j < e; j++) {
      Instr in = lowered.at(j);
      if (mayFault(in) || !keepsCarry(in)) {
        return false;
      }
      if (writesCarry(in)) {
        return true;
      }
    }
    return false;
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
