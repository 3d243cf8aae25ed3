package dev.rtproof.benchmarks;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ·mix} with 10^7 rounds (1.2 × 10^8 instructions per operation), run by the program the processor
 * generated and by the interpreter. Besides time per run, JMH reports {@code instructions} per second
 * (an auxiliary counter). Run it as README.md says; CI only builds it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LoopBenchmark {
  /** Rounds of the loop per operation. */
  public static final long ROUNDS = 10_000_000L;

  @Param({"generated", "interpreter"})
  public String executor;

  private Emulator emulator;

  @Setup
  public void setUp() {
    emulator = emulator(executor);
  }

  /** An emulator running {@code ·mix} as {@code executor} ("generated" or "interpreter") says. */
  static Emulator emulator(String executor) {
    RoutineProgram generated = new Loops_mix();
    RoutineProgram program = switch (executor) {
      case "generated" -> generated;
      case "interpreter" -> new Interpreter(generated.routine());
      default -> throw new IllegalArgumentException(executor);
    };
    return new Emulator(List.of(program), new Loops_tables().symbols());
  }

  /** Runs {@code ·mix} for {@code rounds}; fails unless it returns. */
  static RunResult mix(Emulator e, long rounds) {
    Machine m = e.newMachine();
    m.set(Reg.CX, rounds);
    RunResult r = e.run(m, "·mix");
    if (!r.returned()) {
      throw new IllegalStateException("·mix did not return: " + r.trap());
    }
    return r;
  }

  @Benchmark
  public long mix(InstructionCounts counts) {
    RunResult r = mix(emulator, ROUNDS);
    counts.instructions += r.steps();
    return r.machine().get(Reg.AX);
  }
}
