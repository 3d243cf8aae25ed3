package dev.rtproof.emulator.conformance;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.Region;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;

/** Compares the emulator's final state of a case with the CPU's. */
final class Conformance {
  private Conformance() {}

  /** The flags compared: the six status flags and DF, minus those the emulator marks undefined. */
  static final long COMPARED = Flags.STATUS | Flags.DF;

  /**
   * The emulator's run of {@code c} (interpreted) from the case's initial state, on a stack mapped where
   * the CPU's was ({@code bodySp}), so that SP has the same value in both.
   */
  static RunResult emulate(RandomCase c, long bodySp) {
    Emulator e = c.interpreter();
    long page = bodySp & -Region.PAGE_SIZE;
    e.region("the cpu's stack", page - Region.PAGE_SIZE, 2L * Region.PAGE_SIZE);
    Machine m = c.machine(e);
    m.set(Reg.SP, bodySp + 8); // the run pushes its return address first
    m.stepLimit(100_000);
    return e.run(m, c.entry().symbol());
  }

  /** How the CPU's state differs from the emulator's, or null when they agree. */
  static String mismatch(RandomCase c, RunResult emulated, NativeState cpu) {
    if (!emulated.returned()) {
      return "the emulator did not return: " + emulated.trap();
    }
    Machine m = emulated.machine();
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < 16; r++) {
      if (r == Reg.SP.number() || r == RandomPrograms.BASE.number()) {
        continue;
      }
      if (m.r[r] != cpu.registers()[r]) {
        sb.append(Reg.gpr(r)).append(": emulator 0x").append(Long.toHexString(m.r[r])).append(", cpu 0x")
            .append(Long.toHexString(cpu.registers()[r])).append('\n');
      }
    }
    long compared = COMPARED & ~m.undefinedFlags;
    if (((m.rflags ^ cpu.rflags()) & compared) != 0) {
      sb.append("flags: emulator ").append(Flags.format(m.rflags & compared, 0)).append(", cpu ")
          .append(Flags.format(cpu.rflags() & compared, 0)).append(" (undefined: ")
          .append(Flags.format(0, m.undefinedFlags)).append(")\n");
    }
    long base = emulated.machine().get(RandomPrograms.BASE);
    for (int i = 0; i < RandomPrograms.SCRATCH_SIZE; i++) {
      long e = m.load(base + i, 1);
      long n = cpu.scratch()[i] & 0xff;
      if (e != n) {
        sb.append("scratch+").append(i).append(": emulator 0x").append(Long.toHexString(e)).append(", cpu 0x")
            .append(Long.toHexString(n)).append('\n');
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
