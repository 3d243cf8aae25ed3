package dev.rtproof.emulator.random;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import java.util.Collection;
import java.util.List;

/**
 * One random program with its initial state: the entry routine first, then any helper routines it
 * calls, and the scratch buffer {@link RandomPrograms#SCRATCH} as a global.
 *
 * @param seed the seed that reproduces this case with {@link RandomPrograms#generate(long)}
 */
public record RandomCase(long seed, List<Routine> routines, List<DataSymbol> data, InitialState state) {
  public RandomCase {
    routines = List.copyOf(routines);
    data = List.copyOf(data);
  }

  /** The routine the run starts in. */
  public Routine entry() {
    return routines.get(0);
  }

  /** An emulator that interprets the routines. */
  public Emulator interpreter() {
    return Emulator.interpreting(routines, data);
  }

  /** An emulator running {@code programs} (for example generated ones) of these routines. */
  public Emulator emulator(Collection<? extends RoutineProgram> programs) {
    return new Emulator(programs, data);
  }

  /** A new machine of {@code e} in this case's initial state. */
  public Machine machine(Emulator e) {
    Machine m = e.newMachine();
    state.apply(m, e.layout().address(RandomPrograms.SCRATCH));
    return m;
  }

  /** A copy with other routines (e.g. a shrunk program) and state. */
  public RandomCase with(List<Routine> newRoutines, InitialState newState) {
    return new RandomCase(seed, newRoutines, data, newState);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("random case, seed ").append(seed).append('\n');
    for (Routine r : routines) {
      sb.append(RandomPrograms.listing(r));
    }
    return sb.append("initial state: ").append(state).append('\n').toString();
  }
}
