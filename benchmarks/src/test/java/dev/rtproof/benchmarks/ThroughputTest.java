package dev.rtproof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.benchmarks.Throughput.Rate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {
  @Test
  void ratiosAreToNativeAndToUnicornOfTheSameWorkload() {
    Map<String, Rate> rates = new LinkedHashMap<>();
    rates.put("SPIN/generated", new Rate(8e8, 1e7));
    rates.put("SPIN/unicorn", new Rate(4e8, 2e7));
    rates.put("SPIN/native", new Rate(4e9, 1e8));
    rates.put("SWEEP/generated", new Rate(5e8, 1e7));
    String md = Throughput.throughputTable(rates);
    assertTrue(md.contains("| `·spin` | generated | 800.0 | 10.0 | 0.200× | 2.00× |"), md);
    assertTrue(md.contains("| `·spin` | native | 4000.0 | 100.0 | 1.00× | 10.0× |"), md);
    assertTrue(md.contains("| `·sweep` | generated | 500.0 | 10.0 | – | – |"), md);
  }

  @Test
  void loopTableGivesTheGeneratedToInterpreterRatio() {
    String md = Throughput.loopTable(Map.of("generated", new Rate(6e8, 1e7), "interpreter", new Rate(5e7, 1e6)));
    assertTrue(md.contains("| generated | 600.0 | 10.0 | 12.0× |"), md);
    assertTrue(md.contains("| interpreter | 50.0 | 1.0 | 1.00× |"), md);
  }
}
