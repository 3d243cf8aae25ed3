package dev.rtproof.emulator;

import static dev.rtproof.emulator.Flags.AF;
import static dev.rtproof.emulator.Flags.CF;
import static dev.rtproof.emulator.Flags.OF;
import static dev.rtproof.emulator.Flags.PF;
import static dev.rtproof.emulator.Flags.SF;
import static dev.rtproof.emulator.Flags.STATUS;
import static dev.rtproof.emulator.Flags.ZF;

/**
 * Integer instruction semantics with their RFLAGS effects, per the Intel SDM, at widths 8/16/32/64.
 * Operands and results are the low {@code width} bits, zero-extended. The interpreter and generated
 * programs both call these, so the two executors share one definition of every flag.
 */
public final class Alu {
  private Alu() {}

  private static long sign(int width) {
    return 1L << (width - 1);
  }

  private static long zsp(long res, int width) {
    return (res == 0 ? ZF : 0) | ((res & sign(width)) != 0 ? SF : 0) | Flags.parity(res);
  }

  /** {@code a + b}: all six status flags. */
  public static long add(Machine m, long a, long b, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    b &= mask;
    long res = (a + b) & mask;
    long f = zsp(res, width);
    if (Long.compareUnsigned(res, a) < 0) {
      f |= CF;
    }
    if (((a ^ res) & (b ^ res) & sign(width)) != 0) {
      f |= OF;
    }
    if (((a ^ b ^ res) & 0x10) != 0) {
      f |= AF;
    }
    m.setFlags(STATUS, f, 0);
    return res;
  }

  /** {@code a − b} (SUB dst=a, and CMP): all six status flags. */
  public static long sub(Machine m, long a, long b, int width) {
    long mask = Machine.mask(width);
    a &= mask;
    b &= mask;
    long res = (a - b) & mask;
    long f = zsp(res, width);
    if (Long.compareUnsigned(a, b) < 0) {
      f |= CF;
    }
    if (((a ^ b) & (a ^ res) & sign(width)) != 0) {
      f |= OF;
    }
    if (((a ^ b ^ res) & 0x10) != 0) {
      f |= AF;
    }
    m.setFlags(STATUS, f, 0);
    return res;
  }

  /** Flags of AND/OR/XOR/TEST on {@code res}: CF = OF = 0, AF undefined. */
  public static long logic(Machine m, long res, int width) {
    res &= Machine.mask(width);
    m.setFlags(STATUS, zsp(res, width), AF);
    return res;
  }

  /** INC: like ADD 1 but CF is unchanged. */
  public static long inc(Machine m, long a, int width) {
    long cf = m.rflags & CF;
    long undefinedCf = m.undefinedFlags & CF;
    long res = add(m, a, 1, width);
    m.setFlags(CF, cf, undefinedCf);
    return res;
  }

  /** DEC: like SUB 1 but CF is unchanged. */
  public static long dec(Machine m, long a, int width) {
    long cf = m.rflags & CF;
    long undefinedCf = m.undefinedFlags & CF;
    long res = sub(m, a, 1, width);
    m.setFlags(CF, cf, undefinedCf);
    return res;
  }

  /** NEG: {@code 0 − a}; CF = (a ≠ 0). */
  public static long neg(Machine m, long a, int width) {
    return sub(m, 0, a, width);
  }

  /** SHL/SAL by {@code count} (masked to 5 or 6 bits); a zero count changes no flag. */
  public static long shl(Machine m, long a, long count, int width) {
    int c = (int) (count & (width == 64 ? 63 : 31));
    long mask = Machine.mask(width);
    a &= mask;
    if (c == 0) {
      return a;
    }
    long res = c >= width ? 0 : (a << c) & mask;
    boolean cf = c <= width && ((a >>> (width - c)) & 1) != 0;
    long f = zsp(res, width) | (cf ? CF : 0);
    long undefined = AF;
    if (c == 1) {
      f |= (((res & sign(width)) != 0) != cf) ? OF : 0;
    } else {
      undefined |= OF;
    }
    if (c > width) {
      undefined |= CF;
    }
    m.setFlags(STATUS, f, undefined);
    return res;
  }

  /** SHR (logical) by {@code count}. */
  public static long shr(Machine m, long a, long count, int width) {
    int c = (int) (count & (width == 64 ? 63 : 31));
    long mask = Machine.mask(width);
    a &= mask;
    if (c == 0) {
      return a;
    }
    long res = c >= width ? 0 : a >>> c;
    boolean cf = c <= width && ((a >>> (c - 1)) & 1) != 0;
    long f = zsp(res, width) | (cf ? CF : 0);
    long undefined = AF;
    if (c == 1) {
      f |= (a & sign(width)) != 0 ? OF : 0;
    } else {
      undefined |= OF;
    }
    if (c > width) {
      undefined |= CF;
    }
    m.setFlags(STATUS, f, undefined);
    return res;
  }

  /** SAR (arithmetic) by {@code count}. */
  public static long sar(Machine m, long a, long count, int width) {
    int c = (int) (count & (width == 64 ? 63 : 31));
    long mask = Machine.mask(width);
    a &= mask;
    if (c == 0) {
      return a;
    }
    long signed = (a << (64 - width)) >> (64 - width);
    long res = (signed >> Math.min(c, 63)) & mask;
    boolean cf = ((signed >> Math.min(c - 1, 63)) & 1) != 0;
    long f = zsp(res, width) | (cf ? CF : 0);
    long undefined = AF | (c == 1 ? 0 : OF);
    m.setFlags(STATUS, f, undefined);
    return res;
  }

  /** Sign-extends the low {@code width} bits of {@code v} to 64 bits. */
  public static long signExtend(long v, int width) {
    return width == 64 ? v : (v << (64 - width)) >> (64 - width);
  }
}
