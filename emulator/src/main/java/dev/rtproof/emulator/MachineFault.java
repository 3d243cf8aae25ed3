package dev.rtproof.emulator;

/**
 * Unwinds an executor to the run loop when the emulated program traps. Never escapes the emulator:
 * {@link Emulator#run} turns it into a {@link Trap} result. Stackless, because it is control flow.
 */
final class MachineFault extends RuntimeException {
  final Trap.Kind kind;
  final long address;

  MachineFault(Trap.Kind kind, String message, long address) {
    super(message, null, false, false);
    this.kind = kind;
    this.address = address;
  }
}
