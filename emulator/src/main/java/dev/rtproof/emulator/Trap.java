package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.SourcePos;

/**
 * Why a run stopped before returning to its caller. A result, never an exception: every fault of the
 * emulated program ends the run with one of these.
 *
 * @param kind what happened
 * @param message a one-line description naming the address, symbol or syscall involved
 * @param address the faulting data address, jump target, syscall number or trap operand (0 when none)
 * @param access for {@link Kind#FAULT}, whether the instruction read or wrote; else null
 * @param width for {@link Kind#FAULT}, the access width in bytes; else 0
 * @param routine the routine executing, or "" outside any routine
 * @param index the index of the executing instruction in the routine's lowered code, or -1
 * @param instruction that instruction in Go syntax, or "" when none
 * @param pos the source position of that instruction
 */
public record Trap(Kind kind, String message, long address, Memory.Access access, int width, String routine,
    int index, String instruction, SourcePos pos) {

  /** Kinds of trap. */
  public enum Kind {
    /** A data access outside every mapped region. */
    FAULT,
    /** {@code INT $n}. */
    INT,
    /** {@code UNDEF} (ud2). */
    UNDEF,
    /** A call to {@code runtime·abort} with no routine or handler bound to it. */
    ABORT,
    /** A call or jump to a symbol with no routine or handler bound. */
    UNBOUND_SYMBOL,
    /** A jump, call or return to an address that is not code. */
    BAD_JUMP,
    /** A syscall the Linux model does not implement. */
    UNKNOWN_SYSCALL,
    /** An instruction the emulator does not execute. */
    UNSUPPORTED,
    /** The step limit was reached. */
    STEP_LIMIT,
    /** A bound {@link External} ended the run with {@link ExternalCall#trap}. */
    EXTERNAL
  }

  @Override
  public String toString() {
    String where = routine.isEmpty() ? "" : " in " + routine + (pos.isKnown() ? " at " + pos : "")
        + (instruction.isEmpty() ? "" : " (" + instruction + ")");
    return kind + ": " + message + where;
  }

  static String hex(long v) {
    return Hex.of(v);
  }
}
