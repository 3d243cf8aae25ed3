package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.replay.Violation;
import java.util.Map;

/**
 * A claim a property makes at one point of one path: {@code path ⇒ claim} must be valid. When it is
 * not, {@code witnesses} are the values a counterexample reports ({@code SP at the CALL}, …) and
 * {@code violation} is what a replay of the counterexample must observe.
 */
public record Obligation(BoolExpr path, BoolExpr claim, SourcePos pos, String what, Map<String, BitVecExpr> witnesses,
    Violation violation) {}
