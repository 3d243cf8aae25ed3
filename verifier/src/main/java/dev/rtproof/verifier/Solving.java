package dev.rtproof.verifier;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Solver;
import dev.rtproof.verifier.symbolic.Z3Calls;

/** Solver calls under a deadline, with the placement constraints asserted once; counts its calls. */
final class Solving {
  enum Answer { SAT, UNSAT, UNKNOWN }

  private final Context ctx;
  private final Solver solver;
  private long deadline;
  private String reason = "";
  private Model model;
  private int calls;

  Solving(Context ctx, BoolExpr constraints, long deadline) {
    this.ctx = ctx;
    this.solver = ctx.mkSolver();
    this.solver.add(constraints);
    this.deadline = deadline;
  }

  /** Later checks stop at {@code deadline} (System.nanoTime). */
  void until(long deadline) {
    this.deadline = deadline;
  }

  Answer check(BoolExpr... assertions) {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      reason = "timeout: the time budget ran out";
      return Answer.UNKNOWN;
    }
    calls++;
    Z3Calls.counted();
    solver.setParameters(Z3Calls.params(ctx, left));
    solver.push();
    try {
      solver.add(assertions);
      return switch (solver.check()) {
        case SATISFIABLE -> {
          model = solver.getModel();
          yield Answer.SAT;
        }
        case UNSATISFIABLE -> Answer.UNSAT;
        default -> {
          String why = solver.getReasonUnknown();
          reason = why.contains("timeout") || why.contains("canceled") ? "timeout: Z3 gave up (" + why + ")"
              : "Z3 answered unknown (" + why + ")";
          yield Answer.UNKNOWN;
        }
      };
    } finally {
      solver.pop();
    }
  }

  /** The model of the last SAT answer. */
  Model model() {
    return model;
  }

  String reason() {
    return reason;
  }

  /** How many times Z3 was asked. */
  int calls() {
    return calls;
  }
}
