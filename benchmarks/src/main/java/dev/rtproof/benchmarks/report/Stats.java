package dev.rtproof.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/** The statistics the benchmark tables use. */
public final class Stats {
  private Stats() {}

  /** The median (the mean of the middle two for an even count). */
  public static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of nothing");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int h = v.length / 2;
    return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  }

  /**
   * The growth exponent b of {@code time ≈ a · size^b}: the least-squares slope of log(time) over
   * log(size). Needs at least two distinct sizes.
   */
  public static double exponent(List<double[]> sizeAndTime) {
    int n = sizeAndTime.size();
    if (n < 2) {
      throw new IllegalArgumentException("an exponent needs two points, got " + n);
    }
    double sx = 0;
    double sy = 0;
    for (double[] p : sizeAndTime) {
      sx += Math.log(p[0]);
      sy += Math.log(p[1]);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    for (double[] p : sizeAndTime) {
      double dx = Math.log(p[0]) - mx;
      sxy += dx * (Math.log(p[1]) - my);
      sxx += dx * dx;
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("an exponent needs two distinct sizes");
    }
    return sxy / sxx;
  }
}
