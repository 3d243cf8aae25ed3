package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.emulator.Alu;

/**
 * Lazy flags in fast generated code. The last flag-setting operation stays pending in locals — its code
 * {@code fk} (an {@link Alu} kind ORed with the width), inputs {@code fa}, {@code fb} and result
 * {@code fr} — over base flags {@code fl} (with undefined mask {@code fu}) for the flags it does not
 * write. A conditional jump computes just the flags it reads; RFLAGS is materialised only where the
 * machine must hold it (leaving, a fault, a syscall). Within a block the generator knows which operation
 * is pending and writes its flag functions directly; where it does not ({@link #UNKNOWN}), the code
 * asks {@link Alu} at run time.
 */
final class FastFlags {
  /** The pending operation is not known where the code is generated (a block entered from elsewhere). */
  static final int UNKNOWN = -1;

  private FastFlags() {}

  /** The Java spelling of a code, e.g. {@code Alu.SUB | 64}. */
  static String code(int code) {
    String kind = switch (code & 0xff00) {
      case Alu.ADD -> "ADD";
      case Alu.SUB -> "SUB";
      case Alu.LOGIC -> "LOGIC";
      case Alu.INC -> "INC";
      case Alu.DEC -> "DEC";
      case Alu.SHL -> "SHL";
      case Alu.SHR -> "SHR";
      case Alu.SAR -> "SAR";
      default -> "NONE";
    };
    return "Alu." + kind + " | " + (code & 0xff);
  }

  /** Statements that make {@code (kind, a, b, r)} the pending operation. */
  static String pending(int code, String a, String b, String r) {
    return "fk = " + code(code) + "; fa = " + a + "; fb = " + b + "; fr = " + r + ";";
  }

  /** Statements folding the pending operation into the base flags. */
  static String materialize() {
    return "fl = Alu.rflags(fl, fk, fa, fb, fr); fu = Alu.undefined(fu, fk, fb); fk = 0;";
  }

  /** Statements making the boolean expression {@code cf} the CF of the base flags. */
  static String foldCarry(String cf) {
    return cf.equals("false") ? "fl &= ~1L; fu &= ~1L;" : "fl = (fl & ~1L) | (" + cf + " ? 1L : 0L); fu &= ~1L;";
  }

  /** True when {@link #cond} of {@code c} reads the base flags' CF (or all of them) with {@code known} pending. */
  static boolean readsBase(Cond c, int known) {
    int kind = known & 0xff00;
    if (known == UNKNOWN || kind == Alu.NONE) {
      return true;
    }
    boolean carry = c == Cond.CS || c == Cond.CC || c == Cond.LS || c == Cond.HI;
    return carry && (kind == Alu.INC || kind == Alu.DEC);
  }

  /** A boolean expression: condition {@code c} on the current flags, the pending operation being {@code known}. */
  static String cond(Cond c, int known) {
    if (known == UNKNOWN) {
      return "Alu.test(Cond." + c.name() + ", Alu.rflags(fl, fk, fa, fb, fr))";
    }
    if ((known & 0xff00) == Alu.SUB) {
      return compare(c, known & 0xff);
    }
    return switch (c) {
      case EQ -> zf(known);
      case NE -> "!" + zf(known);
      case LS -> "(" + cf(known) + " || " + zf(known) + ")";
      case HI -> "(!" + cf(known) + " && !" + zf(known) + ")";
      case CS -> cf(known);
      case CC -> "!" + cf(known);
      case LT -> "(" + sf(known) + " != " + of(known) + ")";
      case GE -> "(" + sf(known) + " == " + of(known) + ")";
      case GT -> "(!" + zf(known) + " && " + sf(known) + " == " + of(known) + ")";
      case LE -> "(" + zf(known) + " || " + sf(known) + " != " + of(known) + ")";
      case MI -> sf(known);
      case PL -> "!" + sf(known);
      case OS -> of(known);
      case OC -> "!" + of(known);
      case PS -> pf(known);
      case PC -> "!" + pf(known);
    };
  }

  /** After a subtraction (SUB, CMP, NEG, CMPXCHG) every condition is a comparison of its operands. */
  private static String compare(Cond c, int w) {
    String sa = signed("fa", w);
    String sb = signed("fb", w);
    return switch (c) {
      case EQ -> "fa == fb";
      case NE -> "fa != fb";
      case CS -> "Long.compareUnsigned(fa, fb) < 0";
      case CC -> "Long.compareUnsigned(fa, fb) >= 0";
      case LS -> "Long.compareUnsigned(fa, fb) <= 0";
      case HI -> "Long.compareUnsigned(fa, fb) > 0";
      case LT -> sa + " < " + sb;
      case GE -> sa + " >= " + sb;
      case GT -> sa + " > " + sb;
      case LE -> sa + " <= " + sb;
      case MI -> "Alu.sf(fr, " + w + ")";
      case PL -> "!Alu.sf(fr, " + w + ")";
      case OS -> "Alu.ofSub(fa, fb, fr, " + w + ")";
      case OC -> "!Alu.ofSub(fa, fb, fr, " + w + ")";
      case PS -> "Alu.pf(fr)";
      case PC -> "!Alu.pf(fr)";
    };
  }

  private static String signed(String v, int w) {
    return switch (w) {
      case 64 -> v;
      case 32 -> "(int) " + v;
      case 16 -> "(short) " + v;
      default -> "(byte) " + v;
    };
  }

  private static String zf(int known) {
    return (known & 0xff00) == Alu.NONE ? "((fl & 0x40L) != 0)" : "(fr == 0)";
  }

  private static String sf(int known) {
    return (known & 0xff00) == Alu.NONE ? "((fl & 0x80L) != 0)" : "Alu.sf(fr, " + (known & 0xff) + ")";
  }

  private static String pf(int known) {
    return (known & 0xff00) == Alu.NONE ? "((fl & 4L) != 0)" : "Alu.pf(fr)";
  }

  private static String cf(int known) {
    return carry(known, "fa", "fb", "fr");
  }

  /** CF of the operation {@code known} on inputs {@code a}, {@code b} with result {@code r} (names of locals). */
  static String carry(int known, String a, String b, String r) {
    int w = known & 0xff;
    return switch (known & 0xff00) {
      case Alu.ADD -> "Alu.cfAdd(" + a + ", " + r + ")";
      case Alu.SUB -> "Alu.cfSub(" + a + ", " + b + ")";
      case Alu.LOGIC -> "false";
      case Alu.SHL -> "Alu.cfShl(" + a + ", " + b + ", " + w + ")";
      case Alu.SHR -> "Alu.cfShr(" + a + ", " + b + ")";
      case Alu.SAR -> "Alu.cfSar(" + a + ", " + b + ", " + w + ")";
      default -> "((fl & 1L) != 0)"; // NONE, INC, DEC: CF is in the base flags
    };
  }

  private static String of(int known) {
    int w = known & 0xff;
    return switch (known & 0xff00) {
      case Alu.ADD -> "Alu.ofAdd(fa, fb, fr, " + w + ")";
      case Alu.SUB -> "Alu.ofSub(fa, fb, fr, " + w + ")";
      case Alu.INC -> "Alu.ofAdd(fa, 1L, fr, " + w + ")";
      case Alu.DEC -> "Alu.ofSub(fa, 1L, fr, " + w + ")";
      case Alu.SHL -> "Alu.ofShl(fa, fb, fr, " + w + ")";
      case Alu.SHR -> "Alu.ofShr(fa, fb, " + w + ")";
      case Alu.LOGIC, Alu.SAR -> "false";
      default -> "((fl & 0x800L) != 0)";
    };
  }
}
