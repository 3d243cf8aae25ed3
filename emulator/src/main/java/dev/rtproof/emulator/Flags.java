package dev.rtproof.emulator;

/** RFLAGS bit masks and helpers. */
public final class Flags {
  private Flags() {}

  public static final long CF = 1L;
  public static final long PF = 1L << 2;
  public static final long AF = 1L << 4;
  public static final long ZF = 1L << 6;
  public static final long SF = 1L << 7;
  public static final long DF = 1L << 10;
  public static final long OF = 1L << 11;
  /** The six status flags. */
  public static final long STATUS = CF | PF | AF | ZF | SF | OF;
  /** RFLAGS of a user thread with no status flag set: reserved bit 1 and IF. */
  public static final long INITIAL = 0x202L;

  /** PF: set when the low byte of {@code result} has an even number of one bits. */
  public static long parity(long result) {
    return (Long.bitCount(result & 0xff) & 1) == 0 ? PF : 0;
  }

  /** Formats the set status flags as {@code CF ZF …}, or {@code -} for none. */
  public static String format(long rflags, long undefined) {
    StringBuilder sb = new StringBuilder();
    String[] names = {"CF", "PF", "AF", "ZF", "SF", "DF", "OF"};
    long[] bits = {CF, PF, AF, ZF, SF, DF, OF};
    for (int i = 0; i < bits.length; i++) {
      if ((undefined & bits[i]) != 0) {
        sb.append(sb.length() == 0 ? "" : " ").append(names[i]).append("=?");
      } else if ((rflags & bits[i]) != 0) {
        sb.append(sb.length() == 0 ? "" : " ").append(names[i]);
      }
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }
}
