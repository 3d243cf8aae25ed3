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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
 * {@code -Drtproof.memory.routines=N} verifies N instead. The routines are verified in a JVM of their own
 * ({@link #main}): in the test JVM, native memory that earlier tests freed but the allocator kept (3 GB after
 * the equivalence test) is handed back during the run and would hide a leak of that size.
 */
class ResidentMemoryTest {
  private static final int ROUTINES = Integer.getInteger("rtproof.memory.routines", 1_000);
  private static final int WARM_UP = 50;
  private static final long LIMIT = 200L << 20;

  @Test
  void verifyingAThousandRoutinesGrowsResidentMemoryByLessThan200MB() throws IOException, InterruptedException {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"),
        ResidentMemoryTest.class.getName(), Integer.toString(ROUTINES)).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = child.waitFor();
    System.out.print(out);
    assertEquals(0, exit, "the verifying JVM failed:\n" + out);
    assertTrue(out.contains(" MB after " + ROUTINES + " routines verified"), out);
  }

  /** Verifies {@code args[0]} routines after a warm-up, checking verdicts and memory as it goes; fails by throwing. */
  public static void main(String[] args) throws IOException {
    int routines = Integer.parseInt(args[0]);
    Verifier verifier = new Verifier(VerifyOptions.defaults());
    for (int i = 0; i < WARM_UP; i++) {
      verifyAndCheck(verifier, i); // loads Z3 and warms the JIT up before the first measurement
    }
    Memory before = Memory.afterGc();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (int n = 1; n <= routines; n++) {
      for (Verdict v : verifyAndCheck(verifier, WARM_UP + n - 1)) {
        counts.merge(v.status(), 1, Integer::sum);
      }
      if (n % 100 == 0 || n == routines) {
        // Checked as it goes, so a leak fails here rather than as a slow machine's timeouts later.
        Memory now = Memory.afterGc();
        long growth = now.resident - before.resident;
        long outsideHeap = now.outsideHeap() - before.outsideHeap();
        assertTrue(growth < LIMIT, "grew by " + (growth >> 20) + " MB after " + n + " routines");
        // In a JVM that ran bigger tests first, a shrinking Java heap could hide native growth in the total.
        assertTrue(outsideHeap < LIMIT, "grew by " + (outsideHeap >> 20) + " MB outside the Java heap after " + n
            + " routines");
      }
    }
    Memory after = Memory.afterGc();
    System.out.println("resident memory: " + (before.resident >> 20) + " MB before, " + (after.resident >> 20)
        + " MB after " + routines + " routines verified (" + ((after.resident - before.resident) >> 20)
        + " MB growth, " + ((after.outsideHeap() - before.outsideHeap()) >> 20) + " MB outside the Java heap);"
        + " verdicts " + counts);
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

  /** VmRSS of this process and the Java heap's committed size, in bytes. */
  private record Memory(long resident, long heap) {
    /** After asking for garbage collections (which also run Z3's cleaners). */
    static Memory afterGc() throws IOException {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return new Memory(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024, heap);
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** Resident memory beyond the committed Java heap: native memory (Z3's among it), code, stacks. */
    long outsideHeap() {
      return resident - heap;
    }
  }
}
