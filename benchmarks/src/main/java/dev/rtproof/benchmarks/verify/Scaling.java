package dev.rtproof.benchmarks.verify;

import dev.rtproof.benchmarks.report.Results;
import dev.rtproof.benchmarks.report.Stats;
import dev.rtproof.benchmarks.report.Table;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How verification time grows with the size of a {@link Shape}, with and without merging paths at join
 * points: each size is verified {@code runs} times (median), or once when a run takes over
 * {@link #SLOW_MS}; the growth exponent is the least-squares slope on log-log over the PROVED sizes.
 * A size that does not finish within the budget ends that series (larger ones would not either).
 *
 * <p>Usage: {@code Scaling OUT.md RESULTS [runs] [budget-seconds]}.
 */
public final class Scaling {
  /** Above this, a size is measured once: a median would cost minutes and change little. */
  static final double SLOW_MS = 5_000;

  private Scaling() {}

  /** One measured size. */
  record Point(int size, Status status, double millis) {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Results results = new Results(Path.of(args[1]));
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Duration budget = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 60);
    warmUp();
    StringBuilder md = new StringBuilder();
    for (Shape shape : Shape.values()) {
      List<Point> merged = series(shape, VerifyOptions.defaults().withTimeout(budget), runs);
      List<Point> unmerged = series(shape, VerifyOptions.defaults().withTimeout(budget).withoutMerging(), runs);
      md.append(table(shape, merged, unmerged));
      record(results, "scaling." + key(shape) + ".merged", merged);
      record(results, "scaling." + key(shape) + ".unmerged", unmerged);
    }
    Files.writeString(out, md.toString());
  }

  /** {@code PREFIX.exponent}, and per size {@code PREFIX.SIZE.ms} and {@code PREFIX.SIZE.status}. */
  private static void record(Results results, String prefix, List<Point> points) {
    results.put(prefix + ".exponent", exponent(points));
    for (Point p : points) {
      results.put(prefix + "." + p.size + ".ms", p.millis);
      results.put(prefix + "." + p.size + ".status", p.status.name());
    }
  }

  private static String key(Shape s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /** Verifies each shape's smallest sizes a few times, so the first measured size does not pay for the JIT. */
  private static void warmUp() {
    Verifier v = new Verifier(VerifyOptions.defaults());
    for (int i = 0; i < 3; i++) {
      for (Shape s : Shape.values()) {
        verify(v, s.routine(s.sizes().get(1)));
      }
    }
  }

  static List<Point> series(Shape shape, VerifyOptions options, int runs) {
    Verifier verifier = new Verifier(options);
    List<Point> points = new ArrayList<>();
    for (int size : shape.sizes()) {
      Routine r = shape.routine(size);
      List<Double> times = new ArrayList<>();
      Verdict v = null;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        v = verify(verifier, r);
        double ms = (System.nanoTime() - start) / 1e6;
        times.add(ms);
        if (ms > SLOW_MS || v.status() != Status.PROVED) {
          break;
        }
      }
      Point p = new Point(size, v.status(), Stats.median(times.stream().mapToDouble(Double::doubleValue).toArray()));
      points.add(p);
      System.err.printf(Locale.ROOT, "%s %s %d: %s %.0f ms%n", shape, options.merge() ? "merged" : "unmerged", size,
          p.status, p.millis);
      if (p.status != Status.PROVED) {
        break;
      }
    }
    return points;
  }

  private static Verdict verify(Verifier v, Routine r) {
    return v.verify(new Program(List.of(r)), r, r.properties().get(0));
  }

  /** The exponent over the PROVED points, NaN with fewer than two. */
  static double exponent(List<Point> points) {
    List<double[]> xy = points.stream().filter(p -> p.status == Status.PROVED)
        .map(p -> new double[] {p.size, p.millis}).toList();
    return xy.size() < 2 ? Double.NaN : Stats.exponent(xy);
  }

  static String table(Shape shape, List<Point> merged, List<Point> unmerged) {
    Table t = new Table(">" + shape.unit(), ">merged", ">without merging");
    for (int i = 0; i < shape.sizes().size(); i++) {
      t.row(shape.sizes().get(i), cell(merged, i), cell(unmerged, i));
    }
    t.row("**growth exponent**", "**" + format(exponent(merged)) + "**", "**" + format(exponent(unmerged)) + "**");
    return String.format(Locale.ROOT, "%n#### %s (`%s`)%n%n", shape.unit(), shape.claim()) + t;
  }

  private static String cell(List<Point> points, int i) {
    if (i >= points.size()) {
      return "not run (a smaller size did not finish)";
    }
    Point p = points.get(i);
    String ms = String.format(Locale.ROOT, "%.0f ms", p.millis);
    return p.status == Status.PROVED ? ms : p.status + " after " + ms;
  }

  private static String format(double exponent) {
    return Double.isNaN(exponent) ? "–" : String.format(Locale.ROOT, "%.2f", exponent);
  }
}
