package dev.rtproof.emulator;

/**
 * A Java model of a routine the DSL does not define, bound to its symbol with {@link Emulator#bind}.
 * It is called with the machine as the CALL left it (the return address at {@code 0(SP)}); when it
 * returns, the emulator executes a RET.
 */
@FunctionalInterface
public interface External {
  void call(Machine m, Emulator emulator);
}
