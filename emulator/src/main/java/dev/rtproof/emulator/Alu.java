package dev.rtproof.emulator;

import static dev.rtproof.emulator.Flags.AF;
import static dev.rtproof.emulator.Flags.CF;
import static dev.rtproof.emulator.Flags.OF;
import static dev.rtproof.emulator.Flags.PF;
import static dev.rtproof.emulator.Flags.SF;
import static dev.rtproof.emulator.Flags.STATUS;
import static dev.rtproof.emulator.Flags.ZF;

import dev.rtproof.dsl.ir.Cond;

/**
 * Integer instruction semantics with their RFLAGS effects, per the Intel SDM, at widths 8/16/32/64.
 * Operands and results are the low {@code width} bits, zero-extended.
 *
 * <p>Every flag is defined once, by a small function of an operation's inputs and result (e.g.
 * {@link #cfSub}). The interpreter computes all flags of an operation at once ({@link #add} …);
 * generated programs keep the last flag-setting operation pending (its <em>code</em> — kind and width —
 * inputs and result) and compute only the flags something reads, with the same functions
 * ({@link #rflags}, {@link #undefined}). An undefined flag reads as 0 and is marked in the undefined mask.
 */
public final class Alu {
  private Alu() {}

  /** Kinds of flag-setting operation; a <em>code</em> is a kind ORed with the width in bits. */
  public static final int NONE = 0;
  public static final int ADD = 1 << 8;
  public static final int SUB = 2 << 8;
  public static final int LOGIC = 3 << 8;
  public static final int INC = 4 << 8;
  public static final int DEC = 5 << 8;
  public static final int SHL = 6 << 8;
  public static final int SHR = 7 << 8;
  public static final int SAR = 8 << 8;
  private static final int KIND = 0xff00;

  // ---- one function per flag -----------------------------------------------------------------------

  public static boolean zf(long r) {
    return r == 0;
  }

  public static boolean sf(long r, int width) {
    return ((r >>> (width - 1)) & 1) != 0;
  }

  /** PF: the low byte of the result has an even number of one bits. */
  public static boolean pf(long r) {
    return (Long.bitCount(r & 0xff) & 1) == 0;
  }

  /** AF of ADD and SUB: a carry or borrow out of bit 3. */
  public static boolean af(long a, long b, long r) {
    return ((a ^ b ^ r) & 0x10) != 0;
  }

  /** CF of {@code r = a + b}: the sum wrapped. */
  public static boolean cfAdd(long a, long r) {
    return Long.compareUnsigned(r, a) < 0;
  }

  /** CF of {@code a − b}: a borrow. */
  public static boolean cfSub(long a, long b) {
    return Long.compareUnsigned(a, b) < 0;
  }

  public static boolean ofAdd(long a, long b, long r, int width) {
    return sf((a ^ r) & (b ^ r), width);
  }

  public static boolean ofSub(long a, long b, long r, int width) {
    return sf((a ^ b) & (a ^ r), width);
  }

  /** CF of a left shift by {@code c} (1 ≤ c < width): the last bit shifted out. */
  public static boolean cfShl(long a, long c, int width) {
    return ((a >>> (width - c)) & 1) != 0;
  }

  /** CF of a logical right shift by {@code c ≥ 1}. */
  public static boolean cfShr(long a, long c) {
    return ((a >>> (c - 1)) & 1) != 0;
  }

  /** CF of an arithmetic right shift by {@code c ≥ 1}. */
  public static boolean cfSar(long a, long c, int width) {
    return ((signExtend(a, width) >> (c - 1)) & 1) != 0;
  }

  /** OF of SHL by 1: the top bit of the result differs from CF; undefined for other counts. */
  public static boolean ofShl(long a, long c, long r, int width) {
    return c == 1 && sf(r, width) != cfShl(a, c, width);
  }

  /** OF of SHR by 1: the top bit of the operand; undefined for other counts. */
  public static boolean ofShr(long a, long c, int width) {
    return c == 1 && sf(a, width);
  }

  // ---- a pending operation's flags ------------------------------------------------------------------

  /** The flags an operation of {@code code} writes (INC and DEC leave CF alone). */
  public static long covered(int code) {
    return switch (code & KIND) {
      case NONE -> 0;
      case INC, DEC -> STATUS & ~CF;
      default -> STATUS;
    };
  }

  /** The status flags of an operation of {@code code} on {@code a} and {@code b} giving {@code r}. */
  public static long flags(int code, long a, long b, long r) {
    int w = code & 0xff;
    long f = (zf(r) ? ZF : 0) | (sf(r, w) ? SF : 0) | (pf(r) ? PF : 0);
    return switch (code & KIND) {
      case NONE -> 0;
      case ADD -> f | (cfAdd(a, r) ? CF : 0) | (ofAdd(a, b, r, w) ? OF : 0) | (af(a, b, r) ? AF : 0);
      case SUB -> f | (cfSub(a, b) ? CF : 0) | (ofSub(a, b, r, w) ? OF : 0) | (af(a, b, r) ? AF : 0);
      case INC -> f | (ofAdd(a, 1, r, w) ? OF : 0) | (af(a, 1, r) ? AF : 0);
      case DEC -> f | (ofSub(a, 1, r, w) ? OF : 0) | (af(a, 1, r) ? AF : 0);
      case SHL -> f | (cfShl(a, b, w) ? CF : 0) | (ofShl(a, b, r, w) ? OF : 0);
      case SHR -> f | (cfShr(a, b) ? CF : 0) | (ofShr(a, b, w) ? OF : 0);
      case SAR -> f | (cfSar(a, b, w) ? CF : 0);
      default -> f; // LOGIC: CF = OF = 0, AF undefined
    };
  }

  /** The flags an operation of {@code code} (with count {@code b} for shifts) leaves undefined. */
  public static long undefinedBy(int code, long b) {
    return switch (code & KIND) {
      case LOGIC -> AF;
      case SHL, SHR, SAR -> AF | (b == 1 ? 0 : OF);
      default -> 0;
    };
  }

  /** RFLAGS: {@code base} with the flags of the pending operation {@code code} replacing those it writes. */
  public static long rflags(long base, int code, long a, long b, long r) {
    long covered = covered(code);
    return (base & ~covered) | (flags(code, a, b, r) & covered);
  }

  /** The undefined mask: {@code base}'s outside what the pending operation writes, that operation's inside. */
  public static long undefined(long base, int code, long b) {
    long covered = covered(code);
    return (base & ~covered) | (undefinedBy(code, b) & covered);
  }

  /**
   * Gives {@code m} the RFLAGS and undefined mask of a pending operation over base flags {@code base}
   * (undefined mask {@code undefined}): what generated code does when the machine takes back its state,
   * in one call so that no value of the code is still needed after a call (which would keep it on the stack).
   */
  public static void settle(Machine m, long base, long undefined, int code, long a, long b, long r) {
    m.rflags = rflags(base, code, a, b, r);
    m.undefinedFlags = undefined(undefined, code, b);
  }

  /** Evaluates a jump condition on RFLAGS. */
  public static boolean test(Cond c, long rflags) {
    return c.test((rflags & CF) != 0, (rflags & PF) != 0, (rflags & ZF) != 0, (rflags & SF) != 0,
        (rflags & OF) != 0);
  }

  // ---- whole instructions on a machine (the interpreter) -------------------------------------------

  private static long set(Machine m, int code, long a, long b, long r) {
    m.setFlags(covered(code), flags(code, a, b, r), undefinedBy(code, b));
    return r;
  }

  /** {@code a + b}: all six status flags. */
  public static long add(Machine m, long a, long b, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    b &= mask;
    return set(m, ADD | width, a, b, (a + b) & mask);
  }

  /** {@code a − b} (SUB dst=a, and CMP): all six status flags. */
  public static long sub(Machine m, long a, long b, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    b &= mask;
    return set(m, SUB | width, a, b, (a - b) & mask);
  }

  /** Flags of AND/OR/XOR/TEST on {@code res}: CF = OF = 0, AF undefined. */
  public static long logic(Machine m, long res, int width) {
    return set(m, LOGIC | width, 0, 0, res & Machine.mask(width));
  }

  /** INC: like ADD 1 but CF is unchanged. */
  public static long inc(Machine m, long a, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    return set(m, INC | width, a, 1, (a + 1) & mask);
  }

  /** DEC: like SUB 1 but CF is unchanged. */
  public static long dec(Machine m, long a, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    return set(m, DEC | width, a, 1, (a - 1) & mask);
  }

  /** NEG: {@code 0 − a}; CF = (a ≠ 0). */
  public static long neg(Machine m, long a, int width) {
    return sub(m, 0, a, width);
  }

  /** The count of a shift: the low 5 bits, or 6 for 64-bit operations. */
  public static long shiftCount(long count, int width) {
    return count & (width == 64 ? 63 : 31);
  }

  /** SHL/SAL by {@code count} (masked); a zero count changes no flag. */
  public static long shl(Machine m, long a, long count, int width) {
    long c = shiftCount(count, width);
    a &= Machine.mask(width);
    return c == 0 ? a : set(m, SHL | width, a, c, shlValue(a, c, width));
  }

  /** SHR (logical) by {@code count}. */
  public static long shr(Machine m, long a, long count, int width) {
    long c = shiftCount(count, width);
    a &= Machine.mask(width);
    return c == 0 ? a : set(m, SHR | width, a, c, a >>> c);
  }

  /** SAR (arithmetic) by {@code count}. */
  public static long sar(Machine m, long a, long count, int width) {
    long c = shiftCount(count, width);
    a &= Machine.mask(width);
    return c == 0 ? a : set(m, SAR | width, a, c, sarValue(a, c, width));
  }

  /** The result of SHL of a masked operand by a masked count. */
  public static long shlValue(long a, long c, int width) {
    return (a << c) & Machine.mask(width);
  }

  /** The result of SAR of a masked operand by a masked count. */
  public static long sarValue(long a, long c, int width) {
    return (signExtend(a, width) >> c) & Machine.mask(width);
  }

  /** Sign-extends the low {@code width} bits of {@code v} to 64 bits. */
  public static long signExtend(long v, int width) {
    return width == 64 ? v : (v << (64 - width)) >> (64 - width);
  }
}
