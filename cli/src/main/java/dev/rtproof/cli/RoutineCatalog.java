package dev.rtproof.cli;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.RoutineProgram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The routines the processor compiled, found on the classpath through their generated programs. */
final class RoutineCatalog {
  private final List<RoutineProgram> programs = new ArrayList<>();

  RoutineCatalog(ClassLoader loader) {
    for (RoutineProgram p : ServiceLoader.load(RoutineProgram.class, loader)) {
      programs.add(p);
    }
    programs.sort(Comparator.comparing(p -> p.routine().symbol()));
  }

  List<RoutineProgram> programs() {
    return programs;
  }

  /** One program per target, each holding every routine for that target. */
  Map<String, Program> programsByTarget() {
    Map<String, List<Routine>> byTarget = new LinkedHashMap<>();
    for (RoutineProgram p : programs) {
      byTarget.computeIfAbsent(p.routine().target(), t -> new ArrayList<>()).add(p.routine());
    }
    Map<String, Program> out = new LinkedHashMap<>();
    byTarget.forEach((t, rs) -> out.put(t, new Program(rs)));
    return out;
  }
}
