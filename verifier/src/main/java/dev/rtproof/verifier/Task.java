package dev.rtproof.verifier;

import dev.rtproof.dsl.ir.ImpliedProperties;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.List;

/** One unit of verification: a property of a routine, in the program it runs in. */
public record Task(Program program, Routine routine, PropertySpec property) {

  /**
   * The properties {@code routine} claims: those it declares and those it implies
   * ({@link ImpliedProperties}: stackguard where the assembler inserts a stack check).
   */
  public static List<Task> of(Program program, Routine routine) {
    List<Task> out = new ArrayList<>();
    for (PropertySpec p : ImpliedProperties.of(routine, program.profile()).properties()) {
      out.add(new Task(program, routine, p));
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
