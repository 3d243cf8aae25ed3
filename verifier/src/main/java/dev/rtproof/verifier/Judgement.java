package dev.rtproof.verifier;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Model;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Layout;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.replay.ReplayResult;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.Intervals;
import dev.rtproof.verifier.symbolic.Obligation;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import dev.rtproof.verifier.symbolic.SymbolicExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of a property from what an exploration found for it, never stronger than the evidence:
 * PROVED needs every obligation UNSAT, no unfinished path, a reachable trigger, and all of it within the time
 * budget; VIOLATED needs a counterexample the emulator replays to the violation (otherwise the verdict is
 * ERROR: replay mismatch). One exploration may serve several properties of a routine, each judged here on
 * its own findings.
 */
final class Judgement {
  private final Program program;
  private final Routine routine;
  private final Verifier.Setup setup;
  private final Environment env;
  private final SymState entry;
  private final SymbolicExecutor executor;
  private final Duration timeout;
  /** One solver for every property judged here: the placement constraints are translated once. */
  private Solving solving;
  /** Whether anything is reachable under the requirements, once known (the same for every property). */
  private Solving.Answer reachable;

  Judgement(Program program, Routine routine, Verifier.Setup setup, Environment env, SymState entry,
      SymbolicExecutor executor, Duration timeout) {
    this.program = program;
    this.routine = routine;
    this.setup = setup;
    this.env = env;
    this.entry = entry;
    this.executor = executor;
    this.timeout = timeout;
  }

  /**
   * The verdict of {@code spec}, whose check recorded {@code findings}; its time counts from {@code start} and
   * its solver calls stop at {@code deadline}.
   */
  Verdict judge(PropertySpec spec, Findings findings, PropertyCheck check, long start, long deadline) {
    Outcome o = new Outcome(routine, spec, env.assumptions(), start);
    if (solving == null) {
      solving = new Solving(env.smt.ctx, env.constraints(), deadline);
    }
    solving.until(deadline);
    Smt smt = env.smt;
    if (reachable == null || reachable == Solving.Answer.UNKNOWN) {
      reachable = solving.check(entry.path());
    }
    Solving.Answer sat = reachable;
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
        return violated(spec, open.get(i), failing[i], o);
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
      return o.verdict(Status.UNKNOWN, "timeout: proved only after the " + timeout.toMillis()
          + " ms budget ran out");
    }
    return o.verdict(Status.PROVED, "");
  }

  private static int firstTrue(Model model, BoolExpr[] conditions) {
    for (int i = 0; i < conditions.length; i++) {
      if (model.eval(conditions[i], true).isTrue()) {
        return i;
      }
    }
    throw new IllegalStateException("a model of a disjunction satisfies none of its parts");
  }

  private Verdict violated(PropertySpec spec, Obligation ob, BoolExpr failing, Outcome o) {
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
          ob.pos(), cex, o.assumptions, Verifier.z3Version(), o.millis());
    }
    return new Verdict(routine.symbol(), spec.name(), spec.label(), Status.VIOLATED,
        ob.what() + " (" + ob.pos() + "): " + cex.summary(), ob.pos(), cex, o.assumptions, Verifier.z3Version(), o.millis());
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
  static final class Outcome {
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
          Verifier.z3Version(), millis());
    }
  }
}
