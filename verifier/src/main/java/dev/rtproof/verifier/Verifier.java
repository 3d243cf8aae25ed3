package dev.rtproof.verifier;

import com.microsoft.z3.Context;
import com.microsoft.z3.Version;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.property.PropertyChecks;
import dev.rtproof.verifier.replay.ReplayResult;
import dev.rtproof.verifier.replay.Replayer;
import dev.rtproof.verifier.symbolic.EntryRequirements;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Findings;
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
 * Proves or refutes the properties a routine declares. The properties of one routine share one Z3
 * {@link Context} (closed when done) and one symbolic execution that runs all their checks at once; each
 * gets its own verdict from its own findings ({@link Judgement}), never stronger than the evidence. A
 * property whose check shapes the execution itself (stackguard, a {@link Setup}) gets an execution of its
 * own.
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

  /** Verifies every property {@code routine} claims ({@link Task#of(Program, Routine)}). */
  public List<Verdict> verifyAll(Program program, Routine routine) {
    return verifyAll(Task.of(program, routine), 1);
  }

  /**
   * Verifies {@code tasks} on {@code jobs} threads, the properties of one routine together; the verdicts
   * come back in the order of the tasks, the same as one thread gives.
   */
  public List<Verdict> verifyAll(List<Task> tasks, int jobs) {
    List<List<Integer>> units = together(tasks);
    Verdict[] out = new Verdict[tasks.size()];
    if (jobs <= 1 || units.size() <= 1) {
      units.forEach(u -> place(tasks, u, out));
      return List.of(out);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, units.size()), r -> {
      Thread t = new Thread(r, "rtproof-verifier");
      t.setDaemon(true);
      return t;
    });
    try {
      // Longest first, by a rough measure of the work, so that no long unit starts last on its own.
      List<List<Integer>> order = new ArrayList<>(units);
      order.sort(java.util.Comparator.comparingLong((List<Integer> u) -> -size(tasks.get(u.get(0))) * u.size()));
      List<Future<?>> futures = new ArrayList<>();
      for (List<Integer> u : order) {
        futures.add(pool.submit(() -> place(tasks, u, out)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return List.of(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many instructions the routine of {@code t} has (after lowering). */
  private static long size(Task t) {
    return t.program().lowered(t.routine().symbol()).code().size();
  }

  /** Verifies the tasks at {@code unit} (one routine's) and puts their verdicts at the same places. */
  private void place(List<Task> tasks, List<Integer> unit, Verdict[] out) {
    Task first = tasks.get(unit.get(0));
    List<PropertySpec> specs = unit.stream().map(i -> tasks.get(i).property()).toList();
    List<Verdict> found = verifyTogether(first.program(), first.routine(), specs, PLAIN);
    for (int i = 0; i < unit.size(); i++) {
      out[unit.get(i)] = found.get(i);
    }
  }

  /**
   * The tasks as units verified together: the shareable properties of one routine (in one program) form one
   * unit, in the order of their first task; every other task is a unit of its own.
   */
  private static List<List<Integer>> together(List<Task> tasks) {
    Map<List<Object>, List<Integer>> units = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      List<Object> key = shareable(t.property())
          ? List.of(t.program(), t.routine().symbol()) : List.of(i);
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(units.values());
  }

  /** Stackguard chooses where the body starts and may constrain the environment: it runs on its own. */
  private static boolean shareable(PropertySpec spec) {
    return !spec.name().equals(PropertySpec.STACKGUARD);
  }

  /** Verifies one property of {@code routine}, which must belong to {@code program}. */
  public Verdict verify(Program program, Routine routine, PropertySpec spec) {
    return verify(program, routine, spec, PLAIN);
  }

  /** Verifies one property with {@code setup}'s hooks. */
  public Verdict verify(Program program, Routine routine, PropertySpec spec, Setup setup) {
    return verifyTogether(program, routine, List.of(spec), setup).get(0);
  }

  /**
   * Verifies {@code specs} with one exploration of {@code routine} that runs all their checks. A property
   * whose expression cannot be translated fails that exploration: then each is verified on its own, so the
   * ERROR is only the faulty property's.
   */
  private List<Verdict> verifyTogether(Program program, Routine routine, List<PropertySpec> specs, Setup setup) {
    long start = System.nanoTime();
    long deadline = start + options.timeout().toNanos();
    List<String> assumptions = List.of();
    try (Context ctx = new Context()) {
      Environment env = new Environment(new Smt(ctx), program, VerificationScope.of(program, routine, specs));
      specs.forEach(spec -> env.named(spec.args()));
      setup.prepare(env);
      SymState entry = SymbolicExecutor.initial(env, routine);
      PathOracle oracle = new PathOracle(env, deadline);
      EntryRequirements.assume(env, entry, routine.requires(), oracle);
      List<Findings> findings = new ArrayList<>();
      List<PropertyCheck> checks = new ArrayList<>();
      for (PropertySpec spec : specs) {
        Findings f = new Findings();
        findings.add(f);
        checks.add(setup.check(new CheckContext(env, f, spec, entry, oracle)));
      }
      SymbolicExecutor executor = new SymbolicExecutor(env, checks.size() == 1 ? checks.get(0) : new AllChecks(checks),
          findings, oracle, deadline).merging(options.merge());
      executor.run(entry);
      assumptions = env.assumptions();
      long explored = System.nanoTime() - start;
      Judgement judgement = new Judgement(program, routine, setup, env, entry, executor, options.timeout());
      List<Verdict> out = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        // Each property's time and budget: the shared exploration, then its own solving.
        long own = System.nanoTime();
        out.add(judgement.judge(specs.get(i), findings.get(i), checks.get(i), own - explored,
            own - explored + options.timeout().toNanos()));
      }
      return out;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      if (specs.size() > 1) {
        return specs.stream().map(spec -> verify(program, routine, spec, setup)).toList();
      }
      return List.of(new Judgement.Outcome(routine, specs.get(0), assumptions, start).verdict(Status.ERROR,
          e.getMessage()));
    }
  }
}
