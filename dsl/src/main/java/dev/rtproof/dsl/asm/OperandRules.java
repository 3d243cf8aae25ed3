package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.List;

/**
 * The operand shapes each modelled mnemonic takes on amd64 (what {@code go tool asm} encodes), checked on
 * IR operands: counts, immediate destinations, memory-to-memory, register widths and immediate ranges.
 * Stricter than Go in one way, on purpose: a 64-bit operation's immediate must be a sign-extended 32-bit
 * value, because Go silently encodes {@code CMPQ AX, $0xffffffff} as a compare with −1.
 */
public final class OperandRules {
  /** A broken rule: the operand it is about (-1 for the instruction) and the message. */
  public record Violation(int operand, String message) {}

  private OperandRules() {}

  /** The first rule {@code args} break for {@code op}, or null. */
  public static Violation check(Op op, List<Operand> args) {
    Violation v = count(op, args.size());
    if (v != null) {
      return v;
    }
    for (int i = 0; i < args.size(); i++) {
      v = register(op, args, i);
      if (v != null) {
        return v;
      }
    }
    return shape(op, args);
  }

  private static Violation count(Op op, int n) {
    int want = switch (op.form()) {
      case MOV, MOVX, LEA, ALU, SHIFT, CMP, TEST, XCHG, CMPXCHG -> 2;
      case UNARY, PUSH, POP, JMP, JCC, CALL, INT, BYTE, ADJSP, PCALIGN -> 1;
      case NOP -> Math.min(n, 1);
      case RET, NULLARY, PREFIX, UNSUPPORTED -> 0;
    };
    return n == want ? null : new Violation(-1, op + " takes " + want + " operand" + (want == 1 ? "" : "s") + ", found " + n);
  }

  private static Violation register(Op op, List<Operand> args, int i) {
    if (!(args.get(i) instanceof Reg r)) {
      return null;
    }
    if (r == Reg.TLS) {
      boolean getTls = (op == Op.MOVQ || op == Op.MOVL) && i == 0 && args.get(1) instanceof Reg d && d.isGpr();
      return getTls ? null : new Violation(i, "TLS can only be loaded into a register, as in MOVQ TLS, CX (get_tls)");
    }
    if (r.isGpr()) {
      return null;
    }
    int width = op.form() == Op.Form.MOVX && i == 0 ? op.sourceWidth() : op.width();
    boolean count = op.form() == Op.Form.SHIFT && i == 0 && r == Reg.CL;
    if (width == 8 || count) {
      return null;
    }
    return new Violation(i, op + " works on " + (width == 0 ? "64" : width) + "-bit registers; " + r + " is an 8-bit register");
  }

  private static Violation shape(Op op, List<Operand> a) {
    return switch (op.form()) {
      case MOV -> mov(op, a);
      case MOVX -> registerDestination(op, a, 1) != null ? registerDestination(op, a, 1) : notImmediate(op, a, 0);
      case LEA -> !(a.get(0) instanceof Mem) ? new Violation(0, op + " takes the address of a memory operand")
          : registerDestination(op, a, 1);
      case ALU -> twoOperands(op, a, true);
      case UNARY, POP -> writable(op, a, 0);
      case SHIFT -> shift(op, a);
      case CMP -> a.get(0) instanceof Imm || a.get(0) instanceof SymAddr
          ? new Violation(0, op + " compares a register or memory first: Go writes " + op + " AX, $1 for the flags of AX − 1")
          : twoOperands(op, a, false);
      case TEST -> a.get(1) instanceof Imm ? new Violation(1, op + " takes its immediate first, as in " + op + " $1, AX")
          : twoOperands(op, a, false);
      case PUSH -> a.get(0) instanceof SymAddr ? new Violation(0, "PUSHQ cannot push a symbol address; load it first")
          : immediateRange(op, a, 0);
      case XCHG -> a.get(0) instanceof Imm || a.get(0) instanceof SymAddr ? notImmediate(op, a, 0) : twoOperands(op, a, false);
      case CMPXCHG -> !(a.get(0) instanceof Reg) ? new Violation(0, op + " takes a register as its source")
          : writable(op, a, 1);
      case JMP, CALL -> target(op, a.get(0), true);
      case JCC -> target(op, a.get(0), false);
      case INT -> byteImmediate(op, a.get(0), 0, 255);
      case BYTE -> byteImmediate(op, a.get(0), -128, 255);
      case ADJSP -> a.get(0) instanceof Imm i && i.value() == (int) i.value() ? null
          : new Violation(0, "ADJSP takes a 32-bit immediate");
      case PCALIGN -> a.get(0) instanceof Imm i && i.value() >= 8 && i.value() <= 2048 && Long.bitCount(i.value()) == 1 ? null
          : new Violation(0, "PCALIGN takes a power of two from 8 to 2048");
      case NOP -> a.isEmpty() || a.get(0) instanceof Reg ? null : new Violation(0, "NOP takes no operand or a register (NOP SP)");
      case RET, NULLARY, PREFIX, UNSUPPORTED -> null;
    };
  }

  private static Violation mov(Op op, List<Operand> a) {
    if (a.get(0) instanceof SymAddr) {
      return op == Op.MOVQ && a.get(1) instanceof Reg r && r.isGpr() ? null
          : new Violation(0, "$sym(SB) can only be moved into a register with MOVQ (it becomes a LEAQ)");
    }
    return twoOperands(op, a, true);
  }

  /** Source, writable destination, not both memory; the source immediate in range. */
  private static Violation twoOperands(Op op, List<Operand> a, boolean destinationWritten) {
    int dst = 1;
    if (destinationWritten || op.form() == Op.Form.XCHG) {
      Violation v = writable(op, a, dst);
      if (v != null) {
        return v;
      }
    } else if (a.get(1) instanceof SymAddr) {
      return new Violation(1, op + " cannot take a symbol address");
    }
    if (a.get(0) instanceof Mem && a.get(1) instanceof Mem) {
      return new Violation(-1, op + " cannot have two memory operands; go through a register");
    }
    if (a.get(0) instanceof SymAddr) {
      return new Violation(0, op + " cannot take a symbol address; load it with MOVQ $sym(SB), R first");
    }
    for (int i = 0; i < 2; i++) {
      Violation v = immediateRange(op, a, i);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Violation writable(Op op, List<Operand> a, int i) {
    Operand o = a.get(i);
    if (o instanceof Imm || o instanceof SymAddr) {
      return new Violation(i, "the destination of " + op + " cannot be an immediate");
    }
    if (!(o instanceof Reg) && !(o instanceof Mem)) {
      return new Violation(i, op + " takes a register or memory here, not " + o);
    }
    return null;
  }

  private static Violation registerDestination(Op op, List<Operand> a, int i) {
    return a.get(i) instanceof Reg r && r.isGpr() ? null : new Violation(i, "the destination of " + op + " must be a register");
  }

  private static Violation notImmediate(Op op, List<Operand> a, int i) {
    return a.get(i) instanceof Imm || a.get(i) instanceof SymAddr
        ? new Violation(i, op + " cannot take an immediate here") : null;
  }

  private static Violation shift(Op op, List<Operand> a) {
    Operand count = a.get(0);
    boolean ok = count instanceof Imm i ? i.value() >= 0 && i.value() <= 255 : count == Reg.CX || count == Reg.CL;
    if (!ok) {
      return new Violation(0, op + " shifts by an immediate from 0 to 255 or by CX");
    }
    return writable(op, a, 1);
  }

  /** Immediates must fit the form: sign-extended 32-bit for 64-bit operations (MOVQ to a register: any). */
  private static Violation immediateRange(Op op, List<Operand> a, int i) {
    if (!(a.get(i) instanceof Imm imm)) {
      return null;
    }
    long v = imm.value();
    int width = op.width();
    boolean ok = switch (width) {
      case 8 -> v >= -128 && v <= 255;
      case 16 -> v >= -32768 && v <= 65535;
      case 32 -> v >= Integer.MIN_VALUE && v <= 0xffffffffL;
      default -> (op == Op.MOVQ && a.get(1) instanceof Reg) || v == (int) v;
    };
    if (ok) {
      return null;
    }
    String why = width == 64 ? " (a 64-bit " + op + " sign-extends a 32-bit immediate; load larger values with MOVQ into a register)" : "";
    return new Violation(i, "immediate " + imm + " does not fit " + op + why);
  }

  private static Violation byteImmediate(Op op, Operand o, long min, long max) {
    return o instanceof Imm i && i.value() >= min && i.value() <= max ? null
        : new Violation(0, op + " takes an immediate from " + min + " to " + max);
  }

  private static Violation target(Op op, Operand t, boolean indirect) {
    if (t instanceof LabelRef || t instanceof PcRel) {
      return null;
    }
    if (indirect && (t instanceof Mem m && m.kind() != Mem.Kind.ABSOLUTE || t instanceof Reg r && r.isGpr())) {
      return null;
    }
    return new Violation(0, op + (indirect ? " goes to a label, n(PC), sym(SB), a register or memory"
        : " goes to a label or n(PC)") + ", not " + t);
  }
}
