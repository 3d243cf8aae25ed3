package dev.rtproof.emulator.conformance;

/**
 * Registers (by hardware number), RFLAGS and the scratch buffer: what the native harness reads in and
 * writes out for each case, in the binary layout the Go side uses (little-endian words, then bytes).
 * Out of the CPU, SP's slot holds SP where the body started.
 */
record NativeState(long[] registers, long rflags, byte[] scratch) {
  static final int BYTES = 16 * 8 + 8 + 256;

  long bodySp() {
    return registers[4];
  }
}
