package dev.rtproof.benchmarks;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunResult;
import java.util.List;
import java.util.function.Supplier;

/**
 * A routine of {@link Workloads} as the throughput benchmark runs it: its entry symbol, the generated
 * programs it needs (the routine and those it calls), and how a run starts (CX = rounds, DI = the buffer,
 * every other register but SP zero).
 */
public enum Workload {
  /** The tight register loop. */
  SPIN("·spin", Workloads.SPIN_ROUND, 3, () -> List.of(new Workloads_spin())),
  /** The memory-heavy loop. */
  SWEEP("·sweep", Workloads.SWEEP_ROUND, 3, () -> List.of(new Workloads_sweep())),
  /** The call-heavy routine. */
  CALLS("·calls", Workloads.CALLS_ROUND, 2,
      () -> List.of(new Workloads_calls(), new Workloads_step(), new Workloads_twist()));

  /** Where the buffer is mapped, in every executor: above the emulator's data area, below the stack. */
  public static final long BUFFER = 0x2000000L;
  /** The buffer's size: one page, of which {@code ·sweep} uses the first {@value Workloads#SWEEP_BUFFER} bytes. */
  public static final int BUFFER_SIZE = 4096;

  private final String symbol;
  private final int round;
  private final int outside;
  private final Supplier<List<RoutineProgram>> programs;

  Workload(String symbol, int round, int outside, Supplier<List<RoutineProgram>> programs) {
    this.symbol = symbol;
    this.round = round;
    this.outside = outside;
    this.programs = programs;
  }

  /** The entry symbol, e.g. {@code ·spin}. */
  public String symbol() {
    return symbol;
  }

  /** The Go identifier of the entry symbol ({@code spin}). */
  public String goName() {
    return symbol.substring(1);
  }

  /** Instructions executed by a run of {@code rounds} rounds (the loop, and what runs once outside it). */
  public long instructions(long rounds) {
    return outside + round * rounds;
  }

  /** The generated programs of this workload's routines, entry first. */
  public List<RoutineProgram> generated() {
    return programs.get();
  }

  /** An emulator running this workload with the generated programs ({@code interpret} false) or the interpreter. */
  public Emulator emulator(boolean interpret) {
    List<RoutineProgram> ps = generated();
    if (interpret) {
      ps = ps.stream().<RoutineProgram>map(p -> new Interpreter(p.routine())).toList();
    }
    return new Emulator(ps).region("buffer", BUFFER, BUFFER_SIZE);
  }

  /** A fresh machine of {@code e} set up for {@code rounds} rounds. */
  public Machine machine(Emulator e, long rounds) {
    Machine m = e.newMachine();
    m.set(Reg.CX, rounds);
    m.set(Reg.DI, BUFFER);
    return m;
  }

  /** Runs {@code rounds} rounds in {@code e}; fails unless the routine returns. */
  public RunResult run(Emulator e, long rounds) {
    RunResult r = e.run(machine(e, rounds), symbol);
    if (!r.returned()) {
      throw new IllegalStateException(symbol + " did not return: " + r.trap());
    }
    return r;
  }
}
