package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * The operand rules of one instruction, per mnemonic (reference §1): how many operands, which kinds in
 * which position, register widths, and immediates that fit the encoding. Shared by every reader of
 * routines, so Java and {@code .s} sources are held to the same rules.
 *
 * <p>Go names a general-purpose register the same at every width, so {@code MOVL AX, BX} is fine while an
 * 8-bit name ({@code AL}) only goes with 8-bit operations. Memory has no width of its own: {@code MOVL} to
 * any memory operand is fine. The forms follow what Go 1.19's {@code go tool asm} accepts, measured, with
 * one deliberate difference: an immediate that does not fit the operation is an error here, where the Go
 * assembler silently truncates ({@code MOVB $256}, {@code INT $256}) or sign-extends a 32-bit immediate of a
 * 64-bit operation ({@code ADDQ $0x80000000, AX} adds −2³¹, {@code PUSHQ $0x80000000} pushes
 * {@code 0xffffffff80000000}).
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
      if (o instanceof SymAddr && !(op == Op.MOVQ && i == 0 && ops.get(1) instanceof Reg r && r.isGpr())) {
        return new Finding("bad-operand", "a symbol address " + o + " is only loaded with MOVQ " + o + ", r (the"
            + " assembler's LEAQ); " + op + " cannot take it here", i);
      }
      if (o instanceof Mem m) {
        Finding f = address(op, m, i);
        if (f != null) {
          return f;
        }
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
    if (ops.get(0) instanceof Imm && op == Op.MOVQ && ops.get(1) instanceof Reg) {
      return writable(op, ops.get(1), 1, op.width()); // MOVQ $imm64, r (MOVABS)
    }
    return twoOperand(op, ops);
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

  /**
   * {@code CMPx a, b} takes an immediate second only ({@code CMPQ AX, $1}: flags of AX − 1), {@code TESTx}
   * first only ({@code TESTQ $1, AX}); measured, {@code CMPQ $1, AX} and {@code TESTQ AX, $1} do not assemble.
   */
  private static Finding compare(Op op, List<Operand> ops) {
    int immediateAt = op.form() == Op.Form.CMP ? 1 : 0;
    int other = 1 - immediateAt;
    if (ops.get(other) instanceof Imm) {
      String how = immediateAt == 1 ? op + " x, $imm sets the flags of x − imm"
          : "write " + op + " " + ops.get(1) + ", " + ops.get(0);
      return new Finding("bad-operand", op + " takes an immediate " + (immediateAt == 1 ? "second" : "first")
          + " only (" + how + ")", other);
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
    if (o instanceof Imm imm && imm.value() >= 8 && imm.value() <= 2048 && Long.bitCount(imm.value()) == 1) {
      return null;
    }
    return new Finding("immediate-range", "PCALIGN takes a power of two from 8 to 2048, not " + o, 0);
  }

  /** A memory operand's registers: a 64-bit base, a 64-bit index other than SP. */
  private static Finding address(Op op, Mem m, int i) {
    if (m.base() != null && !m.base().isGpr()) {
      return new Finding("bad-address", m.base() + " cannot be a base register (AX…R15)", i);
    }
    if (m.index() != null && (!m.index().isGpr() || m.index() == Reg.SP)) {
      return new Finding("bad-address", m.index() + " cannot be an index register (AX…R15 but SP)", i);
    }
    if (m.index() != null && m.scale() != 1 && m.scale() != 2 && m.scale() != 4 && m.scale() != 8) {
      return new Finding("bad-scale", "scale must be 1, 2, 4 or 8, not " + m.scale(), i);
    }
    if (m.index() != null && m.kind() != Mem.Kind.REG) {
      return new Finding("bad-address", m + " cannot be indexed", i);
    }
    return null;
  }

  private static Finding branch(Op op, Operand t) {
    if (t instanceof LabelRef || t instanceof PcRel) {
      return null;
    }
    // Measured: go tool asm rejects a conditional jump to a symbol (JEQ runtime·abort(SB)).
    if (op.form() == Op.Form.JCC) {
      return new Finding("bad-branch-target", op + " jumps to a label or pc(n), not " + t, 0);
    }
    if (t instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null) {
      return null;
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
