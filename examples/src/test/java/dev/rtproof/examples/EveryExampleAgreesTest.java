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
import java.util.ServiceLoader;
import java.util.SplittableRandom;
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
    List<RoutineProgram> interpreted = generated.stream().map(p -> (RoutineProgram) new Interpreter(p.routine())).toList();
    assertTrue(generated.size() >= 8, "the examples' programs are on the classpath: " + generated.size());
    SplittableRandom rnd = new SplittableRandom(19);
    java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (RoutineProgram p : generated) {
      String symbol = p.routine().symbol();
      for (int k = 0; k < STATES; k++) {
        long[] regs = new long[16];
        for (int i = 0; i < 16; i++) {
          regs[i] = k == 0 ? 0 : rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextLong();
        }
        for (boolean trace : new boolean[] {false, true}) {
          RunResult a = run(new Emulator(interpreted, data).tracing(trace), symbol, regs);
          RunResult b = run(new Emulator(generated, data).tracing(trace), symbol, regs);
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
