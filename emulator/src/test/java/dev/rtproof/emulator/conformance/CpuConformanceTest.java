package dev.rtproof.emulator.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.random.Feature;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulator against the real CPU on random programs over every instruction the CPU profile covers
 * (see {@link Feature#cpu()}): registers, defined flags and the scratch buffer must agree exactly. A
 * mismatch fails with a shrunk reproducer.
 *
 * <p>Properties: {@code rtproof.conformance.cases} (default 20000; 1000000 for the long run),
 * {@code rtproof.conformance.batch} (cases per Go build, default 5000), {@code rtproof.conformance.seed}.
 */
class CpuConformanceTest {
  private static final int CASES = Integer.getInteger("rtproof.conformance.cases", 20_000);
  private static final int BATCH = Integer.getInteger("rtproof.conformance.batch", 5_000);
  private static final long SEED = Long.getLong("rtproof.conformance.seed", 20260101L);
  private static final int LENGTH = 40;

  @Test
  void randomProgramsAgreeWithTheCpu() throws Exception {
    Path target = Path.of("target");
    GoHarness go = new GoHarness(target.resolve("conformance").toAbsolutePath(), target.resolve("go-cache").toAbsolutePath());
    RandomPrograms programs = new RandomPrograms(SEED, Feature.cpu(), LENGTH);
    int done = 0;
    while (done < CASES) {
      int n = Math.min(BATCH, CASES - done);
      List<RandomCase> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(programs.next());
      }
      List<NativeState> cpu;
      try {
        cpu = go.run(batch);
      } catch (GoHarness.BatchFailure f) {
        fail(f.getMessage() + (f.caseIndex >= 0 && f.caseIndex < n ? "\n" + batch.get(f.caseIndex) : ""));
        return;
      }
      for (int i = 0; i < n; i++) {
        RandomCase c = batch.get(i);
        RunResult emulated = Conformance.emulate(c, cpu.get(i).bodySp());
        String mismatch = Conformance.mismatch(c, emulated, cpu.get(i));
        if (mismatch != null) {
          Shrinker.Shrunk min = new Shrinker(go).shrink(c, mismatch);
          fail("case " + (done + i) + " disagrees with the CPU:\n" + mismatch + c
              + "\nshrunk to a minimal case that still disagrees:\n" + min.mismatch() + min.c());
        }
      }
      done += n;
    }
    System.out.println("cpu conformance: " + done + " cases, 0 mismatches (seed " + SEED + ")");
  }
}
