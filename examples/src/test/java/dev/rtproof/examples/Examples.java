package dev.rtproof.examples;

import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.ContractSection;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The compiled examples as the tools see them: every generated program, {@code @DataSection} and
 * {@code @Contract} on the classpath, and the program of one target with a routine swapped for a variant (a mutant).
 */
final class Examples {
  private Examples() {}

  /**
   * The verifier's options for examples and their mutants: a counterexample usually takes a second or two,
   * but Z3 sometimes needs far longer for one of these memory-heavy queries, hence 30 s
   * ({@code -Drtproof.examples.timeout=…} to change).
   */
  static final VerifyOptions OPTIONS = VerifyOptions.defaults()
      .withTimeout(VerifyOptions.parseDuration(System.getProperty("rtproof.examples.timeout", "30s")));

  static final List<RoutineProgram> PROGRAMS = load();
  static final List<DataSymbol> DATA = data();
  static final List<Contract> CONTRACTS = contracts();

  private static List<RoutineProgram> load() {
    List<RoutineProgram> out = new ArrayList<>();
    ServiceLoader.load(RoutineProgram.class).forEach(out::add);
    return List.copyOf(out);
  }

  private static List<DataSymbol> data() {
    List<DataSymbol> out = new ArrayList<>();
    ServiceLoader.load(DataSection.class).forEach(d -> out.addAll(d.symbols()));
    return List.copyOf(out);
  }

  private static List<Contract> contracts() {
    List<Contract> out = new ArrayList<>();
    ServiceLoader.load(ContractSection.class).forEach(c -> out.addAll(c.contracts()));
    return List.copyOf(out);
  }

  /** The example routine {@code symbol}, as written. */
  static Routine routine(String symbol) {
    return PROGRAMS.stream().map(RoutineProgram::routine).filter(r -> r.symbol().equals(symbol)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no example routine " + symbol));
  }

  /** Every example routine of {@code routine}'s target, with {@code routine} in place of its namesake. */
  static Program programWith(Routine routine) {
    List<Routine> all = new ArrayList<>();
    for (RoutineProgram p : PROGRAMS) {
      Routine r = p.routine();
      if (r.target().equals(routine.target())) {
        all.add(r.symbol().equals(routine.symbol()) ? routine : r);
      }
    }
    if (all.stream().noneMatch(r -> r == routine)) {
      all.add(routine);
    }
    return new Program(all, DATA, CONTRACTS);
  }

  /** The property of {@code routine} whose label starts with {@code label} (exactly one). */
  static PropertySpec property(Routine routine, String label) {
    List<PropertySpec> found = routine.properties().stream().filter(p -> p.label().startsWith(label)).toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException(routine.symbol() + " has " + found.size() + " properties labelled " + label
          + "…: " + routine.properties().stream().map(PropertySpec::label).toList());
    }
    return found.get(0);
  }

  /** Verifies property {@code label} of {@code routine} in the program of its target's examples. */
  static Verdict verify(Routine routine, String label) {
    return new Verifier(OPTIONS).verify(programWith(routine), routine, property(routine, label));
  }

  /** Verifies property {@code label} of routine {@code symbol} of {@code program}. */
  static Verdict verifyIn(Program program, String symbol, String label) {
    Routine r = program.routine(symbol);
    return new Verifier(OPTIONS).verify(program, r, property(r, label));
  }

  /** An emulator with every example program of {@code target} ({@code GO1_19}, …) and every global. */
  static Emulator emulator(String target) {
    return new Emulator(PROGRAMS.stream().filter(p -> p.routine().target().equals(target)).toList(), DATA);
  }
}
