package dev.rtproof.benchmarks.verify;

import dev.rtproof.benchmarks.report.Results;
import dev.rtproof.benchmarks.report.Stats;
import dev.rtproof.benchmarks.report.Table;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time per property of every example routine on the classpath (those {@code rtproof verify} finds), one
 * thread, default options: a warm-up on the first {@value #WARM_UP} properties (not counted: class
 * loading, JIT, Z3's library), then {@code runs} timed passes; the table gives each property's median, minimum and maximum.
 *
 * <p>Usage: {@code PropertyTimes OUT.md RESULTS [runs]}.
 */
public final class PropertyTimes {
  /** Properties verified once before timing: class loading, Z3's library and the JIT's first work. */
  static final int WARM_UP = 3;

  private PropertyTimes() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Results results = new Results(Path.of(args[1]));
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Task> tasks = new ArrayList<>();
    for (Program p : new RoutineCatalog(PropertyTimes.class.getClassLoader()).programsByTarget().values()) {
      tasks.addAll(Task.of(p));
    }
    if (tasks.isEmpty()) {
      throw new IllegalStateException("no example routines on the classpath");
    }
    Verifier verifier = new Verifier(VerifyOptions.defaults());
    for (int i = 0; i < Math.min(WARM_UP, tasks.size()); i++) {
      verify(verifier, tasks.get(i));
    }
    Verdict[] verdicts = new Verdict[tasks.size()];
    double[][] ms = new double[tasks.size()][runs];
    // Passes, not property after property: a burst of load on the machine spreads over all properties.
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < tasks.size(); i++) {
        Timed t = verify(verifier, tasks.get(i));
        ms[i][r] = t.millis;
        if (verdicts[i] == null || t.verdict.status() != verdicts[i].status()) {
          verdicts[i] = t.verdict; // the last that differs: a verdict that changes between runs is worth seeing
        }
      }
    }
    Table md = new Table("routine", "property", "verdict", ">median ms", ">min ms", ">max ms");
    double total = 0;
    double worst = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double median = Stats.median(ms[i]);
      total += median;
      worst = Math.max(worst, median);
      Verdict v = verdicts[i];
      md.row("`" + v.routine() + "`", "`" + v.label() + "`", v.status(), millis(median), millis(min(ms[i])),
          millis(max(ms[i])));
    }
    md.row("**all " + tasks.size() + " properties**", "", "", "**" + millis(total) + "** (sum)", "", "");
    Files.writeString(out, md.toString());
    results.put("properties.count", tasks.size());
    results.put("properties.sum_of_medians_ms", total);
    results.put("properties.max_median_ms", worst);
    results.put("properties.not_proved",
        Arrays.stream(verdicts).filter(v -> v.status() != Status.PROVED).count());
  }

  private record Timed(Verdict verdict, double millis) {}

  private static Timed verify(Verifier verifier, Task t) {
    long start = System.nanoTime();
    Verdict v = verifier.verify(t.program(), t.routine(), t.property());
    return new Timed(v, (System.nanoTime() - start) / 1e6);
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, "%.0f", ms);
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElseThrow();
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElseThrow();
  }
}
