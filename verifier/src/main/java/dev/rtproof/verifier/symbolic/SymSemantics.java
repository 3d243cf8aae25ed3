package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.emulator.Operands;

/**
 * The symbolic twin of the emulator's {@code Semantics} and {@code Alu}: every non-branch instruction
 * on a {@link SymState}. Values are bit-vectors of the operation's width; flags the Intel SDM leaves
 * undefined become fresh variables (any value), which is what a proof may rely on.
 */
final class SymSemantics {
  /** An instruction or operand form the verifier does not model; the path becomes UNKNOWN. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  /** The path ends here: every case of the access faults. */
  static final class PathEnds extends RuntimeException {
    PathEnds() {
      super(null, null, false, false);
    }
  }

  private final Smt smt;
  private final Environment env;
  private final ExecutionObserver observer;
  private final PathOracle oracle;

  SymSemantics(Smt smt, Environment env, ExecutionObserver observer, PathOracle oracle) {
    this.smt = smt;
    this.env = env;
    this.observer = observer;
    this.oracle = oracle;
  }

  // ---- operands ---------------------------------------------------------------------------------

  /** A number of {@code in}'s operand {@code o}, or the term a parameterized proof put in its place. */
  private BitVecExpr number(Instr in, Operand o, long value) {
    for (int i = 0; i < in.args().size(); i++) {
      if (in.arg(i) == o) {
        BitVecExpr t = env.operandTerm(in, i);
        if (t != null) {
          return t;
        }
      }
    }
    return smt.bv(value);
  }

  BitVecExpr ea(SymState s, Mem mem, Instr in) {
    BitVecExpr index = mem.index() == null ? smt.bv(0)
        : smt.ctx.mkBVMul(s.reg(mem.index()), smt.bv(mem.scale()));
    return switch (mem.kind()) {
      case REG -> smt.add(smt.add(mem.base() == null ? smt.bv(0) : s.reg(mem.base()), index),
          number(in, mem, mem.disp()));
      case SYMBOL -> smt.add(smt.add(env.address(mem.name()), index), smt.bv(mem.disp()));
      case ABSOLUTE -> smt.bv(mem.disp());
      case TLS -> smt.add(s.fs, smt.bv(Operands.TLS_OFFSET + mem.disp()));
      case FP, LOCAL -> throw new Unsupported(mem + " in " + in + " was not lowered to an SP offset");
    };
  }

  /** Resolves a memory operand, reports the access, and continues only where it is mapped. */
  private SymMemory.Resolution access(SymState s, Mem mem, int bytes, boolean write, Instr in) {
    BitVecExpr a = ea(s, mem, in);
    if (mem.kind() == Mem.Kind.TLS) {
      observer.tlsAccess(s, a, in);
    }
    return access(s, a, bytes, write, in);
  }

  /** Resolves an access at {@code a}, reports it, and restricts the path to where it is mapped. */
  SymMemory.Resolution access(SymState s, BitVecExpr a, int bytes, boolean write, Instr in) {
    SymMemory.Resolution r = s.mem.resolve(a, bytes, s.path(), oracle);
    observer.memoryAccess(s, a, bytes, write, r.mapped(), in);
    if (r.mapped().isFalse() || (!r.mapped().isTrue() && oracle.infeasible(s.path(), r.mapped()))) {
      throw new PathEnds();
    }
    s.assume(r.mapped());
    return r;
  }

  BitVecExpr read(SymState s, Operand o, int w, Instr in) {
    if (o instanceof Reg r) {
      return switch (r.kind()) {
        case GPR -> smt.low(s.reg(r), w);
        case BYTE -> smt.extract(7, 0, s.reg(r));
        case HIGH_BYTE -> smt.extract(15, 8, s.reg(r));
        case PSEUDO -> throw new Unsupported("TLS has no value in " + in);
      };
    }
    if (o instanceof Imm i) {
      return smt.low(number(in, o, i.value()), w);
    }
    if (o instanceof SymAddr a) {
      return smt.low(smt.add(env.address(a.symbol()), smt.bv(a.offset())), w);
    }
    if (o instanceof Mem mem) {
      return s.mem.load(access(s, mem, w / 8, false, in), w / 8);
    }
    throw new Unsupported("operand " + o + " in " + in);
  }

  void write(SymState s, Operand o, int w, BitVecExpr v, Instr in) {
    if (o instanceof Reg r) {
      int n = r.number();
      BitVecExpr old = s.regs[n];
      s.regs[n] = switch (r.kind()) {
        case GPR -> w == 64 ? v : w == 32 ? smt.zext(v, 32) : smt.ctx.mkConcat(smt.extract(63, w, old), v);
        case BYTE -> smt.ctx.mkConcat(smt.extract(63, 8, old), smt.low(v, 8));
        case HIGH_BYTE -> smt.ctx.mkConcat(smt.ctx.mkConcat(smt.extract(63, 16, old), smt.low(v, 8)),
            smt.extract(7, 0, old));
        case PSEUDO -> throw new Unsupported("TLS cannot be written in " + in);
      };
    } else if (o instanceof Mem mem) {
      s.mem.store(access(s, mem, w / 8, true, in), w / 8, v);
    } else {
      throw new Unsupported("cannot write to " + o + " in " + in);
    }
  }

  // ---- flags ------------------------------------------------------------------------------------------

  private void zsp(SymState s, BitVecExpr res, int w) {
    s.flags[SymState.ZF] = smt.eq(res, smt.bv(0, w));
    s.flags[SymState.SF] = smt.bit(res, w - 1);
    s.flags[SymState.PF] = smt.evenParity(res);
  }

  BitVecExpr add(SymState s, BitVecExpr a, BitVecExpr b, int w) {
    BitVecExpr res = smt.add(a, b);
    zsp(s, res, w);
    s.flags[SymState.CF] = smt.ult(res, a);
    s.flags[SymState.OF] = smt.bit(smt.and(smt.xor(a, res), smt.xor(b, res)), w - 1);
    s.flags[SymState.AF] = smt.bit(smt.xor(smt.xor(a, b), res), 4);
    return res;
  }

  BitVecExpr sub(SymState s, BitVecExpr a, BitVecExpr b, int w) {
    BitVecExpr res = smt.sub(a, b);
    zsp(s, res, w);
    s.flags[SymState.CF] = smt.ult(a, b);
    s.flags[SymState.OF] = smt.bit(smt.and(smt.xor(a, b), smt.xor(a, res)), w - 1);
    s.flags[SymState.AF] = smt.bit(smt.xor(smt.xor(a, b), res), 4);
    return res;
  }

  BitVecExpr logic(SymState s, BitVecExpr res, int w) {
    zsp(s, res, w);
    s.flags[SymState.CF] = smt.falsity();
    s.flags[SymState.OF] = smt.falsity();
    s.flags[SymState.AF] = smt.freshBool("AF");
    return res;
  }

  // ---- instructions -------------------------------------------------------------------------------

  /** Executes a non-branch, non-syscall instruction. */
  void exec(SymState s, Instr in) {
    Op op = in.op();
    int w = op.width();
    switch (op.form()) {
      case MOV -> {
        if (in.isGetTls()) {
          return; // a zero-byte NOP on linux; the register is not written
        }
        write(s, in.arg(1), w, read(s, in.arg(0), w, in), in);
      }
      case MOVX -> {
        BitVecExpr v = read(s, in.arg(0), op.sourceWidth(), in);
        BitVecExpr ext = op == Op.MOVLQSX ? smt.ctx.mkSignExt(w - op.sourceWidth(), v)
            : smt.ctx.mkZeroExt(w - op.sourceWidth(), v);
        write(s, in.arg(1), w, ext, in);
      }
      case LEA -> write(s, in.arg(1), w, smt.low(ea(s, (Mem) in.arg(0), in), w), in);
      case ALU -> {
        BitVecExpr a = read(s, in.arg(1), w, in);
        BitVecExpr b = read(s, in.arg(0), w, in);
        BitVecExpr res = switch (op) {
          case ADDQ, ADDL -> add(s, a, b, w);
          case SUBQ, SUBL -> sub(s, a, b, w);
          case ANDQ, ANDL -> logic(s, smt.and(a, b), w);
          case ORQ, ORL -> logic(s, smt.or(a, b), w);
          case XORQ, XORL -> logic(s, smt.xor(a, b), w);
          default -> throw new Unsupported(in.toString());
        };
        write(s, in.arg(1), w, res, in);
      }
      case UNARY -> {
        BitVecExpr a = read(s, in.arg(0), w, in);
        BoolExpr cf = s.flags[SymState.CF];
        BitVecExpr res = switch (op) {
          case NEGQ -> sub(s, smt.bv(0, w), a, w);
          case NOTQ -> smt.ctx.mkBVNot(a);
          case INCQ, INCL -> add(s, a, smt.bv(1, w), w);
          case DECQ, DECL -> sub(s, a, smt.bv(1, w), w);
          default -> throw new Unsupported(in.toString());
        };
        if (op == Op.INCQ || op == Op.INCL || op == Op.DECQ || op == Op.DECL) {
          s.flags[SymState.CF] = cf;
        }
        write(s, in.arg(0), w, res, in);
      }
      case SHIFT -> shift(s, in, w);
      case CMP -> sub(s, read(s, in.arg(0), w, in), read(s, in.arg(1), w, in), w);
      case TEST -> logic(s, smt.and(read(s, in.arg(0), w, in), read(s, in.arg(1), w, in)), w);
      case PUSH -> push(s, read(s, in.arg(0), 64, in), in);
      case POP -> write(s, in.arg(0), 64, pop(s, in), in);
      case XCHG -> {
        BitVecExpr a = read(s, in.arg(0), w, in);
        BitVecExpr b = read(s, in.arg(1), w, in);
        write(s, in.arg(0), w, b, in);
        write(s, in.arg(1), w, a, in);
      }
      case CMPXCHG -> {
        BitVecExpr dst = read(s, in.arg(1), w, in);
        BitVecExpr ax = smt.low(s.reg(Reg.AX), w);
        sub(s, ax, dst, w);
        BoolExpr equal = s.flags[SymState.ZF];
        BitVecExpr src = read(s, in.arg(0), w, in);
        write(s, in.arg(1), w, smt.ite(equal, src, dst), in);
        // Equal: only the destination changes (which may be AX itself); else AX gets the destination.
        write(s, Reg.AX, w, smt.ite(equal, smt.low(s.reg(Reg.AX), w), dst), in);
      }
      case NULLARY -> nullary(s, in);
      case NOP, PCALIGN, PREFIX -> { }
      case BYTE -> {
        if (((Imm) in.arg(0)).value() != 0x90) {
          throw new Unsupported("raw byte " + in);
        }
      }
      case ADJSP -> {
        long n = ((Imm) in.arg(0)).value();
        s.regs[Reg.SP.number()] = n >= 0 ? sub(s, s.sp(), smt.bv(n), 64) : add(s, s.sp(), smt.bv(-n), 64);
      }
      default -> throw new Unsupported(in.toString());
    }
  }

  void push(SymState s, BitVecExpr v, Instr in) {
    BitVecExpr sp = smt.sub(s.sp(), smt.bv(8));
    s.mem.store(access(s, sp, 8, true, in), 8, v);
    s.regs[Reg.SP.number()] = sp;
  }

  BitVecExpr pop(SymState s, Instr in) {
    BitVecExpr sp = s.sp();
    BitVecExpr v = s.mem.load(access(s, sp, 8, false, in), 8);
    s.regs[Reg.SP.number()] = smt.add(sp, smt.bv(8));
    return v;
  }

  private void nullary(SymState s, Instr in) {
    switch (in.op()) {
      case CLD -> s.flags[SymState.DF] = smt.falsity();
      case STD -> s.flags[SymState.DF] = smt.truth();
      case PAUSE -> { }
      case CPUID -> {
        env.assume("CPUID answers any values, the same for the same leaf (EAX)");
        BitVecExpr leaf = smt.low(s.reg(Reg.AX), 32);
        env.cpuidLeaves().add(leaf);
        for (Reg r : new Reg[] {Reg.AX, Reg.BX, Reg.CX, Reg.DX}) {
          s.regs[r.number()] = smt.zext(env.cpuid(r, leaf), 32);
        }
      }
      case XGETBV -> {
        env.assume("XGETBV returns arbitrary values");
        s.regs[Reg.AX.number()] = smt.zext(smt.freshBv("xcr0_lo", 32), 32);
        s.regs[Reg.DX.number()] = smt.zext(smt.freshBv("xcr0_hi", 32), 32);
      }
      default -> throw new Unsupported(in.toString());
    }
  }

  private void shift(SymState s, Instr in, int w) {
    BitVecExpr countByte = read(s, in.arg(0), 8, in);
    Long count = Smt.constant(countByte);
    if (count == null) {
      symbolicShift(s, in, w, countByte);
      return;
    }
    int c = (int) (count & (w == 64 ? 63 : 31));
    BitVecExpr a = read(s, in.arg(1), w, in);
    if (c == 0) {
      // The flags stay, but the destination is written: a 32-bit register's upper half becomes zero.
      write(s, in.arg(1), w, a, in);
      return;
    }
    BitVecExpr res;
    BoolExpr cf;
    BoolExpr of;
    switch (in.op()) {
      case SHLQ, SHLL -> {
        res = smt.ctx.mkBVSHL(a, smt.bv(c, w));
        cf = smt.bit(a, w - c);
        of = c == 1 ? smt.ctx.mkXor(smt.bit(res, w - 1), cf) : smt.freshBool("OF");
      }
      case SHRQ, SHRL -> {
        res = smt.ctx.mkBVLSHR(a, smt.bv(c, w));
        cf = smt.bit(a, c - 1);
        of = c == 1 ? smt.bit(a, w - 1) : smt.freshBool("OF");
      }
      case SARQ -> {
        res = smt.ctx.mkBVASHR(a, smt.bv(c, w));
        cf = smt.bit(a, c - 1);
        of = c == 1 ? smt.falsity() : smt.freshBool("OF");
      }
      default -> throw new Unsupported(in.toString());
    }
    zsp(s, res, w);
    s.flags[SymState.CF] = cf;
    s.flags[SymState.OF] = of;
    s.flags[SymState.AF] = smt.freshBool("AF");
    write(s, in.arg(1), w, res, in);
  }

  /**
   * A shift by CL: the count masked to 5 or 6 bits; a zero count changes nothing (flags included), a count
   * of 1 defines OF, larger counts leave it undefined; AF is undefined.
   */
  private void symbolicShift(SymState s, Instr in, int w, BitVecExpr countByte) {
    BitVecExpr a = read(s, in.arg(1), w, in);
    BitVecExpr c = smt.and(smt.ctx.mkZeroExt(w - 8, countByte), smt.bv(w == 64 ? 63 : 31, w));
    BoolExpr zero = smt.eq(c, smt.bv(0, w));
    BoolExpr one = smt.eq(c, smt.bv(1, w));
    BitVecExpr res;
    BoolExpr cf;
    BoolExpr of;
    BitVecExpr low = smt.bv(1, w);
    switch (in.op()) {
      case SHLQ, SHLL -> {
        res = smt.ctx.mkBVSHL(a, c);
        cf = smt.eq(smt.and(smt.ctx.mkBVLSHR(a, smt.ctx.mkBVSub(smt.bv(w, w), c)), low), low);
        of = smt.ctx.mkXor(smt.bit(res, w - 1), cf);
      }
      case SHRQ, SHRL -> {
        res = smt.ctx.mkBVLSHR(a, c);
        cf = smt.eq(smt.and(smt.ctx.mkBVLSHR(a, smt.ctx.mkBVSub(c, low)), low), low);
        of = smt.bit(a, w - 1);
      }
      case SARQ -> {
        res = smt.ctx.mkBVASHR(a, c);
        cf = smt.eq(smt.and(smt.ctx.mkBVASHR(a, smt.ctx.mkBVSub(c, low)), low), low);
        of = smt.falsity();
      }
      default -> throw new Unsupported(in.toString());
    }
    BoolExpr[] before = s.flags.clone();
    zsp(s, res, w);
    s.flags[SymState.CF] = smt.iteBool(zero, before[SymState.CF], cf);
    s.flags[SymState.OF] = smt.iteBool(zero, before[SymState.OF], smt.iteBool(one, of, smt.freshBool("OF")));
    s.flags[SymState.AF] = smt.iteBool(zero, before[SymState.AF], smt.freshBool("AF"));
    for (int f : new int[] {SymState.ZF, SymState.SF, SymState.PF}) {
      s.flags[f] = smt.iteBool(zero, before[f], s.flags[f]);
    }
    write(s, in.arg(1), w, smt.ite(zero, a, res), in);
  }
}
