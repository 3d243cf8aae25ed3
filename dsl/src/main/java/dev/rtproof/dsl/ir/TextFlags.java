package dev.rtproof.dsl.ir;

import java.util.ArrayList;
import java.util.List;

/** The {@code textflag.h} values (reference §1). */
public final class TextFlags {
  public static final int NOPROF = 1;
  public static final int DUPOK = 2;
  public static final int NOSPLIT = 4;
  public static final int RODATA = 8;
  public static final int NOPTR = 16;
  public static final int WRAPPER = 32;
  public static final int NEEDCTXT = 64;
  public static final int TLSBSS = 256;
  public static final int NOFRAME = 512;
  public static final int REFLECTMETHOD = 1024;
  public static final int TOPFRAME = 2048;
  public static final int ABIWRAPPER = 4096;

  /** {@code TEXT sym(SB),FLAGS,$frame} without {@code -args}: the argument size is unknown. */
  public static final int ARGS_UNKNOWN = Integer.MIN_VALUE;

  private static final String[] NAMES = {
    "NOPROF", "DUPOK", "NOSPLIT", "RODATA", "NOPTR", "WRAPPER", "NEEDCTXT", null, "TLSBSS",
    "NOFRAME", "REFLECTMETHOD", "TOPFRAME", "ABIWRAPPER"
  };

  private TextFlags() {}

  /** {@code NOSPLIT|NOFRAME}, or the number when a bit has no name; {@code 0} for none. */
  public static String format(int flags) {
    if (flags == 0) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    int rest = flags;
    for (int bit = 0; bit < NAMES.length; bit++) {
      if ((flags & (1 << bit)) != 0 && NAMES[bit] != null) {
        parts.add(NAMES[bit]);
        rest &= ~(1 << bit);
      }
    }
    if (rest != 0) {
      parts.add(Integer.toString(rest));
    }
    return String.join("|", parts);
  }
}
