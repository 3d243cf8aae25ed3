package dev.rtproof.verifier.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every claim the interval bounds settle is valid: Z3 finds no counterexample to any of them. */
class IntervalsTest {
  private static final int CASES = 3000;

  @Test
  void everySettledClaimIsValid() {
    Random random = new Random(20261122);
    int settled = 0;
    try (Context ctx = new Context()) {
      Smt smt = new Smt(ctx);
      for (int i = 0; i < CASES; i++) {
        Intervals bounds = new Intervals();
        BitVecExpr t = term(smt, random, 4);
        BitVecExpr c = smt.bv(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1 << random.nextInt(20)));
        BoolExpr claim = switch (random.nextInt(4)) {
          case 0 -> ctx.mkBVULE(t, c);
          case 1 -> ctx.mkBVULT(t, c);
          case 2 -> ctx.mkBVUGE(c, t);
          default -> ctx.mkBVUGT(c, t);
        };
        if (bounds.valid(claim)) {
          settled++;
          Solver s = ctx.mkSolver();
          s.add(ctx.mkNot(claim));
          assertEquals(Status.UNSATISFIABLE, s.check(), () -> "settled but refutable: " + claim);
        }
      }
    }
    assertTrue(settled > CASES / 10, "the bounds settle a fair share of the claims: " + settled);
  }

  /** A random term of the forms the bounds know (and one they do not), {@code depth} deep at most. */
  private static BitVecExpr term(Smt smt, Random random, int depth) {
    Context ctx = smt.ctx;
    if (depth == 0) {
      return random.nextBoolean() ? smt.var("v" + random.nextInt(3)) : smt.bv(random.nextInt(1 << random.nextInt(16)));
    }
    BitVecExpr a = term(smt, random, depth - 1);
    return switch (random.nextInt(8)) {
      case 0 -> (BitVecExpr) ctx.mkITE(ctx.mkBoolConst("c" + random.nextInt(3)), a, term(smt, random, depth - 1));
      case 1 -> ctx.mkBVAdd(a, term(smt, random, depth - 1));
      case 2 -> ctx.mkBVAND(a, smt.bv(random.nextInt(1 << random.nextInt(20))));
      case 3 -> ctx.mkZeroExt(32, ctx.mkExtract(31, 0, a));
      case 4 -> ctx.mkConcat(smt.bv(random.nextInt(3), 32), ctx.mkExtract(31, 0, a));
      case 5 -> ctx.mkBVXOR(a, random.nextBoolean() ? a : term(smt, random, depth - 1));
      case 6 -> ctx.mkBVMul(a, smt.bv(3));
      default -> a;
    };
  }
}
