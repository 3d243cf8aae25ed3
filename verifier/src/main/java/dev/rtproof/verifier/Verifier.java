package dev.rtproof.verifier;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Version;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.property.PropertyChecks;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.ExprTranslator;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.Obligation;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import dev.rtproof.verifier.symbolic.SymbolicExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Proves or refutes the properties a routine declares. Each property gets its own Z3 {@link Context}
 * (closed when done), a symbolic execution with that property's check, and a verdict that is never
 * stronger than the evidence: PROVED needs every obligation UNSAT, no unfinished path, a reachable
 * trigger, and all of it within the time budget.
 */
public final class Verifier {
  private final VerifyOptions options;

  public Verifier(VerifyOptions options) {
    this.options = options;
  }

  /** The Z3 version every verdict cites. */
  public static String z3Version() {
    return Version.getFullVersion();
  }

  /** Verifies every property {@code routine} declares. */
  public List<Verdict> verifyAll(Program program, Routine routine) {
    List<Verdict> out = new ArrayList<>();
    for (PropertySpec p : routine.properties()) {
      out.add(verify(program, routine, p));
    }
    return out;
  }

  /** Verifies one property of {@code routine}, which must belong to {@code program}. */
  public Verdict verify(Program program, Routine routine, PropertySpec spec) {
    long start = System.nanoTime();
    long budgetNanos = options.timeout().toNanos();
    List<String> assumptions = List.of();
    try (Context ctx = new Context()) {
      Smt smt = new Smt(ctx);
      Environment env = new Environment(smt, program);
      Names names = new Names(program.profile().constants(),
          program.symbols().all().stream().map(SymbolTable.Symbol::name).collect(Collectors.toSet()));
      SymState entry = SymbolicExecutor.initial(env, routine);
      BoolExpr requires = requirements(routine, names, env, entry);
      entry.path = requires;
      Findings findings = new Findings();
      PathOracle oracle = new PathOracle(env, start + budgetNanos);
      PropertyCheck check = PropertyChecks.create(new CheckContext(env, findings, spec, names, entry, oracle));
      new SymbolicExecutor(env, check, findings, options.unroll(), oracle).run(entry);
      assumptions = env.assumptions();

      Solving solving = new Solving(ctx, env.constraints(), start + budgetNanos);
      Solving.Answer sat = solving.check(requires);
      if (sat == Solving.Answer.UNSAT) {
        return verdict(routine, spec, Status.VACUOUS,
            "the requirements contradict each other or the assumptions; nothing is reachable", null, assumptions, start);
      }
      String unknown = sat == Solving.Answer.UNKNOWN ? solving.reason() : null;
      for (Obligation ob : findings.obligations) {
        Solving.Answer a = solving.check(ob.path(), smt.not(ob.claim()));
        if (a == Solving.Answer.SAT) {
          Counterexample cex = counterexample(solving.model(), ob, env, entry);
          return new Verdict(routine.symbol(), spec.name(), spec.label(), Status.VIOLATED,
              ob.what() + " (" + ob.pos() + "): " + cex.summary(), ob.pos(), cex, assumptions, z3Version(),
              millis(start));
        }
        if (a == Solving.Answer.UNKNOWN && unknown == null) {
          unknown = solving.reason() + " deciding \"" + ob.what() + "\" at " + ob.pos();
        }
      }
      for (Findings.Incomplete inc : findings.incomplete) {
        Solving.Answer a = solving.check(inc.path());
        if (a != Solving.Answer.UNSAT && unknown == null) {
          unknown = inc.reason();
        }
      }
      if (unknown != null) {
        return verdict(routine, spec, Status.UNKNOWN, unknown, null, assumptions, start);
      }
      Solving.Answer reached = solving.check(smt.any(findings.triggers.toArray(new BoolExpr[0])));
      if (reached == Solving.Answer.UNKNOWN) {
        return verdict(routine, spec, Status.UNKNOWN, solving.reason() + " deciding whether " + check.trigger()
            + " is reachable", null, assumptions, start);
      }
      if (reached == Solving.Answer.UNSAT) {
        return verdict(routine, spec, Status.VACUOUS, check.trigger() + " is never reached under the requirements",
            null, assumptions, start);
      }
      if (System.nanoTime() - start > budgetNanos) {
        return verdict(routine, spec, Status.UNKNOWN, "timeout: proved only after the " + options.timeout().toMillis()
            + " ms budget ran out", null, assumptions, start);
      }
      return verdict(routine, spec, Status.PROVED, "", null, assumptions, start);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return verdict(routine, spec, Status.ERROR, e.getMessage(), null, assumptions, start);
    }
  }

  private static BoolExpr requirements(Routine routine, Names names, Environment env, SymState entry) {
    List<BoolExpr> parts = new ArrayList<>();
    for (Condition c : routine.requires()) {
      try {
        parts.add(new ExprTranslator(env, entry, entry, null).condition(ExprParser.parseCondition(c.expression(), names)));
      } catch (ExprException e) {
        throw new IllegalArgumentException("@Requires(\"" + c.expression() + "\"): " + e.getMessage(), e);
      }
    }
    return env.smt.all(parts.toArray(new BoolExpr[0]));
  }

  private static Counterexample counterexample(Model model, Obligation ob, Environment env, SymState entry) {
    Map<String, Long> regs = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      regs.put(Reg.gpr(i).name(), Smt.value(model, entry.regs[i]));
    }
    Map<String, Long> symbols = new LinkedHashMap<>();
    env.dataBases().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> symbols.put(e.getKey(), Smt.value(model, e.getValue())));
    Map<String, Long> witnesses = new LinkedHashMap<>();
    ob.witnesses().forEach((k, v) -> witnesses.put(k, Smt.value(model, v)));
    return new Counterexample(ob.what(), ob.pos(), regs, Smt.value(model, entry.fs), Smt.value(model, entry.gs),
        symbols, witnesses);
  }

  private Verdict verdict(Routine r, PropertySpec spec, Status status, String message,
      Counterexample cex, List<String> assumptions, long start) {
    return new Verdict(r.symbol(), spec.name(), spec.label(), status, message, spec.pos(), cex, assumptions,
        z3Version(), millis(start));
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Solver calls under one deadline, with the placement constraints asserted once. */
  private static final class Solving {
    enum Answer { SAT, UNSAT, UNKNOWN }

    private final Context ctx;
    private final Solver solver;
    private final long deadline;
    private String reason = "";
    private Model model;

    Solving(Context ctx, BoolExpr constraints, long deadline) {
      this.ctx = ctx;
      this.solver = ctx.mkSolver();
      this.solver.add(constraints);
      this.deadline = deadline;
    }

    Answer check(BoolExpr... assertions) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        reason = "timeout: the time budget ran out";
        return Answer.UNKNOWN;
      }
      Params p = ctx.mkParams();
      p.add("timeout", (int) Math.min(left, Integer.MAX_VALUE));
      solver.setParameters(p);
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
            reason = "Z3 answered unknown (" + solver.getReasonUnknown() + ")";
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
  }
}
