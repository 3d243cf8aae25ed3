package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.DataSymbol;
import java.util.List;

/**
 * The globals one {@code @DataSection} method declares, as the rtproof processor generated them. Generated
 * sections are registered as services of this type, so tools find every data image on the classpath with
 * {@link java.util.ServiceLoader}, as they find {@link RoutineProgram}s.
 */
public abstract class DataSection {
  /** The globals with their {@code DATA}, in declaration order. */
  public abstract List<DataSymbol> symbols();
}
