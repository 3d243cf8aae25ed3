package dev.rtproof.benchmarks.report;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The acceptance targets of issue 7 (and issue 4's JMH item), checked against the numbers of one run
 * ({@link Results}): each row says the target, what was measured and whether it is met. A number the run
 * did not produce is "not measured", never met.
 */
public final class Acceptance {
  private final Map<String, String> results;
  private final Table table = new Table("target", ">measured", "met");

  private Acceptance(Map<String, String> results) {
    this.results = results;
  }

  /** The acceptance table for {@code results}. */
  public static String table(Map<String, String> results) {
    Acceptance a = new Acceptance(results);
    a.atLeast("generated ≥ Unicorn on the tight loop (`·spin`, instructions/s)",
        a.ratio("throughput.spin.generated", "throughput.spin.unicorn"), 1, "%.2f× Unicorn");
    a.atMost("generated within 10× of native on the tight loop",
        a.ratio("throughput.spin.native", "throughput.spin.generated"), 10, "native is %.1f× faster");
    a.atMost("straight-line verification: growth exponent ≤ 1.3",
        a.number("scaling.straight.merged.exponent"), 1.3, "%.2f");
    a.verifiedWithin("64 sequential diamonds verify in ≤ 5 s (`stack-balance`)", "scaling.diamonds.merged.64", 5);
    a.verifiedWithin("the same, claiming the sum of the branches (`ensures(BX <= 64)`)",
        "scaling.counted_diamonds.merged.64", 5);
    a.atMost("`./rtproof verify` over all examples ≤ 10 s wall (median)", a.number("verify.wall_s"), 10, "%.1f s");
    a.atMost("processor overhead compiling `examples` ≤ 3 s (no proof cache)",
        a.number("processor.overhead_s"), 3, "%.1f s");
    a.atMost("processor overhead, rebuild with a warm proof cache (for comparison)",
        a.number("processor.cached_overhead_s"), 3, "%.1f s");
    a.atLeast("issue 4: generated ≥ 5× the interpreter (`·mix`)", a.ratio("loop.generated", "loop.interpreter"), 5,
        "%.1f×");
    a.atLeast("issue 4: generated ≥ 200 M instructions/s (`·mix`)", a.millions("loop.generated"), 200, "%.0f M/s");
    return a.table.toString();
  }

  private void atLeast(String target, double measured, double bound, String format) {
    row(target, measured, format, v -> v >= bound);
  }

  private void atMost(String target, double measured, double bound, String format) {
    row(target, measured, format, v -> v <= bound);
  }

  private void row(String target, double measured, String format, DoubleFunction<Boolean> met) {
    if (Double.isNaN(measured)) {
      table.row(target, "not measured", "**no**");
    } else {
      table.row(target, String.format(Locale.ROOT, format, measured), met.apply(measured) ? "yes" : "**no**");
    }
  }

  /** The value of {@code key}, NaN when absent or not a number. */
  private double number(String key) {
    String v = results.get(key);
    if (v == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private double ratio(String numerator, String denominator) {
    return number(numerator) / number(denominator);
  }

  private double millions(String key) {
    return number(key) / 1e6;
  }

  /**
   * A scaling point PROVED within {@code seconds}; another verdict (a timeout) is shown and not met, and so
   * is a point not run because a smaller size of its series did not finish.
   */
  private void verifiedWithin(String target, String point, double seconds) {
    String status = results.get(point + ".status");
    double s = number(point + ".ms") / 1000;
    String series = point.substring(0, point.lastIndexOf('.') + 1);
    if (status == null) {
      for (Map.Entry<String, String> e : results.entrySet()) {
        String key = e.getKey();
        if (key.startsWith(series) && key.endsWith(".status") && !"PROVED".equals(e.getValue())) {
          String size = key.substring(series.length(), key.length() - ".status".length());
          table.row(target, String.format(Locale.ROOT, "not run: size %s was %s after %.1f s", size, e.getValue(),
              number(series + size + ".ms") / 1000), "**no**");
          return;
        }
      }
    }
    if (status == null || "PROVED".equals(status)) {
      atMost(target, s, seconds, "%.2f s");
    } else {
      table.row(target, String.format(Locale.ROOT, "%s after %.1f s", status, s), "**no**");
    }
  }
}
