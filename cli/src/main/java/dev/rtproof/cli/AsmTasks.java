package dev.rtproof.cli;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmException;
import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmParser;
import dev.rtproof.dsl.asm.AsmRoutine;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of {@code rtproof verify --asm FILE.s}: the routines of a Go assembly file (all, or those named),
 * each with the properties and requirements given on the command line, in a program of the whole file so
 * calls between its routines are inlined.
 */
final class AsmTasks {
  private AsmTasks() {}

  static List<Task> of(Path file, Target target, List<Path> includes, List<String> only, List<PropertySpec> properties,
      List<String> requires) throws AsmException, IOException {
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("--asm needs at least one --property to verify");
    }
    AsmFile parsed = AsmParser.parse(file, new AsmParser.Options(target, includes));
    List<Routine> routines = new ArrayList<>();
    List<Routine> chosen = new ArrayList<>();
    for (AsmRoutine ar : parsed.routines()) {
      Routine r = ar.routine();
      boolean wanted = only.isEmpty() || only.contains(r.symbol());
      Routine withClaims = wanted ? claiming(r, properties, requires) : r;
      routines.add(withClaims);
      if (wanted) {
        chosen.add(withClaims);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(file + " has no routine " + String.join(", ", only));
    }
    Program program = new Program(routines, parsed.data(), List.of());
    List<Task> tasks = new ArrayList<>();
    for (Routine r : chosen) {
      r.properties().forEach(p -> tasks.add(new Task(program, r, p)));
    }
    return tasks;
  }

  /** {@code r} with the given claims, placed at its TEXT line. */
  private static Routine claiming(Routine r, List<PropertySpec> properties, List<String> requires) {
    List<PropertySpec> props = new ArrayList<>();
    for (PropertySpec p : properties) {
      props.add(new PropertySpec(p.name(), p.args(), r.pos()));
    }
    List<Condition> conditions = new ArrayList<>(r.requires());
    for (String e : requires) {
      conditions.add(new Condition(e, r.pos()));
    }
    return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), r.instrs(), r.labels(), conditions,
        props, r.go(), r.unroll(), r.assertions(), r.pos(), r.origin());
  }
}
