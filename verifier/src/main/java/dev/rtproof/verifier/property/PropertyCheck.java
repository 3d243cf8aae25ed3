package dev.rtproof.verifier.property;

import dev.rtproof.verifier.symbolic.ExecutionObserver;

/**
 * One property of the architecture table, as an observer of a symbolic execution: it records
 * obligations where the property makes a claim and triggers where the property applies, through its
 * {@link CheckContext}. The verifier turns those into a verdict.
 */
public interface PropertyCheck extends ExecutionObserver {
  /** What reaching the trigger means, for VACUOUS messages: "the CALL to runtime·settls". */
  String trigger();
}
