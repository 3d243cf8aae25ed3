package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.List;

/**
 * Java expressions and statements for operands in fast generated code, where registers live in locals
 * {@code r0}…{@code r15}, memory is {@code mem}, and symbol addresses come from {@code sym[k]} (the
 * emulator resolves them once per program). Reads are zero-extended to the operation width; writes
 * follow x86-64's sub-register rules (32-bit writes zero-extend, 8- and 16-bit writes merge).
 */
final class FastOperands {
  private final List<String> symbols;
  private final boolean locals;

  /**
   * {@code symbols}: the routine's symbols in {@code sym[]} order, shared by all code of the routine;
   * new ones are appended. {@code locals}: registers are the locals {@code rN}, else {@code m.r[N]}.
   */
  FastOperands(List<String> symbols, boolean locals) {
    this.symbols = symbols;
    this.locals = locals;
  }

  static String local(Reg r) {
    return "r" + r.number();
  }

  static String mask(int w) {
    return JavaLiterals.hex(w == 64 ? -1L : (1L << w) - 1);
  }

  /** {@code v} masked to {@code w} bits (nothing to do at 64). */
  static String masked(String v, int w) {
    return w == 64 ? v : "(" + v + ") & " + mask(w);
  }

  String symbol(String name) {
    int k = symbols.indexOf(name);
    if (k < 0) {
      k = symbols.size();
      symbols.add(name);
    }
    return "sym[" + k + "]";
  }

  /** Register {@code r} read at width {@code w}, zero-extended. */
  static String reg(Reg r, int w) {
    String l = local(r);
    return switch (r.kind()) {
      case GPR -> w == 64 ? l : "(" + l + " & " + mask(w) + ")";
      case BYTE -> "(" + l + " & 0xffL)";
      case HIGH_BYTE -> "((" + l + " >>> 8) & 0xffL)";
      case PSEUDO -> throw new IllegalStateException("TLS has no value");
    };
  }

  /** Statement writing {@code v} (any bits) to register {@code r} at width {@code w}. */
  static String setReg(Reg r, int w, String v) {
    String l = local(r);
    return switch (r.kind()) {
      case GPR -> switch (w) {
        case 64 -> l + " = " + v + ";";
        case 32 -> l + " = (" + v + ") & 0xffffffffL;";
        case 16 -> l + " = (" + l + " & ~0xffffL) | ((" + v + ") & 0xffffL);";
        default -> l + " = (" + l + " & ~0xffL) | ((" + v + ") & 0xffL);";
      };
      case BYTE -> l + " = (" + l + " & ~0xffL) | ((" + v + ") & 0xffL);";
      case HIGH_BYTE -> l + " = (" + l + " & ~0xff00L) | (((" + v + ") & 0xffL) << 8);";
      case PSEUDO -> throw new IllegalStateException("TLS cannot be written");
    };
  }

  /** The effective address of {@code m}; {@code sp} is the expression SP stands for (POP addresses after its increment). */
  String ea(Mem m, String sp) {
    if (!locals && sp.equals("r4")) {
      sp = "m.r[4]";
    }
    String index = m.index() == null ? "" : " + " + base(m.index(), sp) + " * " + m.scale();
    return switch (m.kind()) {
      case REG -> (m.base() == null ? "0L" : base(m.base(), sp)) + index + offset(m.disp());
      case SYMBOL -> symbol(m.name()) + index + offset(m.disp());
      case ABSOLUTE -> JavaLiterals.hex(m.disp());
      case TLS -> "m.fsBase" + offset(-8 + m.disp());
      case FP, LOCAL -> throw new IllegalStateException("pseudo-register operand survived lowering: " + m);
    };
  }

  String ea(Mem m) {
    return ea(m, "r4");
  }

  private String base(Reg r, String sp) {
    return r == Reg.SP ? sp : locals ? local(r) : "m.r[" + r.number() + "]";
  }

  static String offset(long d) {
    return d == 0 ? "" : d > 0 ? " + " + JavaLiterals.hex(d) : " - " + JavaLiterals.hex(-d);
  }

  /** {@code o} read at width {@code w}, zero-extended; memory reads {@code w / 8} bytes. */
  String read(Operand o, int w) {
    if (o instanceof Reg r) {
      return reg(r, w);
    }
    if (o instanceof Imm i) {
      return JavaLiterals.hex(w == 64 ? i.value() : i.value() & ((1L << w) - 1));
    }
    if (o instanceof SymAddr a) {
      return masked(symbol(a.symbol()) + offset(a.offset()), w);
    }
    return "mem.read(" + ea((Mem) o) + ", " + w / 8 + ")";
  }

  /** Statement writing {@code v} to {@code o} at width {@code w}; for memory, {@code ea} names its address. */
  static String write(Operand o, int w, String v, String ea) {
    if (o instanceof Reg r) {
      return setReg(r, w, v);
    }
    return "mem.write(" + ea + ", " + w / 8 + ", " + v + ");";
  }

  /** True when reading or writing {@code o} touches memory, which may fault. */
  static boolean isMemory(Operand o) {
    return o instanceof Mem;
  }

  /** The registers {@code o} reads or writes. */
  static void registers(Operand o, java.util.Set<Integer> out) {
    if (o instanceof Reg r && r.number() >= 0) {
      out.add(r.number());
    } else if (o instanceof Mem m) {
      if (m.kind() == Mem.Kind.REG && m.base() != null) {
        out.add(m.base().number());
      }
      if (m.index() != null) {
        out.add(m.index().number());
      }
    }
  }
}
