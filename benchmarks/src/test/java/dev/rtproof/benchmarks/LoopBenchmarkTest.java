package dev.rtproof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.RunResult;
import org.junit.jupiter.api.Test;

/** What the benchmark measures is right: both executors agree, and an operation is over 10^8 instructions. */
class LoopBenchmarkTest {
  @Test
  void bothExecutorsComputeTheSameMixAndState() {
    RunResult g = LoopBenchmark.mix(LoopBenchmark.emulator("generated"), 1000);
    RunResult i = LoopBenchmark.mix(LoopBenchmark.emulator("interpreter"), 1000);
    assertEquals(i.machine().get(Reg.AX), g.machine().get(Reg.AX));
    assertEquals(i.steps(), g.steps());
    assertTrue(i.machine().memory.sameContent(g.machine().memory));
    assertEquals(i.machine().rflags, g.machine().rflags);
  }

  @Test
  void anOperationExecutesMoreThanTenToTheEightInstructions() {
    RunResult r = LoopBenchmark.mix(LoopBenchmark.emulator("generated"), LoopBenchmark.ROUNDS);
    assertEquals(Loops.OUTSIDE + Loops.LOOP * LoopBenchmark.ROUNDS, r.steps());
    assertTrue(r.steps() >= 100_000_000L);
  }
}
