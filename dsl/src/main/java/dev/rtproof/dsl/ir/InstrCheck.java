package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * The operand rules of one instruction, per mnemonic (reference §1): how many operands, which kinds in
 * which position, register widths, and immediates that fit the encoding. Shared by every reader of
 * routines, so Java and {@code .s} sources are held to the same rules.
 *
 * <p>Go names a general-purpose register the same at every width, so {@code MOVL AX, BX} is fine while an
 * 8-bit name ({@code AL}) only goes with 8-bit operations. Memory has no width of its own: {@code MOVL} to
 * any memory operand is fine.
 */
public final class InstrCheck {
  private InstrCheck() {}

  /** A problem with operand {@code operand} (or the whole instruction when -1). */
  public record Finding(String id, String message, int operand) {}

  /** Null when {@code op} (written {@code name}) takes {@code count} operands, else the message. */
  public static String count(Op op, String name, int count) {
    int min = switch (op.form()) {
      case RET, NULLARY, PREFIX, NOP -> 0;
      case UNARY, PUSH, POP, JMP, JCC, CALL, INT, BYTE, ADJSP, PCALIGN -> 1;
      case UNSUPPORTED -> count;
      default -> 2;
    };
    int max = op.form() == Op.Form.NOP ? 1 : min;
    if (count >= min && count <= max) {
      return null;
    }
    String takes = min == max ? min + " operand" + (min == 1 ? "" : "s") : min + " or " + max + " operands";
    return name + " takes " + takes + ", not " + count;
  }

  /** The first problem of {@code op} with {@code ops}, or null; the count must be right. */
  public static Finding check(Op op, List<Operand> ops) {
    if (op.isBranch()) {
      return branch(op, ops.get(0));
    }
    for (int i = 0; i < ops.size(); i++) {
      Operand o = ops.get(i);
      if (o instanceof LabelRef || o instanceof PcRel) {
        return new Finding("bad-operand", op + " takes no branch target; " + o + " is one", i);
      }
      if (o == Reg.TLS && !(op == Op.MOVQ && i == 0 && ops.get(1) instanceof Reg r && r.isGpr())) {
        return new Finding("tls-misuse", "TLS is only read by MOVQ TLS, r (get_tls) and used as the index of"
            + " g(r); not in " + op, i);
      }
    }
    return switch (op.form()) {
      case MOV -> move(op, ops);
      case MOVX -> extend(op, ops);
      case LEA -> lea(op, ops);
      case ALU -> twoOperand(op, ops);
      case CMP, TEST -> compare(op, ops);
      case SHIFT -> shift(op, ops);
      case UNARY, POP -> writable(op, ops.get(0), 0, op.width());
      case PUSH -> source(op, ops.get(0), 0, op.width());
      case XCHG -> exchange(op, ops);
      case CMPXCHG -> cmpxchg(op, ops);
      case INT -> immediate(op, ops.get(0), 0, 0, 255);
      case BYTE -> immediate(op, ops.get(0), 0, -128, 255);
      case ADJSP -> immediate(op, ops.get(0), 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case PCALIGN -> pcalign(op, ops.get(0));
      case NOP -> ops.isEmpty() || ops.get(0) instanceof Reg || ops.get(0) instanceof Mem ? null
          : new Finding("bad-operand", "NOP takes a register or memory (NOP SP), not " + ops.get(0), 0);
      default -> null;
    };
  }

  // ---- forms ----------------------------------------------------------------------------------------

  private static Finding move(Op op, List<Operand> ops) {
    if (ops.get(0) == Reg.TLS) {
      return null; // MOVQ TLS, r
    }
    Finding f = twoOperand(op, ops);
    if (f != null) {
      return f;
    }
    if (ops.get(0) instanceof Imm && op == Op.MOVQ && ops.get(1) instanceof Reg) {
      return null; // MOVQ $imm64, r (MOVABS)
    }
    return ops.get(0) instanceof Imm ? immediateFits(op, ops.get(0), 0, op.width()) : null;
  }

  private static Finding extend(Op op, List<Operand> ops) {
    Operand src = ops.get(0);
    if (!(src instanceof Reg) && !(src instanceof Mem)) {
      return new Finding("bad-operand", op + " extends a register or memory, not " + src, 0);
    }
    Finding f = register(op, src, 0, op.sourceWidth());
    return f != null ? f : gprDestination(op, ops.get(1), 1);
  }

  private static Finding lea(Op op, List<Operand> ops) {
    if (!(ops.get(0) instanceof Mem)) {
      return new Finding("bad-operand", op + " takes the address of memory, not of " + ops.get(0), 0);
    }
    return gprDestination(op, ops.get(1), 1);
  }

  /** {@code op src, dst} where dst is written. */
  private static Finding twoOperand(Op op, List<Operand> ops) {
    Finding f = writable(op, ops.get(1), 1, op.width());
    if (f == null) {
      f = source(op, ops.get(0), 0, op.width());
    }
    if (f == null) {
      f = noTwoMemories(op, ops);
    }
    return f;
  }

  private static Finding compare(Op op, List<Operand> ops) {
    if (ops.get(0) instanceof Imm || ops.get(0) instanceof SymAddr) {
      if (ops.get(1) instanceof Imm || ops.get(1) instanceof SymAddr) {
        return new Finding("bad-operand", op + " cannot compare two immediates", 1);
      }
    }
    for (int i = 0; i < 2; i++) {
      Finding f = source(op, ops.get(i), i, op.width());
      if (f != null) {
        return f;
      }
    }
    return noTwoMemories(op, ops);
  }

  private static Finding shift(Op op, List<Operand> ops) {
    Operand count = ops.get(0);
    boolean ok = count instanceof Imm imm ? imm.value() >= 0 && imm.value() <= 255
        : count == Reg.CX || count == Reg.CL;
    if (!ok) {
      return new Finding("bad-shift-count", op + " shifts by an immediate 0…255 or by CX (CL), not " + count, 0);
    }
    return writable(op, ops.get(1), 1, op.width());
  }

  private static Finding exchange(Op op, List<Operand> ops) {
    for (int i = 0; i < 2; i++) {
      Finding f = writable(op, ops.get(i), i, op.width());
      if (f != null) {
        return f;
      }
    }
    return noTwoMemories(op, ops);
  }

  private static Finding cmpxchg(Op op, List<Operand> ops) {
    if (!(ops.get(0) instanceof Reg r) || !r.isGpr()) {
      return new Finding("bad-operand", op + " takes the new value in a register, not " + ops.get(0), 0);
    }
    return writable(op, ops.get(1), 1, op.width());
  }

  private static Finding pcalign(Op op, Operand o) {
    if (o instanceof Imm imm && imm.value() >= 8 && imm.value() <= 64 && Long.bitCount(imm.value()) == 1) {
      return null;
    }
    return new Finding("immediate-range", "PCALIGN takes a power of two from 8 to 64, not " + o, 0);
  }

  private static Finding branch(Op op, Operand t) {
    boolean direct = t instanceof LabelRef || t instanceof PcRel
        || t instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null;
    if (direct) {
      return null;
    }
    if (op.form() == Op.Form.JCC) {
      return new Finding("bad-branch-target", op + " jumps to a label, pc(n) or sym(…), not " + t, 0);
    }
    if (t instanceof Reg r && r.isGpr() || t instanceof Mem) {
      return null;
    }
    return new Finding("bad-branch-target", op + " goes to a label, pc(n), sym(…), a register or memory, not " + t, 0);
  }

  // ---- operands ---------------------------------------------------------------------------------------

  private static Finding writable(Op op, Operand o, int i, int width) {
    if (!(o instanceof Reg) && !(o instanceof Mem)) {
      return new Finding("immediate-destination", op + " cannot write to " + o, i);
    }
    return register(op, o, i, width);
  }

  private static Finding source(Op op, Operand o, int i, int width) {
    if (o instanceof Imm) {
      return immediateFits(op, o, i, width);
    }
    if (o instanceof SymAddr && width < 32) {
      return new Finding("width-mismatch", "a symbol address does not fit " + op + "'s " + width + " bits", i);
    }
    return register(op, o, i, width);
  }

  private static Finding gprDestination(Op op, Operand o, int i) {
    if (o instanceof Reg r && r.isGpr()) {
      return null;
    }
    return new Finding(o instanceof Reg ? "width-mismatch" : "bad-operand", op + " writes a " + op.width()
        + "-bit register (AX…R15), not " + o, i);
  }

  private static Finding register(Op op, Operand o, int i, int width) {
    if (o instanceof Reg r && !r.isGpr() && r != Reg.TLS && width != 8) {
      return new Finding("width-mismatch", op + " uses " + width + "-bit operands; " + r + " is an 8-bit register"
          + " (write " + Reg.gpr(r.number()) + ")", i);
    }
    return null;
  }

  private static Finding noTwoMemories(Op op, List<Operand> ops) {
    if (ops.get(0) instanceof Mem && ops.get(1) instanceof Mem) {
      return new Finding("memory-to-memory", op + " cannot take two memory operands; go through a register", 1);
    }
    return null;
  }

  private static Finding immediateFits(Op op, Operand o, int i, int width) {
    long v = ((Imm) o).value();
    return switch (width) {
      case 8 -> immediate(op, o, i, -128, 255);
      case 16 -> immediate(op, o, i, -32768, 65535);
      case 32 -> immediate(op, o, i, Integer.MIN_VALUE, 0xffffffffL);
      default -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? null
          : new Finding("immediate-range", op + " takes a sign-extended 32-bit immediate; " + o + " does not fit"
              + (op == Op.MOVQ ? " (only MOVQ to a register takes 64 bits)" : ""), i);
    };
  }

  private static Finding immediate(Op op, Operand o, int i, long min, long max) {
    if (!(o instanceof Imm imm)) {
      return new Finding("bad-operand", op + " takes an immediate, not " + o, i);
    }
    if (imm.value() < min || imm.value() > max) {
      return new Finding("immediate-range", op + "'s immediate must be in " + min + "…" + max + ", not "
          + imm.value(), i);
    }
    return null;
  }
}
