package dev.rtproof.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Emulated instructions executed, which JMH reports per second next to a benchmark's operations. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class InstructionCounts {
  public long instructions;

  @Setup(Level.Iteration)
  public void clear() {
    instructions = 0;
  }
}
