package dev.rtproof.emulator;

/**
 * Sees every instruction before it executes: the machine, the routine and the index of the instruction in
 * its lowered code. Set with {@link Emulator#observe}; used to replay counterexamples and check a property
 * at one instruction.
 */
@FunctionalInterface
public interface StepObserver {
  void before(Machine m, String routine, int index);
}
