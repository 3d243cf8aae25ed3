package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;

/** Effective addresses and operand reads and writes, shared by the interpreter and generated programs. */
public final class Operands {
  private Operands() {}

  /** The linux/amd64 TLS offset: {@code 0(r)(TLS*1)} is {@code -8(FS)} (reference §2). */
  public static final long TLS_OFFSET = -8;

  /** The effective address of a memory operand. */
  public static long ea(Context cx, Mem mem) {
    Machine m = cx.m;
    long index = mem.index() == null ? 0 : m.get(mem.index()) * mem.scale();
    return switch (mem.kind()) {
      case REG -> (mem.base() == null ? 0 : m.get(mem.base())) + index + mem.disp();
      case SYMBOL -> cx.symbol(mem.name()) + index + mem.disp();
      case ABSOLUTE -> mem.disp();
      case TLS -> m.fsBase + TLS_OFFSET + mem.disp();
      case FP, LOCAL -> throw cx.trap(Trap.Kind.UNSUPPORTED, mem + " was not lowered to an SP offset", 0);
    };
  }

  /** Reads {@code o} at {@code width} bits, zero-extended; immediates are truncated to the width. */
  public static long read(Context cx, Operand o, int width) {
    if (o instanceof Reg r) {
      return cx.m.get(r, width);
    }
    if (o instanceof Imm i) {
      return i.value() & Machine.mask(width);
    }
    if (o instanceof SymAddr a) {
      return (cx.symbol(a.symbol()) + a.offset()) & Machine.mask(width);
    }
    if (o instanceof Mem mem) {
      return cx.m.load(ea(cx, mem), width / 8);
    }
    throw cx.trap(Trap.Kind.UNSUPPORTED, "operand " + o + " has no value", 0);
  }

  /** Writes {@code value} to {@code o} at {@code width} bits. */
  public static void write(Context cx, Operand o, int width, long value) {
    if (o instanceof Reg r) {
      cx.m.set(r, width, value);
    } else if (o instanceof Mem mem) {
      cx.m.store(ea(cx, mem), width / 8, value);
    } else {
      throw cx.trap(Trap.Kind.UNSUPPORTED, "cannot write to " + o, 0);
    }
  }

  /** The code address a CALL or JMP operand names: a symbol, a register, or memory holding the address. */
  public static long branchTarget(Context cx, Operand o) {
    if (o instanceof Mem mem && mem.kind() == Mem.Kind.SYMBOL && mem.index() == null) {
      return cx.symbol(mem.name()) + mem.disp();
    }
    return read(cx, o, 64);
  }
}
