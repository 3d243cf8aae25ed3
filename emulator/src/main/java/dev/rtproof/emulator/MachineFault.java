package dev.rtproof.emulator;

/**
 * Unwinds an executor to the run loop when the emulated program traps. Never escapes the emulator:
 * {@link Emulator#run} turns it into a {@link Trap} result. Stackless, because it is control flow.
 */
public final class MachineFault extends RuntimeException {
  final Trap.Kind kind;
  final long address;
  final Memory.Access access;
  final int width;

  MachineFault(Trap.Kind kind, String message, long address) {
    this(kind, message, address, null, 0);
  }

  private MachineFault(Trap.Kind kind, String message, long address, Memory.Access access, int width) {
    super(message, null, false, false);
    this.kind = kind;
    this.address = address;
    this.access = access;
    this.width = width;
  }

  /** A data access outside every mapped region. */
  static MachineFault access(Memory.Access access, long address, int bytes, String message) {
    return new MachineFault(Trap.Kind.FAULT, message, address, access, bytes);
  }
}
