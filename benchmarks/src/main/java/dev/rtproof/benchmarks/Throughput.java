package dev.rtproof.benchmarks;

import dev.rtproof.benchmarks.report.Results;
import dev.rtproof.benchmarks.report.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ThroughputBenchmark} and {@link LoopBenchmark} with JMH (one fork each) and writes their
 * tables: emulated instructions per second of every executor on every workload with its ratios to the
 * real CPU and to Unicorn, and the generated program against the interpreter on {@code ·mix}.
 *
 * <p>Usage: {@code Throughput OUT.md RESULTS WARMUPS MEASUREMENTS SECONDS} (iterations and seconds per
 * iteration, for both warm-up and measurement).
 */
public final class Throughput {
  private Throughput() {}

  /** One measured cell: instructions per second and JMH's 99.9% error of it. */
  record Rate(double perSecond, double error) {}

  public static void main(String[] args) throws IOException, RunnerException {
    Path out = Path.of(args[0]);
    Results results = new Results(Path.of(args[1]));
    int warmups = Integer.parseInt(args[2]);
    int measurements = Integer.parseInt(args[3]);
    TimeValue time = TimeValue.seconds(Long.parseLong(args[4]));
    Collection<RunResult> runs = new Runner(new OptionsBuilder()
        .include(ThroughputBenchmark.class.getName() + "|" + LoopBenchmark.class.getName())
        .forks(1).warmupIterations(warmups).warmupTime(time).measurementIterations(measurements)
        .measurementTime(time).build()).run();
    Map<String, Rate> workloads = new LinkedHashMap<>();
    Map<String, Rate> mix = new LinkedHashMap<>();
    for (RunResult r : runs) {
      String executor = r.getParams().getParam("executor");
      String workload = r.getParams().getParam("workload");
      Result<?> instructions = r.getSecondaryResults().get("instructions");
      Rate rate = new Rate(instructions.getScore(), instructions.getScoreError());
      if (workload == null) {
        mix.put(executor, rate);
      } else {
        workloads.put(workload + "/" + executor, rate);
      }
    }
    String md = throughputTable(workloads) + "\n" + loopTable(mix);
    Files.writeString(out, md);
    for (Map.Entry<String, Rate> e : workloads.entrySet()) {
      results.put("throughput." + e.getKey().toLowerCase(Locale.ROOT).replace('/', '.'), e.getValue().perSecond());
    }
    results.put("loop.generated", mix.get("generated").perSecond());
    results.put("loop.interpreter", mix.get("interpreter").perSecond());
  }

  /** Workload × executor: M instructions/s, and the throughput ratios to the real CPU and to Unicorn. */
  static String throughputTable(Map<String, Rate> rates) {
    Table t = new Table("workload", "executor", ">M instructions/s", ">± (99.9%)", ">÷ native", ">÷ Unicorn");
    for (Workload w : Workload.values()) {
      Rate nativeRate = rates.get(w + "/native");
      Rate unicorn = rates.get(w + "/unicorn");
      for (String executor : Executor.NAMES) {
        Rate r = rates.get(w + "/" + executor);
        if (r != null) {
          t.row("`" + w.symbol() + "`", executor, millions(r.perSecond()), millions(r.error()),
              ratio(r, nativeRate), ratio(r, unicorn));
        }
      }
    }
    return t.toString();
  }

  /** {@code ·mix}: generated against the interpreter (issue 4's acceptance). */
  static String loopTable(Map<String, Rate> rates) {
    Table t = new Table("executor", ">M instructions/s", ">± (99.9%)", ">÷ interpreter");
    Rate interpreter = rates.get("interpreter");
    for (String executor : List.of("generated", "interpreter")) {
      Rate r = rates.get(executor);
      if (r != null) {
        t.row(executor, millions(r.perSecond()), millions(r.error()), ratio(r, interpreter));
      }
    }
    return t.toString();
  }

  private static String millions(double perSecond) {
    return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%.1f", perSecond / 1e6);
  }

  private static String ratio(Rate r, Rate base) {
    return base == null ? "–" : String.format(Locale.ROOT, "%.3g×", r.perSecond() / base.perSecond());
  }
}
