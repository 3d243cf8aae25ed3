package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers questions about one path during exploration: is a condition certainly true (or false) on it?
 * Used to resolve an address to a single region and to drop infeasible branches. A question it cannot
 * answer in time gets "don't know", and the executor then keeps both cases, which is always sound.
 *
 * <p>Paths only grow along an execution, and the same address is resolved again and again (every access
 * through a pointer, on every state after a fork): a condition proved on a path is remembered with that
 * path's conjuncts and holds without asking Z3 on any path that has all of them.
 */
public final class PathOracle {
  private static final int QUERY_MILLIS = 2_000;

  private final Environment env;
  private final Solver solver;
  private final long deadline;
  private int queries;
  /** By the id of a condition: the conjunct sets of the paths it was shown unsatisfiable on. */
  private final Map<Integer, List<Set<Integer>>> unsatisfiable = new HashMap<>();
  /**
   * The conditions {@link #unsatisfiable} holds ids of, kept alive: Z3 frees an AST whose Java object is
   * collected and may give its id to a new term, which would then pass for the proved one.
   */
  private final List<Expr<?>> remembered = new ArrayList<>();
  /** By address and width: where the last model put an access (a guess, checked before it is used). */
  private final Map<List<Integer>, Place> guesses = new HashMap<>();
  /** By the id of a condition: the literal that switches it on in {@link #solver}. */
  private final Map<Integer, BoolExpr> guards = new HashMap<>();

  public PathOracle(Environment env, long deadlineNanos) {
    this.env = env;
    this.solver = env.smt.ctx.mkSolver();
    this.solver.add(env.constraints());
    this.deadline = deadlineNanos;
  }

  /** TRUE when {@code path ⇒ c} is valid, FALSE when {@code path ⇒ ¬c} is, else null. */
  public Boolean decide(BoolExpr path, BoolExpr c) {
    BoolExpr s = (BoolExpr) c.simplify();
    if (s.isTrue()) {
      return true;
    }
    if (s.isFalse()) {
      return false;
    }
    if (unsat(path, env.smt.not(s))) {
      return true;
    }
    if (unsat(path, s)) {
      return false;
    }
    return null;
  }

  /** True when {@code path ⇒ c} is certainly valid (one query; false also when Z3 cannot tell in time). */
  public boolean implies(BoolExpr path, BoolExpr c) {
    BoolExpr s = (BoolExpr) c.simplify();
    return s.isTrue() || (!s.isFalse() && unsat(path, env.smt.not(s)));
  }

  /** True when {@code path ⇒ c} was shown on a path whose conjuncts {@code path} has: no query. */
  public boolean known(BoolExpr path, BoolExpr c) {
    BoolExpr s = (BoolExpr) c.simplify();
    return s.isTrue() || shown(env.smt.not(s), ids(conjuncts(path)));
  }

  /** True when {@code path ∧ c} is certainly unsatisfiable. */
  public boolean infeasible(BoolExpr path, BoolExpr c) {
    BoolExpr s = (BoolExpr) c.simplify();
    return s.isFalse() || (!s.isTrue() && unsat(path, s));
  }

  private boolean unsat(BoolExpr path, BoolExpr c) {
    List<Expr<?>> parts = conjuncts(path);
    Set<Integer> ids = ids(parts);
    if (shown(c, ids)) {
      return true;
    }
    List<Expr<?>> asked = new ArrayList<>(parts);
    asked.addAll(conjuncts(c));
    boolean unsat = ask(status -> status == Status.UNSATISFIABLE, false, asked);
    if (unsat) {
      unsatisfiable.computeIfAbsent(c.getId(), k -> new ArrayList<>()).add(ids);
      remembered.add(c);
    }
    return unsat;
  }

  /** True when {@code c} was shown unsatisfiable on a path whose conjuncts are among {@code ids}. */
  private boolean shown(BoolExpr c, Set<Integer> ids) {
    List<Set<Integer>> on = unsatisfiable.get(c.getId());
    return on != null && on.stream().anyMatch(ids::containsAll);
  }

  private static Set<Integer> ids(List<Expr<?>> parts) {
    Set<Integer> ids = new HashSet<>();
    parts.forEach(e -> ids.add(e.getId()));
    return ids;
  }

  /** {@code c}'s conjuncts, nested conjunctions flattened: a path with all of them implies {@code c}. */
  private static List<Expr<?>> conjuncts(BoolExpr c) {
    List<Expr<?>> out = new ArrayList<>();
    java.util.ArrayDeque<Expr<?>> todo = new java.util.ArrayDeque<>(List.of(c));
    while (!todo.isEmpty()) {
      Expr<?> e = todo.pop();
      if (e.isAnd()) {
        todo.addAll(List.of(e.getArgs()));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Where one model of a path puts an access: region {@code region}, at offset {@code offset} in it. */
  public record Place(int region, long offset) {}

  /**
   * Where {@code bytes} bytes at {@code address} lie on one model of {@code path} (a guess to prove), or null
   * when there is no model in time or it puts them in no region; unless {@code fresh}, the guess an earlier
   * access at the same address got, with no query.
   */
  public Place plausiblePlace(BoolExpr path, BitVecExpr address, int bytes, boolean fresh) {
    List<Integer> key = List.of(address.getId(), bytes);
    Place known = guesses.get(key);
    if (known != null && !fresh) {
      return known;
    }
    Place p = ask(status -> status == Status.SATISFIABLE ? place(solver.getModel(), address, bytes) : null, null,
        conjuncts(path));
    if (p != null) {
      guesses.put(key, p);
    }
    return p;
  }

  private Place place(Model m, BitVecExpr address, int bytes) {
    long a = Smt.value(m, address);
    List<Environment.Region> rs = env.regions();
    for (int i = 0; i < rs.size(); i++) {
      long offset = a - Smt.value(m, rs.get(i).start());
      if (rs.get(i).size() >= bytes && Long.compareUnsigned(offset, rs.get(i).size() - bytes) <= 0) {
        return new Place(i, offset);
      }
    }
    return null;
  }

  /**
   * One query: the conjunction of {@code conjuncts} on top of the placement constraints, each switched on by
   * its literal, answered by {@code answer} right after the check (a model can be read); {@code outOfTime}
   * when the budget is spent.
   */
  private <T> T ask(java.util.function.Function<Status, T> answer, T outOfTime, List<Expr<?>> conjuncts) {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      return outOfTime;
    }
    queries++;
    Z3Calls.counted();
    solver.setParameters(Z3Calls.params(env.smt.ctx, Math.min(left, QUERY_MILLIS)));
    BoolExpr[] literals = conjuncts.stream().map(c -> guard((BoolExpr) c)).toArray(BoolExpr[]::new);
    return answer.apply(solver.check(literals));
  }

  /**
   * The literal that switches {@code condition} on: asserted once as {@code literal ⇒ condition}, so that
   * the path conditions every query repeats stay in the solver, translated once, with what it learnt.
   */
  private BoolExpr guard(BoolExpr condition) {
    return guards.computeIfAbsent(condition.getId(), id -> {
      BoolExpr literal = env.smt.ctx.mkBoolConst("on!" + guards.size());
      solver.add(env.smt.implies(literal, condition));
      return literal;
    });
  }

  /** How many solver queries exploration made. */
  public int queries() {
    return queries;
  }
}
