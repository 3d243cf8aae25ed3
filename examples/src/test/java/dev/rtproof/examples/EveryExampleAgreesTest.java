package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunDifference;
import dev.rtproof.emulator.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every example's generated program agrees with the interpreter — final state and trace — from random
 * register states, whatever the run does (return, exit, trap, step limit).
 */
class EveryExampleAgreesTest {
  private static final int STATES = 20;

  @Test
  void everyGeneratedExampleAgreesWithTheInterpreter() {
    List<RoutineProgram> generated = new ArrayList<>();
    ServiceLoader.load(RoutineProgram.class).forEach(generated::add);
    List<DataSymbol> data = new ArrayList<>();
    ServiceLoader.load(DataSection.class).forEach(d -> data.addAll(d.symbols()));
    assertTrue(generated.size() >= 8, "the examples' programs are on the classpath: " + generated.size());
    // One emulator holds one target's routines: the examples' Go 1.16 and Go 1.19 runtimes run apart.
    Map<String, List<RoutineProgram>> byTarget = generated.stream()
        .collect(Collectors.groupingBy(p -> p.routine().target(), TreeMap::new, Collectors.toList()));
    Map<String, List<RoutineProgram>> interpretedByTarget = new TreeMap<>();
    byTarget.forEach((target, programs) -> interpretedByTarget.put(target,
        programs.stream().map(q -> (RoutineProgram) new Interpreter(q.routine())).toList()));
    SplittableRandom rnd = new SplittableRandom(19);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (RoutineProgram p : generated) {
      List<RoutineProgram> same = byTarget.get(p.routine().target());
      List<RoutineProgram> interpreted = interpretedByTarget.get(p.routine().target());
      String symbol = p.routine().symbol();
      for (int k = 0; k < STATES; k++) {
        long[] regs = new long[16];
        for (int i = 0; i < 16; i++) {
          regs[i] = k == 0 ? 0 : rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextLong();
        }
        for (boolean trace : new boolean[] {false, true}) {
          RunResult a = run(new Emulator(interpreted, data).tracing(trace), symbol, regs);
          RunResult b = run(new Emulator(same, data).tracing(trace), symbol, regs);
          String diff = RunDifference.between(a, b);
          outcomes.merge(a.trapped() ? a.trap().kind().name() : a.exitStatus() != null ? "exit" : "returned", 1, Integer::sum);
          assertNull(diff, () -> symbol + " from state " + java.util.Arrays.toString(regs) + ": " + diff);
          if (trace) {
            String traceDiff = a.trace().firstDifference(b.trace());
            assertNull(traceDiff, () -> symbol + ": traces differ: " + traceDiff);
          }
        }
      }
    }
    assertTrue(outcomes.size() >= 3, "runs end in several ways: " + outcomes);
    System.out.println("every example agrees with the interpreter: " + outcomes);
  }

  private static RunResult run(Emulator e, String symbol, long[] regs) {
    Machine m = e.newMachine();
    for (int i = 0; i < 16; i++) {
      if (i != Reg.SP.number()) {
        m.r[i] = regs[i];
      }
    }
    m.stepLimit(200_000);
    return e.run(m, symbol);
  }
}
