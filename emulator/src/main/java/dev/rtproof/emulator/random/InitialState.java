package dev.rtproof.emulator.random;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Machine;
import java.util.Arrays;

/**
 * The state a random program starts from: every register but SP and the buffer base, the status flags,
 * and the scratch buffer's bytes. {@link #apply} puts it on a machine, with the base register pointing
 * at the buffer and, for programs with TLS operands, FS based inside it.
 *
 * @param registers by hardware number; the entries of SP and {@link RandomPrograms#BASE} are ignored
 * @param statusFlags the values of CF PF AF ZF SF OF (other bits ignored; DF starts clear)
 * @param scratch the buffer's initial bytes, {@link RandomPrograms#SCRATCH_SIZE} of them
 */
public record InitialState(long[] registers, long statusFlags, byte[] scratch) {
  /** Where FS points when a program uses TLS operands: {@code 0(r)(TLS*1)} is {@code -8(FS)}, at scratch+128. */
  public static final int FS_OFFSET = 136;

  public InitialState {
    registers = registers.clone();
    scratch = scratch.clone();
    if (registers.length != 16 || scratch.length != RandomPrograms.SCRATCH_SIZE) {
      throw new IllegalArgumentException("16 registers and " + RandomPrograms.SCRATCH_SIZE + " scratch bytes");
    }
  }

  @Override
  public long[] registers() {
    return registers.clone();
  }

  @Override
  public byte[] scratch() {
    return scratch.clone();
  }

  /** Sets registers, flags, FS and the buffer of {@code m}, whose buffer is at {@code scratchAddress}. */
  public void apply(Machine m, long scratchAddress) {
    for (int i = 0; i < 16; i++) {
      if (i != Reg.SP.number()) {
        m.r[i] = registers[i];
      }
    }
    m.set(RandomPrograms.BASE, scratchAddress);
    m.rflags = Flags.INITIAL | (statusFlags & Flags.STATUS);
    m.undefinedFlags = 0;
    m.fsBase = scratchAddress + FS_OFFSET;
    for (int i = 0; i < scratch.length; i++) {
      m.store(scratchAddress + i, 1, scratch[i]);
    }
  }

  /** A copy with register {@code number} set to {@code value}. */
  public InitialState withRegister(int number, long value) {
    long[] r = registers.clone();
    r[number] = value;
    return new InitialState(r, statusFlags, scratch);
  }

  /** A copy with the buffer zeroed. */
  public InitialState withZeroScratch() {
    return new InitialState(registers, statusFlags, new byte[scratch.length]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InitialState s && Arrays.equals(registers, s.registers) && statusFlags == s.statusFlags
        && Arrays.equals(scratch, s.scratch);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(registers) * 31 + Long.hashCode(statusFlags) + Arrays.hashCode(scratch);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i != Reg.SP.number() && i != RandomPrograms.BASE.number()) {
        sb.append(Reg.gpr(i)).append("=0x").append(Long.toHexString(registers[i])).append(' ');
      }
    }
    sb.append("flags=").append(Flags.format(statusFlags & Flags.STATUS, 0)).append(" scratch=");
    for (byte b : scratch) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
