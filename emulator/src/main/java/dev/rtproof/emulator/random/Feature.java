package dev.rtproof.emulator.random;

import java.util.EnumSet;
import java.util.Set;

/** What random programs may contain besides register data operations, which they always contain. */
public enum Feature {
  /** Loads and stores on the scratch buffer: {@code off(R15)}, {@code off(R15)(R13*s)}, {@code ·scratch+off(SB)}. */
  MEMORY,
  /** PUSHQ/POPQ (registers, immediates, memory), reads and writes of pushed words at {@code off(SP)}, ADJSP. */
  STACK,
  /** Forward conditional jumps (all sixteen conditions) and forward JMPs to labels. */
  BRANCHES,
  /** Counted loops on R12 closed by a conditional jump back. */
  LOOPS,
  /** CLD and STD. */
  DIRECTION,
  /** NOP, PAUSE, {@code BYTE $0x90}, and LOCK before read-modify-write instructions. */
  HINTS,
  /** PCALIGN, which Go 1.19's amd64 assembler rejects: emulator only. */
  PCALIGN,
  /** Symbol operands with an index register, which Go 1.19 rejects: emulator only. */
  SYMBOL_INDEX,
  /** Addresses as data ({@code $·scratch(SB)}, LEAQ of the buffer): they differ between machines. */
  ADDRESSES,
  /** {@code get_tls(r)} and {@code g(r)} operands, with FS based in the scratch buffer. */
  TLS,
  /** SYSCALL: gettid, arch_prctl SET_FS/GET_FS (also refused with -EPERM), write, and rarely exit_group. */
  SYSCALLS,
  /** CPUID and XGETBV from the emulator's model. */
  CPUID,
  /** At most one trap per program: INT $3, UNDEF, an unmapped store, an unknown syscall, runtime·abort. */
  TRAPS,
  /** A helper routine called with CALL (direct and through a register) or reached by a tail JMP. */
  CALLS;

  /** What the CPU-conformance harness can run natively and compare: no addresses, no OS, no traps. */
  public static Set<Feature> cpu() {
    return EnumSet.of(MEMORY, STACK, BRANCHES, LOOPS, DIRECTION, HINTS);
  }

  /** Everything the emulator executes. */
  public static Set<Feature> all() {
    return EnumSet.allOf(Feature.class);
  }
}
