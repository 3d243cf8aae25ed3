package dev.rtproof.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3, Stats.median(5, 1, 3));
    assertEquals(2.5, Stats.median(4, 1, 3, 2));
  }

  @Test
  void exponentOfAPowerLaw() {
    // time = 3 · size^1.5, exactly: the fitted slope is 1.5.
    List<double[]> points = List.of(new double[] {10, 3 * Math.pow(10, 1.5)},
        new double[] {100, 3 * Math.pow(100, 1.5)}, new double[] {1000, 3 * Math.pow(1000, 1.5)});
    assertEquals(1.5, Stats.exponent(points), 1e-9);
  }

  @Test
  void exponentOfNoisyLinearGrowthIsNearOne() {
    List<double[]> points = List.of(new double[] {100, 10.5}, new double[] {1000, 98}, new double[] {10000, 1010});
    assertEquals(1.0, Stats.exponent(points), 0.02);
  }

  @Test
  void anExponentNeedsTwoDistinctSizes() {
    assertThrows(IllegalArgumentException.class, () -> Stats.exponent(List.<double[]>of(new double[] {1, 2})));
    assertThrows(IllegalArgumentException.class,
        () -> Stats.exponent(List.of(new double[] {5, 2}, new double[] {5, 3})));
  }
}
