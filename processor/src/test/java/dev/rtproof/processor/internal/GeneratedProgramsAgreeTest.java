package dev.rtproof.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunDifference;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.Trap;
import dev.rtproof.emulator.random.Feature;
import dev.rtproof.emulator.random.InitialState;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Programs the processor generates agree exactly with the interpreter on random programs over every
 * instruction the emulator executes ({@link Feature#all()}): the same outcome, trap (kind, message,
 * address, instruction, source line), steps, registers, flags with their undefined mask, memory and
 * output; the same trace; and the same step-limit trap when the limit falls inside the run.
 *
 * <p>Properties: {@code rtproof.agreement.cases} (runs compared, default 10000),
 * {@code rtproof.agreement.programs} (distinct programs compiled, default 250), {@code rtproof.agreement.seed}.
 */
class GeneratedProgramsAgreeTest {
  private static final int CASES = Integer.getInteger("rtproof.agreement.cases", 10_000);
  private static final int PROGRAMS = Integer.getInteger("rtproof.agreement.programs", 250);
  private static final long SEED = Long.getLong("rtproof.agreement.seed", 4242L);

  @Test
  void generatedProgramsAgreeWithTheInterpreterOnRandomPrograms() throws Exception {
    RandomPrograms random = new RandomPrograms(SEED, Feature.all(), 40);
    List<RandomCase> cases = new ArrayList<>();
    List<InMemoryCompiler.Source> sources = new ArrayList<>();
    for (int k = 0; k < PROGRAMS; k++) {
      RandomCase c = random.next();
      cases.add(c);
      for (Routine r : c.routines()) {
        ClassName name = ProgramGenerator.className("gen", "C" + k, r.symbol().substring(1));
        String text = new ProgramGenerator().generate(name, r, Lowering.lower(r, Target.GO1_19.profile())).toString();
        sources.add(new InMemoryCompiler.Source(name.reflectionName(), text));
      }
    }
    long t0 = System.nanoTime();
    ClassLoader loader = InMemoryCompiler.compile(sources);
    System.out.println("compiled " + sources.size() + " generated programs in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    SplittableRandom rnd = new SplittableRandom(SEED);
    int runs = 0;
    int traps = 0;
    int limited = 0;
    for (int k = 0; runs < CASES; k = (k + 1) % PROGRAMS) {
      RandomCase c = cases.get(k);
      List<RoutineProgram> generated = new ArrayList<>();
      for (Routine r : c.routines()) {
        String cls = ProgramGenerator.className("gen", "C" + k, r.symbol().substring(1)).reflectionName();
        RoutineProgram p = (RoutineProgram) loader.loadClass(cls).getDeclaredConstructor().newInstance();
        assertEquals(r, p.routine(), "the generated program rebuilds the routine's IR exactly");
        generated.add(p);
      }
      InitialState state = runs < PROGRAMS ? c.state() : random.state(rnd.nextLong());
      RunResult reference = run(c.interpreter(), c, state, -1, false);
      RunResult fast = run(c.emulator(generated), c, state, -1, false);
      String diff = RunDifference.between(reference, fast);
      assertNull(diff, () -> "generated program disagrees: " + diff + "\n" + c.with(c.routines(), state));
      RunResult tracedReference = run(c.interpreter(), c, state, -1, true);
      RunResult traced = run(c.emulator(generated), c, state, -1, true);
      String traceDiff = tracedReference.trace().firstDifference(traced.trace());
      assertNull(traceDiff, () -> "traces differ: " + traceDiff + "\n" + c);
      String tracedDiff = RunDifference.between(tracedReference, traced);
      assertNull(tracedDiff, () -> "traced: " + tracedDiff + "\n" + c);
      if (reference.steps() > 1) {
        long limit = rnd.nextLong(reference.steps() - 1);
        RunResult limitedReference = run(c.interpreter(), c, state, limit, false);
        RunResult limitedFast = run(c.emulator(generated), c, state, limit, false);
        String limitDiff = RunDifference.between(limitedReference, limitedFast);
        assertNull(limitDiff, () -> "with step limit " + limit + ": " + limitDiff + "\n" + c);
        assertEquals(Trap.Kind.STEP_LIMIT, limitedFast.trap().kind(), c::toString);
        limited++;
      }
      traps += reference.trapped() ? 1 : 0;
      runs++;
    }
    assertTrue(traps > runs / 20, "random programs trap often enough to compare traps: " + traps);
    System.out.println("generated vs interpreter: " + runs + " runs (" + traps + " trapping, " + limited
        + " also with a step limit inside the run), traces compared too, 0 differences");
  }

  private static RunResult run(Emulator e, RandomCase c, InitialState state, long limit, boolean trace) {
    Machine m = e.newMachine();
    state.apply(m, e.layout().address(RandomPrograms.SCRATCH));
    if (limit >= 0) {
      m.stepLimit(limit);
    }
    return e.tracing(trace).run(m, c.entry().symbol());
  }
}
