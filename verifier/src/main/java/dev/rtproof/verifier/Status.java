package dev.rtproof.verifier;

/** The verdict vocabulary (architecture.md, "Verdicts and reports"). */
public enum Status {
  /** Z3 found no counterexample, the trigger is reachable, and nothing was cut short or timed out. */
  PROVED,
  /** A counterexample exists. */
  VIOLATED,
  /** The property's trigger is unreachable under the requirements: the proof would say nothing. */
  VACUOUS,
  /** Undecided: timeout, solver unknown, loop bound, or something not modelled. */
  UNKNOWN,
  /** The property could not be checked at all (a bad expression, an inconsistency inside rtproof). */
  ERROR;

  /** True when a build should fail on this status by default. */
  public boolean fails() {
    return this == VIOLATED || this == VACUOUS || this == ERROR;
  }
}
