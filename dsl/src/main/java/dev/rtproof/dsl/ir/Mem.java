package dev.rtproof.dsl.ir;

import java.util.Objects;

/**
 * A memory operand in one of Go's forms.
 *
 * <ul>
 *   <li>{@link Kind#REG}: {@code disp(base)} or {@code disp(base)(index*scale)}
 *   <li>{@link Kind#SYMBOL}: {@code name+disp(SB)}, optionally indexed; as a branch target it is a direct
 *       call or jump to the symbol
 *   <li>{@link Kind#ABSOLUTE}: the address {@code disp} itself, as in {@code MOVL $0xf1, 0xf1}
 *   <li>{@link Kind#TLS}: {@code disp(base)(TLS*1)}, which the linux linker turns into {@code disp-8(FS)};
 *       {@code base} only names the register {@code get_tls} loaded and is not read
 *   <li>{@link Kind#FP}: the argument {@code name+disp(FP)}
 *   <li>{@link Kind#LOCAL}: the local {@code name-off(SP)} of the pseudo-SP ({@code disp} is negative);
 *       {@code off(SP)} without a name is {@link Kind#REG} on the hardware SP
 * </ul>
 */
public record Mem(Kind kind, Reg base, Reg index, int scale, long disp, String name) implements Operand {

  /** The addressing form. */
  public enum Kind { REG, SYMBOL, ABSOLUTE, TLS, FP, LOCAL }

  public Mem {
    Objects.requireNonNull(kind, "kind");
    if (index == null && scale != 0) {
      throw new IllegalArgumentException("scale without index");
    }
  }

  public static Mem reg(long disp, Reg base) {
    return new Mem(Kind.REG, base, null, 0, disp, null);
  }

  public static Mem indexed(long disp, Reg base, Reg index, int scale) {
    return new Mem(Kind.REG, base, index, scale, disp, null);
  }

  public static Mem symbol(String name, long disp) {
    return new Mem(Kind.SYMBOL, null, null, 0, disp, name);
  }

  public static Mem absolute(long address) {
    return new Mem(Kind.ABSOLUTE, null, null, 0, address, null);
  }

  public static Mem tls(long disp, Reg base) {
    return new Mem(Kind.TLS, base, null, 0, disp, null);
  }

  public static Mem fp(String name, long disp) {
    return new Mem(Kind.FP, null, null, 0, disp, name);
  }

  public static Mem local(String name, long disp) {
    return new Mem(Kind.LOCAL, null, null, 0, disp, name);
  }

  @Override
  public String toString() {
    String index = this.index == null ? "" : "(" + this.index + "*" + scale + ")";
    return switch (kind) {
      case REG -> (disp == 0 ? "" : Hex.goNumber(disp)) + "(" + base + ")" + index;
      case SYMBOL -> Hex.symbolOffset(name, disp) + "(SB)" + index;
      case ABSOLUTE -> Hex.goNumber(disp);
      case TLS -> Hex.goNumber(disp) + "(" + base + ")(TLS*1)";
      case FP -> Hex.symbolOffset(name, disp) + "(FP)";
      case LOCAL -> Hex.symbolOffset(name, disp) + "(SP)";
    };
  }
}
