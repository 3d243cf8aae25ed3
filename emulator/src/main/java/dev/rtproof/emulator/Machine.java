package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Reg;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one emulated thread: sixteen 64-bit registers with x86-64's sub-register rules, RFLAGS
 * (with a mask of flags whose value the last instruction left architecturally undefined), the FS and GS
 * bases, memory, the step budget, and what the thread wrote to file descriptors.
 */
public final class Machine {
  /** General-purpose registers by hardware number (AX = 0 … R15 = 15). */
  public final long[] r = new long[16];
  /** RFLAGS. */
  public long rflags = Flags.INITIAL;
  /** Status flags whose value is undefined after the instruction that last wrote them (Intel SDM). */
  public long undefinedFlags;
  public long fsBase;
  public long gsBase;
  public final Memory memory;

  long steps;
  long stepLimit = 1_000_000_000L;
  // Set by the executors: where the executing instruction is, for traps and traces.
  String routine = "";
  int index = -1;
  private final Map<Long, ByteArrayOutputStream> output = new TreeMap<>();

  public Machine(Memory memory) {
    this.memory = memory;
  }

  // ---- registers ----------------------------------------------------------------------------------

  public long get(Reg reg) {
    return r[reg.number()];
  }

  public void set(Reg reg, long value) {
    r[reg.number()] = value;
  }

  /** Reads {@code reg} at {@code width} bits, zero-extended (byte registers ignore the width). */
  public long get(Reg reg, int width) {
    return switch (reg.kind()) {
      case GPR -> r[reg.number()] & mask(width);
      case BYTE -> r[reg.number()] & 0xff;
      case HIGH_BYTE -> (r[reg.number()] >>> 8) & 0xff;
      case PSEUDO -> throw new MachineFault(Trap.Kind.UNSUPPORTED, "the TLS pseudo-register has no value", 0);
    };
  }

  /** Writes {@code reg} at {@code width} bits: 32-bit writes zero-extend, 8- and 16-bit writes merge. */
  public void set(Reg reg, int width, long value) {
    int n = reg.number();
    switch (reg.kind()) {
      case GPR -> r[n] = switch (width) {
        case 64 -> value;
        case 32 -> value & 0xffffffffL;
        case 16 -> (r[n] & ~0xffffL) | (value & 0xffffL);
        default -> (r[n] & ~0xffL) | (value & 0xffL);
      };
      case BYTE -> r[n] = (r[n] & ~0xffL) | (value & 0xffL);
      case HIGH_BYTE -> r[n] = (r[n] & ~0xff00L) | ((value & 0xffL) << 8);
      case PSEUDO -> throw new MachineFault(Trap.Kind.UNSUPPORTED, "the TLS pseudo-register cannot be written", 0);
    }
  }

  public static long mask(int width) {
    return width == 64 ? -1L : (1L << width) - 1;
  }

  // ---- flags ----------------------------------------------------------------------------------------

  public boolean cf() {
    return (rflags & Flags.CF) != 0;
  }

  public boolean pf() {
    return (rflags & Flags.PF) != 0;
  }

  public boolean zf() {
    return (rflags & Flags.ZF) != 0;
  }

  public boolean sf() {
    return (rflags & Flags.SF) != 0;
  }

  public boolean of() {
    return (rflags & Flags.OF) != 0;
  }

  public boolean df() {
    return (rflags & Flags.DF) != 0;
  }

  /** Replaces the bits in {@code which} by {@code values}; marks {@code undefined} of them undefined. */
  public void setFlags(long which, long values, long undefined) {
    rflags = (rflags & ~which) | (values & which);
    undefinedFlags = (undefinedFlags & ~which) | (undefined & which);
  }

  // ---- memory and stack -------------------------------------------------------------------------

  public long load(long address, int bytes) {
    return memory.read(address, bytes);
  }

  public void store(long address, int bytes, long value) {
    memory.write(address, bytes, value);
  }

  public long sp() {
    return r[Reg.SP.number()];
  }

  public void push(long value) {
    long sp = r[Reg.SP.number()] - 8;
    memory.write(sp, 8, value);
    r[Reg.SP.number()] = sp;
  }

  public long pop() {
    long sp = r[Reg.SP.number()];
    long v = memory.read(sp, 8);
    r[Reg.SP.number()] = sp + 8;
    return v;
  }

  // ---- execution budget ----------------------------------------------------------------------------

  /** Counts one executed instruction; traps when the step limit is reached. */
  public void tick() {
    if (++steps > stepLimit) {
      throw new MachineFault(Trap.Kind.STEP_LIMIT, "step limit of " + stepLimit + " instructions reached", 0);
    }
  }

  /** Instructions executed so far, over all runs on this machine. */
  public long steps() {
    return steps;
  }

  /** The number of instructions after which the next one traps with {@link Trap.Kind#STEP_LIMIT}. */
  public long stepLimit() {
    return stepLimit;
  }

  public void stepLimit(long limit) {
    this.stepLimit = limit;
  }

  // ---- the operating system's view ------------------------------------------------------------------

  /** The bytes the thread wrote to file descriptor {@code fd} with the write syscall. */
  public byte[] output(long fd) {
    ByteArrayOutputStream b = output.get(fd);
    return b == null ? new byte[0] : b.toByteArray();
  }

  void write(long fd, int b) {
    output.computeIfAbsent(fd, k -> new ByteArrayOutputStream()).write(b);
  }

  /** Copies registers, flags and segment bases (not memory) from {@code other}. */
  public void copyRegisters(Machine other) {
    System.arraycopy(other.r, 0, r, 0, 16);
    rflags = other.rflags;
    undefinedFlags = other.undefinedFlags;
    fsBase = other.fsBase;
    gsBase = other.gsBase;
  }
}
