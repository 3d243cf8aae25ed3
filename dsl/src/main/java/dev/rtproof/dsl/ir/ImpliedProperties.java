package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Properties a routine claims without saying so: {@code stackguard} on every routine the assembler gives a
 * split-stack prologue (architecture, "Property annotations"). Applies to routines from Java and from
 * {@code .s} alike.
 */
public final class ImpliedProperties {
  private ImpliedProperties() {}

  /** {@code r} with its implied properties added (declared at the routine), or {@code r} itself. */
  public static Routine of(Routine r, TargetProfile profile) {
    boolean hasPrologue = Lowering.morestackCallee(r, profile) != null;
    boolean declared = r.properties().stream().anyMatch(p -> p.name().equals(PropertySpec.STACKGUARD));
    if (!hasPrologue || declared) {
      return r;
    }
    List<PropertySpec> properties = new ArrayList<>(r.properties());
    properties.add(new PropertySpec(PropertySpec.STACKGUARD, List.of(), r.pos()));
    return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), r.instrs(), r.labels(), r.requires(),
        properties, r.go(), r.unroll(), r.assertions(), r.pos(), r.origin());
  }

  /**
   * The plain {@code @StackGuard} of a routine that gets no prologue (NOSPLIT, or a small leaf the assembler
   * marks NOSPLIT) claims nothing; such a routine must name the frame and body of its own check.
   */
  public static List<Problem> check(Routine r, TargetProfile profile) {
    List<Problem> problems = new ArrayList<>();
    if (Lowering.morestackCallee(r, profile) != null) {
      return problems;
    }
    for (PropertySpec p : r.properties()) {
      if (p.name().equals(PropertySpec.STACKGUARD) && p.args().isEmpty()) {
        problems.add(new Problem("stackguard-without-prologue", r.symbol() + " gets no split-stack prologue (it is"
            + " NOSPLIT or a small leaf), so @StackGuard has nothing to check; for a check written in the body,"
            + " give its frame and body label: @StackGuard(frame = …, body = \"…\")", p.pos()));
      }
    }
    return problems;
  }
}
