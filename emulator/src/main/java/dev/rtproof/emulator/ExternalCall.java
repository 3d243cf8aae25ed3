package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Reg;

/** What a bound {@link External} model sees of the call it handles, and how it answers. */
public final class ExternalCall {
  private final Machine m;
  private final Emulator emulator;
  private final String symbol;

  ExternalCall(Machine m, Emulator emulator, String symbol) {
    this.m = m;
    this.emulator = emulator;
    this.symbol = symbol;
  }

  /** The symbol that was called. */
  public String symbol() {
    return symbol;
  }

  /** The whole machine, for models that need more than the accessors below. */
  public Machine machine() {
    return m;
  }

  public Emulator emulator() {
    return emulator;
  }

  public long register(Reg r) {
    return m.get(r);
  }

  public void register(Reg r, long value) {
    m.set(r, value);
  }

  /** The 8-byte ABI0 argument {@code name+offset(FP)}: the word at {@code SP + 8 + offset} on entry. */
  public long arg(int offset) {
    return arg(offset, 8);
  }

  /** The ABI0 argument of {@code bytes} (1, 2, 4 or 8) at {@code name+offset(FP)}, zero-extended. */
  public long arg(int offset, int bytes) {
    return m.load(m.sp() + 8 + offset, bytes);
  }

  /** Writes the 8-byte ABI0 result {@code ret+offset(FP)} (offsets count from the first argument). */
  public void result(int offset, long value) {
    result(offset, 8, value);
  }

  /** Writes the low {@code bytes} of {@code value} as the ABI0 result at {@code ret+offset(FP)}. */
  public void result(int offset, int bytes, long value) {
    m.store(m.sp() + 8 + offset, bytes, value);
  }

  /** Reads memory; an unmapped address ends the run with a fault, as the instruction would. */
  public long load(long address, int bytes) {
    return m.load(address, bytes);
  }

  public void store(long address, int bytes, long value) {
    m.store(address, bytes, value);
  }

  /** The address of a code or data symbol of the program. */
  public long symbol(String name) {
    return emulator.layout().address(name);
  }

  /** Ends the run as {@code exit_group(status)} would. Does not return. */
  public RuntimeException exit(long status) {
    throw new ProgramExit(status & 0xff);
  }

  /** Ends the run with a trap of kind {@link Trap.Kind#EXTERNAL} and {@code message}. Does not return. */
  public RuntimeException trap(String message) {
    throw new MachineFault(Trap.Kind.EXTERNAL, symbol + ": " + message, 0);
  }
}
