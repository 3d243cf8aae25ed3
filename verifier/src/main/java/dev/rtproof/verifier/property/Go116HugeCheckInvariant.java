package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.ir.SplitPrologue;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Smt;

/**
 * What Go ≤ 1.16's huge-frame stack check relies on: stackguard0 is StackPreempt or at most
 * {@code SP + StackGuard}. Its {@code LEAQ StackGuard(SP), AX; SUBQ SI, AX} wraps around for a guard above
 * that (seed 000's counterexample), and poison values other than StackPreempt pass it; the runtime keeps the
 * invariant, so proofs of the check as the assembler inserts it assume it and say so. Go 1.17 replaced the
 * check.
 */
public final class Go116HugeCheckInvariant {
  private Go116HugeCheckInvariant() {}

  /** Constrains {@code guard} (stackguard0 at entry) against the entry SP, with the sentence the report lists. */
  public static void assume(Environment env, BitVecExpr guard, long stackGuard) {
    Smt smt = env.smt;
    env.constrain(smt.any(smt.eq(guard, smt.bv(SplitPrologue.STACK_PREEMPT)),
        smt.ule(guard, smt.addConstant(env.sp0, stackGuard))),
        "stackguard0 is StackPreempt or at most SP + StackGuard (" + stackGuard + "): the invariant the Go <= 1.16"
            + " huge-frame check relies on (other poison values pass it; Go 1.17 replaced it)");
  }
}
