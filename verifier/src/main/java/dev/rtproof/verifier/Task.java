package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.List;

/** One unit of verification: a property of a routine, in the program it runs in. */
public record Task(Program program, Routine routine, PropertySpec property) {

  /**
   * The properties {@code routine} claims: those it declares, and {@code stackguard} when the assembler
   * inserts a stack check into it and it does not declare the property itself.
   */
  public static List<Task> of(Program program, Routine routine) {
    List<Task> out = new ArrayList<>();
    boolean declared = false;
    for (PropertySpec p : routine.properties()) {
      out.add(new Task(program, routine, p));
      declared |= p.name().equals(PropertySpec.STACKGUARD);
    }
    Lowered lowered = program.lowered(routine.symbol());
    if (!declared && lowered != null && lowered.split() != null) {
      out.add(new Task(program, routine, new PropertySpec(PropertySpec.STACKGUARD, List.of(), routine.pos())));
    }
    return out;
  }

  /** The tasks of every routine of {@code program}, in its order. */
  public static List<Task> of(Program program) {
    List<Task> out = new ArrayList<>();
    for (Routine r : program.routines()) {
      out.addAll(of(program, r));
    }
    return out;
  }
}
