package dev.rtproof.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Emulator throughput side by side: each {@link Workload} ({@code ·spin}, a tight register loop;
 * {@code ·sweep}, a memory-heavy loop; {@code ·calls}, a call-heavy routine) run for {@link #ROUNDS}
 * rounds per operation by the generated program, the interpreter, Unicorn 2 (the bytes Go's toolchain
 * assembled for the same routines) and the real CPU (the same routines in a Go 1.19 program, driven over a
 * pipe; a round trip costs microseconds against tens of milliseconds of work). Besides operations per
 * second, JMH reports {@code instructions} per second. {@code UnicornAgreementTest} checks that all of
 * them do the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class ThroughputBenchmark {
  /** Rounds per operation: 1.0 × 10^8 to 1.2 × 10^8 instructions. */
  public static final long ROUNDS = 10_000_000L;

  @Param({"SPIN", "SWEEP", "CALLS"})
  public Workload workload;

  @Param({"generated", "interpreter", "unicorn", "native"})
  public String executor;

  private Executor runner;
  private long instructions;

  @Setup
  public void setUp() throws Exception {
    runner = Executor.of(executor, workload);
    instructions = workload.instructions(ROUNDS);
  }

  @TearDown
  public void tearDown() {
    runner.close();
  }

  @Benchmark
  public long run(InstructionCounts counts) {
    long ax = runner.run(ROUNDS);
    counts.instructions += instructions;
    return ax;
  }
}
