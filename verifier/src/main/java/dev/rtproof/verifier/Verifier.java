package dev.rtproof.verifier;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Version;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Layout;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.property.PropertyChecks;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.replay.ReplayResult;
import dev.rtproof.verifier.replay.Replayer;
import dev.rtproof.verifier.symbolic.EntryRequirements;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.Intervals;
import dev.rtproof.verifier.symbolic.Obligation;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import dev.rtproof.verifier.symbolic.SymbolicExecutor;
import dev.rtproof.verifier.symbolic.VerificationScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves or refutes the properties a routine declares. Each property gets its own Z3 {@link Context}
 * (closed when done), a symbolic execution with that property's check, and a verdict that is never
 * stronger than the evidence: PROVED needs every obligation UNSAT, no unfinished path, a reachable
 * trigger, and all of it within the time budget; VIOLATED needs a counterexample the emulator replays to
 * the violation (otherwise the verdict is ERROR: replay mismatch).
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

  /**
   * How many times this JVM has asked Z3 to decide something for a verdict, so far: a build that takes
   * every verdict from the proof cache leaves it unchanged.
   */
  public static long solverCalls() {
    return dev.rtproof.verifier.symbolic.Z3Calls.total();
  }

  /**
   * Hooks for proofs about more than one routine as written (the parameterized prologue proofs): they
   * prepare the environment before exploration and replay counterexamples their own way.
   */
  public interface Setup {
    /** Called once the environment exists, before exploration. */
    default void prepare(Environment env) {}

    /** The check of the property; by default the one its name says. */
    default PropertyCheck check(CheckContext cx) {
      return PropertyChecks.create(cx);
    }

    /** Replays a counterexample; by default in the interpreter over {@code program}. */
    default ReplayResult replay(Program program, Routine routine, Counterexample cex) {
      return Replayer.interpreting(program.routines(), program.data().values())
          .replay(routine.symbol(), cex.initial(), cex.violation());
    }
  }

  private static final Setup PLAIN = new Setup() {};

  /** Verifies every property {@code routine} claims ({@link Task#of(Program, Routine)}), one after the other. */
  public List<Verdict> verifyAll(Program program, Routine routine) {
    return verifyAll(Task.of(program, routine), 1);
  }

  /**
   * Verifies {@code tasks} on {@code jobs} threads (each property has its own Z3 context, so they are
   * independent); the verdicts come back in the order of the tasks, the same as one thread gives.
   */
  public List<Verdict> verifyAll(List<Task> tasks, int jobs) {
    if (jobs <= 1 || tasks.size() <= 1) {
      List<Verdict> out = new ArrayList<>();
      for (Task t : tasks) {
        out.add(verify(t.program(), t.routine(), t.property()));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()), r -> {
      Thread t = new Thread(r, "rtproof-verifier");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Verdict>> futures = new ArrayList<>();
      for (Task t : tasks) {
        futures.add(pool.submit(() -> verify(t.program(), t.routine(), t.property())));
      }
      List<Verdict> out = new ArrayList<>();
      for (Future<Verdict> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Verifies one property of {@code routine}, which must belong to {@code program}. */
  public Verdict verify(Program program, Routine routine, PropertySpec spec) {
    return verify(program, routine, spec, PLAIN);
  }

  /** Verifies one property with {@code setup}'s hooks. */
  public Verdict verify(Program program, Routine routine, PropertySpec spec, Setup setup) {
    long start = System.nanoTime();
    long deadline = start + options.timeout().toNanos();
    List<String> assumptions = List.of();
    try (Context ctx = new Context()) {
      Smt smt = new Smt(ctx);
      Environment env = new Environment(smt, program, VerificationScope.of(program, routine, spec));
      env.named(spec.args());
      setup.prepare(env);
      SymState entry = SymbolicExecutor.initial(env, routine);
      PathOracle oracle = new PathOracle(env, deadline);
      EntryRequirements.assume(env, entry, routine.requires(), oracle);
      Findings findings = new Findings();
      PropertyCheck check = setup.check(new CheckContext(env, findings, spec, entry, oracle));
      SymbolicExecutor executor = new SymbolicExecutor(env, check, findings, oracle, deadline)
          .merging(options.merge());
      executor.run(entry);
      assumptions = env.assumptions();
      Outcome o = new Outcome(routine, spec, assumptions, start);

      Solving solving = new Solving(ctx, env.constraints(), deadline);
      Solving.Answer sat = solving.check(entry.path());
      if (sat == Solving.Answer.UNSAT) {
        return o.verdict(Status.VACUOUS, "the requirements contradict each other or the assumptions; nothing is reachable");
      }
      String unknown = sat == Solving.Answer.UNKNOWN ? solving.reason() : null;
      Intervals bounds = new Intervals();
      List<Obligation> open = findings.obligations.stream().filter(ob -> !bounds.valid(ob.claim())).toList();
      if (!open.isEmpty()) {
        BoolExpr[] failing = open.stream().map(ob -> smt.all(ob.path(), smt.not(ob.claim()))).toArray(BoolExpr[]::new);
        Solving.Answer a = solving.check(smt.any(failing));
        if (a == Solving.Answer.SAT) {
          int i = firstTrue(solving.model(), failing);
          return violated(program, routine, spec, setup, env, entry, executor, solving, open.get(i), failing[i], o);
        }
        if (a == Solving.Answer.UNKNOWN && unknown == null) {
          unknown = solving.reason() + " deciding " + open.size() + " obligation(s), e.g. \"" + open.get(0).what()
              + "\" at " + open.get(0).pos();
        }
      }
      if (unknown == null && !findings.incomplete.isEmpty()) {
        BoolExpr[] paths = findings.incomplete.stream().map(Findings.Incomplete::path).toArray(BoolExpr[]::new);
        Solving.Answer a = solving.check(smt.any(paths));
        if (a == Solving.Answer.SAT) {
          unknown = findings.incomplete.get(firstTrue(solving.model(), paths)).reason();
        } else if (a == Solving.Answer.UNKNOWN) {
          unknown = solving.reason() + " deciding whether an unfinished path (" + findings.incomplete.get(0).reason()
              + ") is reachable";
        }
      }
      if (unknown != null) {
        return o.verdict(Status.UNKNOWN, unknown);
      }
      Solving.Answer reached = solving.check(smt.any(findings.triggers.toArray(new BoolExpr[0])));
      if (reached == Solving.Answer.UNKNOWN) {
        return o.verdict(Status.UNKNOWN, solving.reason() + " deciding whether " + check.trigger() + " is reachable");
      }
      if (reached == Solving.Answer.UNSAT) {
        return o.verdict(Status.VACUOUS, check.trigger() + " is never reached under the requirements");
      }
      if (System.nanoTime() > deadline) {
        return o.verdict(Status.UNKNOWN, "timeout: proved only after the " + options.timeout().toMillis()
            + " ms budget ran out");
      }
      return o.verdict(Status.PROVED, "");
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return new Outcome(routine, spec, assumptions, start).verdict(Status.ERROR, e.getMessage());
    }
  }

  private static int firstTrue(Model model, BoolExpr[] conditions) {
    for (int i = 0; i < conditions.length; i++) {
      if (model.eval(conditions[i], true).isTrue()) {
        return i;
      }
    }
    throw new IllegalStateException("a model of a disjunction satisfies none of its parts");
  }

  private Verdict violated(Program program, Routine routine, PropertySpec spec, Setup setup, Environment env,
      SymState entry, SymbolicExecutor executor, Solving solving, Obligation ob, BoolExpr failing, Outcome o) {
    Model model = niceModel(env, entry, solving, failing);
    ModelReader reader = new ModelReader(model, env);
    InitialState initial = reader.read(entry, executor.callEvents());
    // The registers the violation depends on (and SP), so a one-line summary names what matters.
    java.util.Set<String> mentioned = Smt.constants(failing);
    Map<String, Long> regs = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      String name = Reg.gpr(i).name();
      if (i == Reg.SP.number() || mentioned.contains(name)) {
        regs.put(name, reader.value(entry.regs[i]));
      }
    }
    Map<String, Long> witnesses = new LinkedHashMap<>();
    ob.witnesses().forEach((k, v) -> witnesses.put(k, reader.value(v)));
    Counterexample cex = new Counterexample(ob.what(), ob.pos(), regs, initial.fs(), initial.gs(), initial.placement(),
        witnesses, initial, ob.violation(), List.of());
    ReplayResult replay = setup.replay(program, routine, cex);
    cex = cex.withReplay(replay.trace());
    if (!replay.observed()) {
      return new Verdict(routine.symbol(), spec.name(), spec.label(), Status.ERROR,
          "replay mismatch (a bug in rtproof: the emulator and the verifier disagree): " + ob.what() + " (" + ob.pos()
              + ") was not observed when replaying the counterexample; " + replay.message(),
          ob.pos(), cex, o.assumptions, z3Version(), o.millis());
    }
    return new Verdict(routine.symbol(), spec.name(), spec.label(), Status.VIOLATED,
        ob.what() + " (" + ob.pos() + "): " + cex.summary(), ob.pos(), cex, o.assumptions, z3Version(), o.millis());
  }

  /**
   * A model of {@code failing} that reads like an emulator run where possible: the return address at entry
   * is where the emulator's run ends, and (if that still fits) the emulator's own SP and symbol placement.
   */
  private static Model niceModel(Environment env, SymState entry, Solving solving, BoolExpr failing) {
    Model fallback = solving.model();
    Smt smt = env.smt;
    BitVecExpr returnAddress = entry.mem.load(entry.mem.resolve(entry.sp(), 8, smt.truth(), null), 8);
    BoolExpr halts = smt.eq(returnAddress, smt.bv(Layout.HALT));
    List<BoolExpr> all = new ArrayList<>(env.preferences());
    all.addAll(env.replayable());
    all.add(halts);
    if (solving.check(smt.all(failing), smt.all(all.toArray(new BoolExpr[0]))) == Solving.Answer.SAT) {
      return solving.model();
    }
    // Keep what a replay needs (each indirect call going to code), one condition at a time: a condition the
    // violation rules out (an indirect call to a data symbol's address) must not cost the others.
    List<BoolExpr> chosen = new ArrayList<>();
    for (BoolExpr c : env.replayable()) {
      chosen.add(c);
      if (solving.check(failing, smt.all(chosen.toArray(new BoolExpr[0]))) != Solving.Answer.SAT) {
        chosen.remove(chosen.size() - 1);
      }
    }
    chosen.add(halts);
    if (solving.check(failing, smt.all(chosen.toArray(new BoolExpr[0]))) == Solving.Answer.SAT) {
      return solving.model();
    }
    chosen.remove(chosen.size() - 1);
    if (!chosen.isEmpty() && solving.check(failing, smt.all(chosen.toArray(new BoolExpr[0]))) == Solving.Answer.SAT) {
      return solving.model();
    }
    if (!env.replayable().isEmpty() && solving.check(failing, halts) == Solving.Answer.SAT) {
      return solving.model();
    }
    return fallback;
  }

  /** What every verdict of one property shares. */
  private static final class Outcome {
    final Routine routine;
    final PropertySpec spec;
    final List<String> assumptions;
    final long start;

    Outcome(Routine routine, PropertySpec spec, List<String> assumptions, long start) {
      this.routine = routine;
      this.spec = spec;
      this.assumptions = assumptions;
      this.start = start;
    }

    long millis() {
      return (System.nanoTime() - start) / 1_000_000;
    }

    Verdict verdict(Status status, String message) {
      return new Verdict(routine.symbol(), spec.name(), spec.label(), status, message, spec.pos(), null, assumptions,
          z3Version(), millis());
    }
  }
}
