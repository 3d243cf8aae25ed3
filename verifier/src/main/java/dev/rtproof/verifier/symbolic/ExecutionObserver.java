package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Instr;

/**
 * What a property check sees of a symbolic execution. Each event carries the state on the path where
 * it happens; {@link SymState#depth()} tells whether it happens in the routine itself (0) or in a callee
 * inlined into it.
 */
public interface ExecutionObserver {
  /** Execution starts: the entry of the routine. */
  default void entry(SymState s) {}

  /** An instruction is about to execute (after the events of its kind that come before it). */
  default void instruction(SymState s, Instr in) {}

  /** The routine's body is entered: the instruction {@link #bodyEntryIndex} names is about to execute. */
  default void bodyEntry(SymState s) {}

  /** Where the body of the routine starts: the first instruction after its stack check (0 without one). */
  default int bodyEntryIndex(dev.rtproof.dsl.ir.Lowered code) {
    return code.bodyStart();
  }

  /**
   * A data access of {@code bytes} at {@code address}, before it happens; {@code mapped} is when it lies
   * in mapped memory (otherwise the access faults and the path ends there).
   */
  default void memoryAccess(SymState s, BitVecExpr address, int bytes, boolean write, BoolExpr mapped, Instr in) {}

  /** An access through {@code g(r)} / {@code off(r)(TLS*1)} at {@code address}, before it happens. */
  default void tlsAccess(SymState s, BitVecExpr address, Instr in) {}

  /** A CALL, before it pushes: to {@code symbol} (null when indirect) at {@code target}. */
  default void call(SymState s, String symbol, BitVecExpr target, Instr in) {}

  /** A JMP out of the routine (a tail call), before it happens: to {@code symbol} (null when indirect). */
  default void tailJump(SymState s, String symbol, BitVecExpr target, Instr in) {}

  /** A SYSCALL, before it happens. */
  default void syscall(SymState s, Instr in) {}

  /** An exit of the routine itself (depth 0): a RET or tail JMP, before it executes. */
  default void exit(SymState s, Instr in) {}

  /** Control may go where there is no code, when {@code when} holds (a corrupted return address, …). */
  default void badJump(SymState s, BoolExpr when, String what, Instr in) {}

  /** An {@code ASSERT} of the routine itself is reached, before the instruction it precedes. */
  default void assertion(SymState s, Assertion a, Instr in) {}
}
