package dev.rtproof.emulator.random;

import static dev.rtproof.dsl.ir.Reg.AH;
import static dev.rtproof.dsl.ir.Reg.AL;
import static dev.rtproof.dsl.ir.Reg.AX;
import static dev.rtproof.dsl.ir.Reg.BH;
import static dev.rtproof.dsl.ir.Reg.BL;
import static dev.rtproof.dsl.ir.Reg.BP;
import static dev.rtproof.dsl.ir.Reg.BPB;
import static dev.rtproof.dsl.ir.Reg.BX;
import static dev.rtproof.dsl.ir.Reg.CH;
import static dev.rtproof.dsl.ir.Reg.CL;
import static dev.rtproof.dsl.ir.Reg.CX;
import static dev.rtproof.dsl.ir.Reg.DH;
import static dev.rtproof.dsl.ir.Reg.DI;
import static dev.rtproof.dsl.ir.Reg.DIB;
import static dev.rtproof.dsl.ir.Reg.DL;
import static dev.rtproof.dsl.ir.Reg.DX;
import static dev.rtproof.dsl.ir.Reg.R10;
import static dev.rtproof.dsl.ir.Reg.R10B;
import static dev.rtproof.dsl.ir.Reg.R11;
import static dev.rtproof.dsl.ir.Reg.R11B;
import static dev.rtproof.dsl.ir.Reg.R14;
import static dev.rtproof.dsl.ir.Reg.R14B;
import static dev.rtproof.dsl.ir.Reg.R8;
import static dev.rtproof.dsl.ir.Reg.R8B;
import static dev.rtproof.dsl.ir.Reg.R9;
import static dev.rtproof.dsl.ir.Reg.R9B;
import static dev.rtproof.dsl.ir.Reg.SI;
import static dev.rtproof.dsl.ir.Reg.SIB;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import java.util.Set;
import java.util.SplittableRandom;

/** Random registers, immediates, values and memory operands for {@link RandomPrograms}. */
final class RandomOperands {
  /** Registers random code reads and writes freely. */
  static final Reg[] DATA = {AX, BX, CX, DX, SI, DI, BP, R8, R9, R10, R11, R14};
  /** Byte-register names of the data registers (AH…BH only where no REX prefix is needed). */
  private static final Reg[] BYTES = {AL, BL, CL, DL, SIB, DIB, BPB, R8B, R9B, R10B, R11B, R14B};
  private static final Reg[] HIGH = {AH, BH, CH, DH};
  private static final Reg[] LEGACY = {AX, BX, CX, DX, AL, BL, CL, DL, AH, BH, CH, DH};

  private static final long[] EDGES = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x7fffffffL, 0x80000000L, 0xffffffffL,
    0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 0x8000000000000001L, 0x00000000fffffffeL,
    0x5555555555555555L, 0xaaaaaaaaaaaaaaaaL
  };

  private final SplittableRandom rnd;
  private final Set<Feature> features;

  RandomOperands(SplittableRandom rnd, Set<Feature> features) {
    this.rnd = rnd;
    this.features = features;
  }

  boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  /** A number in {@code [0, bound)}. */
  int rnd(int bound) {
    return rnd.nextInt(bound);
  }

  int between(int lo, int hiInclusive) {
    return lo + rnd.nextInt(hiInclusive - lo + 1);
  }

  <T> T pick(T[] xs) {
    return xs[rnd.nextInt(xs.length)];
  }

  /** A 64-bit value: an edge case, a small number, a sign-extended byte, or any bits. */
  long value() {
    return switch (rnd.nextInt(5)) {
      case 0 -> pick(boxed(EDGES));
      case 1 -> rnd.nextInt(9) - 4;
      case 2 -> (byte) rnd.nextInt();
      case 3 -> rnd.nextInt();
      default -> rnd.nextLong();
    };
  }

  private static Long[] boxed(long[] xs) {
    Long[] out = new Long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  Reg dataReg() {
    return pick(DATA);
  }

  /**
   * A register operand of {@code width}: a data register, or at width 8 sometimes a byte-register name;
   * {@code legacyOnly} restricts to AX…DX and their byte names (for instructions with AH…DH).
   */
  Reg reg(int width, boolean legacyOnly) {
    if (legacyOnly) {
      Reg r = pick(LEGACY);
      return width == 8 || r.isGpr() ? r : reg(width, true);
    }
    if (width == 8 && chance(50)) {
      return pick(BYTES);
    }
    return dataReg();
  }

  /** A high-byte register AH…DH. */
  Reg high() {
    return pick(HIGH);
  }

  /** An immediate for an operation of {@code width} bits; 64-bit immediates fit 32 bits signed, as encoded. */
  Imm imm(int width) {
    long v = value();
    return switch (width) {
      case 8 -> new Imm(chance(50) ? v & 0xff : (byte) v);
      case 16 -> new Imm(v & 0xffff);
      case 32 -> new Imm(chance(50) ? v & 0xffffffffL : (int) v);
      default -> new Imm((int) v);
    };
  }

  /** A shift count: mostly the interesting ones (0, 1, width − 1, width, above), sometimes any byte. */
  Imm shiftCount(int width) {
    int[] edges = {0, 1, 2, width - 1, width, width + 1, 31, 32, 33, 63, 64, 65};
    return new Imm(chance(80) ? edges[rnd.nextInt(edges.length)] : rnd.nextInt(256));
  }

  /** A memory operand of {@code bytes} bytes inside the scratch buffer. */
  Mem scratch(int bytes) {
    int room = RandomPrograms.SCRATCH_SIZE - bytes;
    int kind = rnd.nextInt(features.contains(Feature.SYMBOL_INDEX) ? 4 : 3);
    if (kind == 0) {
      return Mem.reg(rnd.nextInt(room + 1), RandomPrograms.BASE);
    }
    if (kind == 1) {
      return Mem.symbol(RandomPrograms.SCRATCH, rnd.nextInt(room + 1));
    }
    int scale = 1 << rnd.nextInt(4);
    int disp = rnd.nextInt(room - 7 * scale + 1);
    if (kind == 2) {
      return Mem.indexed(disp, RandomPrograms.BASE, RandomPrograms.INDEX, scale);
    }
    return new Mem(Mem.Kind.SYMBOL, null, RandomPrograms.INDEX, scale, disp, RandomPrograms.SCRATCH);
  }

  /** An operand of {@code width} to read: register, immediate or (when allowed) memory. */
  Operand source(int width, boolean memory) {
    int k = rnd.nextInt(memory ? 3 : 2);
    return k == 0 ? reg(width, false) : k == 1 ? imm(width) : scratch(width / 8);
  }

  /** True when an operand needs a REX prefix at {@code width}, which rules out AH…DH in the same instruction. */
  static boolean needsRex(Operand o, int width) {
    if (o instanceof Reg r) {
      return switch (r.kind()) {
        case GPR -> r.number() >= 8 || (width == 8 && r.number() >= 4) || width == 64;
        case BYTE -> r.number() >= 4;
        default -> false;
      };
    }
    if (o instanceof Mem m) {
      return (m.base() != null && m.base().number() >= 8) || (m.index() != null && m.index().number() >= 8);
    }
    return false;
  }
}
