package dev.rtproof.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceptanceTest {
  private static Map<String, String> allMet() {
    Map<String, String> r = new HashMap<>();
    r.put("throughput.spin.generated", "9.0e8");
    r.put("throughput.spin.unicorn", "3.0e8");
    r.put("throughput.spin.native", "3.6e9");
    r.put("scaling.straight.merged.exponent", "1.08");
    r.put("scaling.diamonds.merged.64.ms", "1234.5");
    r.put("scaling.diamonds.merged.64.status", "PROVED");
    r.put("scaling.counted_diamonds.merged.64.ms", "4000");
    r.put("scaling.counted_diamonds.merged.64.status", "PROVED");
    r.put("verify.wall_s", "6.2");
    r.put("processor.overhead_s", "2.4");
    r.put("processor.cached_overhead_s", "1.1");
    r.put("loop.generated", "6.5e8");
    r.put("loop.interpreter", "5.0e7");
    return r;
  }

  @Test
  void everyTargetMetShowsTheMeasuredNumbers() {
    String md = Acceptance.table(allMet());
    assertTrue(md.contains("| generated ≥ Unicorn on the tight loop (`·spin`, instructions/s) | 3.00× Unicorn | yes |"),
        md);
    assertTrue(md.contains("| native is 4.0× faster | yes |"), md);
    assertTrue(md.contains("| 1.08 | yes |"), md);
    assertTrue(md.contains("| 64 sequential diamonds verify in ≤ 5 s (`stack-balance`) | 1.23 s | yes |"), md);
    assertTrue(md.contains("| 13.0× | yes |"), md);
    assertTrue(md.contains("| 650 M/s | yes |"), md);
    assertTrue(!md.contains("**no**"), md);
  }

  @Test
  void missedTargetsTimeoutsAndMissingNumbersAreNotMet() {
    Map<String, String> r = allMet();
    r.put("throughput.spin.unicorn", "1.0e9");
    r.put("scaling.counted_diamonds.merged.64.status", "UNKNOWN");
    r.put("scaling.counted_diamonds.merged.64.ms", "20000");
    r.remove("verify.wall_s");
    String md = Acceptance.table(r);
    assertTrue(md.contains("| 0.90× Unicorn | **no** |"), md);
    assertTrue(md.contains("| the same, claiming the sum of the branches (`ensures(BX <= 64)`) | UNKNOWN after 20.0 s | **no** |"), md);
    assertTrue(md.contains("| not measured | **no** |"), md);
  }

  @Test
  void aSizeNotRunAfterASmallerOneTimedOutSaysSo() {
    Map<String, String> r = allMet();
    r.remove("scaling.counted_diamonds.merged.64.ms");
    r.remove("scaling.counted_diamonds.merged.64.status");
    r.put("scaling.counted_diamonds.merged.32.ms", "10015");
    r.put("scaling.counted_diamonds.merged.32.status", "UNKNOWN");
    String md = Acceptance.table(r);
    assertTrue(md.contains("(`ensures(BX <= 64)`) | not run: size 32 was UNKNOWN after 10.0 s | **no** |"), md);
  }
}
