package dev.rtproof.dsl.ir;

/** Number spellings shared by the operand printers. */
public final class Hex {
  private Hex() {}

  /** Small magnitudes in decimal, everything else as unsigned hexadecimal, the way runtime sources write them. */
  public static String goNumber(long v) {
    if (v >= -4096 && v <= 4096) {
      return Long.toString(v);
    }
    return "0x" + Long.toHexString(v);
  }

  /** Unsigned 64-bit hexadecimal, {@code 0x…}. */
  public static String of(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** {@code sym}, {@code sym+off} or {@code sym-off}. */
  public static String symbolOffset(String symbol, long offset) {
    if (offset == 0) {
      return symbol;
    }
    return symbol + (offset > 0 ? "+" : "-") + goNumber(Math.abs(offset));
  }
}
