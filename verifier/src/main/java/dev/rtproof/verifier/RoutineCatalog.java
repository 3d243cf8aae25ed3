package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.emulator.ContractSection;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.emulator.RoutineProgram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The routines the rtproof processor compiled, found on a classpath through their generated programs
 * (registered as {@code META-INF/services/dev.rtproof.emulator.RoutineProgram}), sorted by symbol, with the
 * globals of the generated {@code @DataSection}s and the generated {@code @Contract}s, so that verifying them
 * here uses what the processor used.
 */
public final class RoutineCatalog {
  private final List<RoutineProgram> programs = new ArrayList<>();
  private final List<DataSymbol> data = new ArrayList<>();
  private final List<Contract> contracts = new ArrayList<>();

  public RoutineCatalog(ClassLoader loader) {
    for (RoutineProgram p : ServiceLoader.load(RoutineProgram.class, loader)) {
      programs.add(p);
    }
    programs.sort(Comparator.comparing(p -> p.routine().symbol()));
    for (DataSection d : ServiceLoader.load(DataSection.class, loader)) {
      data.addAll(d.symbols());
    }
    data.sort(Comparator.comparing(DataSymbol::name));
    for (ContractSection c : ServiceLoader.load(ContractSection.class, loader)) {
      contracts.addAll(c.contracts());
    }
    contracts.sort(Comparator.comparing(Contract::symbol));
  }

  /** The globals of every {@code @DataSection} on the classpath, by name. */
  public List<DataSymbol> data() {
    return data;
  }

  public List<RoutineProgram> programs() {
    return programs;
  }

  /** One program per target, each holding every routine for that target. */
  public Map<String, Program> programsByTarget() {
    Map<String, List<Routine>> byTarget = new LinkedHashMap<>();
    for (RoutineProgram p : programs) {
      byTarget.computeIfAbsent(p.routine().target(), t -> new ArrayList<>()).add(p.routine());
    }
    Map<String, Program> out = new LinkedHashMap<>();
    byTarget.forEach((t, rs) -> out.put(t, new Program(rs, data, contracts)));
    return out;
  }
}
