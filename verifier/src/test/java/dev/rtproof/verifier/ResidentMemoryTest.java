package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifying 1,000 routines in one JVM grows resident memory by less than 200 MB: each property's Z3 context
 * is closed, so native memory does not pile up. The routines are small (a few instructions, two properties
 * each, every tenth a mutant whose violation is replayed, every 25th settls with its syscall and FS model),
 * so the 1,000 take well under a minute; every other routine is verified on two threads.
 * {@code -Drtproof.memory.routines=N} verifies N instead.
 */
class ResidentMemoryTest {
  private static final int ROUTINES = Integer.getInteger("rtproof.memory.routines", 1_000);
  private static final int WARM_UP = 50;
  private static final long LIMIT = 200L << 20;

  @Test
  void verifyingAThousandRoutinesGrowsResidentMemoryByLessThan200MB() throws IOException {
    Verifier verifier = new Verifier(VerifyOptions.defaults());
    for (int i = 0; i < WARM_UP; i++) {
      verifyAndCheck(verifier, i); // loads Z3 and warms the JIT up before the first measurement
    }
    long before = residentAfterGc();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (int n = 1; n <= ROUTINES; n++) {
      for (Verdict v : verifyAndCheck(verifier, WARM_UP + n - 1)) {
        counts.merge(v.status(), 1, Integer::sum);
      }
      if (n % 100 == 0 || n == ROUTINES) {
        // Checked as it goes, so a leak fails here rather than as a slow machine's timeouts later.
        long growth = residentAfterGc() - before;
        assertTrue(growth < LIMIT, "grew by " + (growth >> 20) + " MB after " + n + " routines");
      }
    }
    long after = residentAfterGc();
    System.out.println("resident memory: " + (before >> 20) + " MB before, " + (after >> 20) + " MB after " + ROUTINES
        + " routines verified (" + ((after - before) >> 20) + " MB growth); verdicts " + counts);
  }

  /** Verifies routine {@code i}'s properties and checks each verdict is the one its routine is built to get. */
  private static List<Verdict> verifyAndCheck(Verifier verifier, int i) {
    Routine r = routine(i);
    // Every other routine's two properties on two threads, as the processor verifies them.
    List<Verdict> verdicts = verifier.verifyAll(Task.of(new Program(List.of(r)), r), i % 2 + 1);
    assertEquals(2, verdicts.size(), r.symbol());
    for (Verdict v : verdicts) {
      boolean mutant = isMutant(i) && v.property().equals(PropertySpec.ENSURES);
      Status expected = mutant ? Status.VIOLATED : Status.PROVED;
      assertEquals(expected, v.status(), v.toString());
      if (mutant) {
        assertTrue(!v.counterexample().replay().isEmpty(), "replayed: " + v);
      }
    }
    return verdicts;
  }

  /**
   * Routine {@code i}: settls (every 25th), else {@code CX = BX + i} through a push and a pop, claiming
   * stack-balance and {@code CX == entry(BX) + i} (every tenth claims {@code + i + 1}: VIOLATED).
   */
  private static Routine routine(int i) {
    if (isSettls(i)) {
      return Fixtures.settls(true).requires("DI + 8 < 0x800000000000").property(PropertySpec.STACK_BALANCE)
          .property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build();
    }
    long claimed = isMutant(i) ? i + 1 : i;
    return AlignmentAndBalanceTest.routine("runtime·r" + i).instr(MOVQ, new Imm(i), AX).instr(ADDQ, BX, AX)
        .instr(PUSHQ, AX).instr(POPQ, CX).instr(RET).property(PropertySpec.STACK_BALANCE)
        .property(PropertySpec.ENSURES, "CX == entry(BX) + " + claimed).build();
  }

  private static boolean isSettls(int i) {
    return i % 25 == 24;
  }

  private static boolean isMutant(int i) {
    return i % 10 == 9 && !isSettls(i);
  }

  /** VmRSS of this process, in bytes, after asking for garbage collections (which also run Z3's cleaners). */
  private static long residentAfterGc() throws IOException {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
