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
import dev.rtproof.emulator.random.Feature;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A routine of thousands of instructions still compiles (every method under the JVM's 64 KB), every fast
 * chunk stays under HotSpot's 8000-byte limit for compiling a method, and the program agrees with the
 * interpreter.
 */
class LargeRoutinesTest {
  @Test
  void aHugeRoutineIsSplitIntoMethodsTheJitCompiles() throws Exception {
    Set<Feature> features = Feature.cpu();
    features.addAll(List.of(Feature.CPUID, Feature.ADDRESSES, Feature.TLS, Feature.PCALIGN, Feature.SYMBOL_INDEX));
    RandomCase c = new RandomPrograms(99, features, 4000).next();
    Routine r = c.entry();
    assertTrue(r.instrs().size() > 4000);
    ClassName name = ProgramGenerator.className("gen", "Huge", "random");
    String text = new ProgramGenerator().generate(name, r, Lowering.lower(r, Target.GO1_19.profile())).toString();
    Map<String, byte[]> classes = InMemoryCompiler.classes(List.of(new InMemoryCompiler.Source(name.reflectionName(), text)));
    Map<String, Integer> sizes = ClassFileMethods.codeSizes(classes.get(name.reflectionName()));
    assertTrue(sizes.keySet().stream().filter(m -> m.startsWith("fast")).count() > 10, sizes::toString);
    sizes.forEach((method, size) -> {
      if (method.startsWith("fast")) {
        assertTrue(size < 8000, method + " has " + size + " bytes of bytecode");
      }
    });
    RoutineProgram p = (RoutineProgram) InMemoryCompiler.loader(classes).loadClass(name.reflectionName())
        .getDeclaredConstructor().newInstance();
    assertEquals(r, p.routine());
    RunResult reference = run(c.interpreter(), c);
    RunResult fast = run(c.emulator(List.of(p)), c);
    assertTrue(reference.returned(), String.valueOf(reference.trap()));
    assertNull(RunDifference.between(reference, fast));
  }

  private static RunResult run(Emulator e, RandomCase c) {
    Machine m = c.machine(e);
    return e.run(m, c.entry().symbol());
  }
}
