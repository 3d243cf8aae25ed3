package dev.rtproof.cli;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmException;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.cache.ProofCache;
import dev.rtproof.verifier.report.Report;
import dev.rtproof.verifier.report.SourceLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rtproof verify}: proves every declared and implied property of every routine on the classpath, or
 * the properties given on the command line of the routines of a Go assembly file.
 */
@Command(name = "verify", description = "Verify every routine on the classpath (or, with --asm, the routines of a"
    + " Go assembly file) and write the proof reports.")
final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReportOptions reports;

  @Option(names = "--timeout", description = "time budget per property, e.g. 500ms, 10s (default ${DEFAULT-VALUE})",
      defaultValue = "10s", converter = DurationConverter.class)
  Duration timeout;

  @Option(names = "--routine", description = "verify only these routines (symbols), may repeat")
  List<String> only = new ArrayList<>();

  @Option(names = "--shard", description = "verify the I-th of N equal shares of the work, e.g. 2/4",
      converter = Shard.Converter.class, defaultValue = "1/1")
  Shard shard;

  @Option(names = "--jobs", description = "routines verified at once (default: one per core)")
  int jobs;

  @Option(names = "--cache", paramLabel = "DIR", description = "keep verdicts in DIR and take those of unchanged"
      + " routines from there instead of solving again (e.g. target/rtproof-cache)")
  Path cache;

  @Option(names = "--asm", paramLabel = "FILE.s", description = "verify the routines of this Go assembly file")
  Path asm;

  @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "with --asm: header directory, may repeat")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--target", description = "with --asm: the Go target (default ${DEFAULT-VALUE})", defaultValue = "GO1_19")
  Target target;

  @Option(names = "--property", paramLabel = "NAME[=ARG]", converter = PropertyArg.class,
      description = "with --asm: a property to verify, may repeat: stack-balance, no-fault, stackguard,"
          + " stack-alignment=16[@sym,…], unreachable=sym,…, tls-round-trip=m, ensures=EXPR")
  List<PropertySpec> properties = new ArrayList<>();

  @Option(names = "--requires", paramLabel = "EXPR", description = "with --asm: a requirement on entry, may repeat")
  List<String> requires = new ArrayList<>();

  @Option(names = "--playback", paramLabel = "DIR", description = "write each counterexample as a JUnit 5 test that"
      + " replays it (package rtproof.playback) under the source root DIR, e.g. src/test/java")
  Path playback;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    reports.policy();
    reports.reportFormats();
    if (playback != null && asm != null) {
      throw new ParameterException(spec.commandLine(), "--playback replays the generated programs on the classpath;"
          + " routines from --asm have none");
    }
    List<Task> tasks;
    if (asm != null) {
      try {
        tasks = AsmTasks.of(asm, target, includes, only, properties, requires);
      } catch (AsmException e) {
        AsmErrors.report(e, includes, spec.commandLine().getErr());
        return 2;
      }
    } else {
      RoutineCatalog catalog = new RoutineCatalog(Thread.currentThread().getContextClassLoader());
      if (catalog.programs().isEmpty()) {
        spec.commandLine().getErr().println("rtproof: no routines on the classpath (compile some with the rtproof processor)");
        return 2;
      }
      tasks = classpathTasks(catalog);
    }
    List<Task> mine = shard.of(tasks);
    Verifier verifier = new Verifier(VerifyOptions.defaults().withTimeout(timeout));
    int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
    Progress progress = Progress.forConsole(spec.commandLine().getErr(), mine.size());
    List<Verdict> verdicts = new ArrayList<>();
    int hits = 0;
    // Batches keep the output in task order and the progress bar moving while the threads work; a batch holds
    // whole routines (whose properties the verifier explores together), a few per thread.
    for (List<Task> batch : batches(mine, 4 * threads)) {
      ProofCache.Run run = cache == null ? new ProofCache.Run(verifier.verifyAll(batch, threads),
          batch.stream().map(t -> false).toList()) : ProofCache.at(cache).verifyAll(verifier, batch, threads);
      hits += run.hits();
      for (int i = 0; i < batch.size(); i++) {
        Verdict v = run.verdicts().get(i);
        verdicts.add(v);
        progress.finish();
        print(out, v, run.cached().get(i));
        progress.update(verdicts.size());
      }
    }
    progress.finish();
    List<Path> written = reports.write("rtproof verify", verdicts);
    out.println();
    out.println(new Report("", verdicts, SourceLocator.none()).summary()
        + (shard.count() > 1 ? " (shard " + shard.index() + "/" + shard.count() + " of " + tasks.size() + ")" : "")
        + (cache == null ? "" : "; " + hits + " from the proof cache")
        + "; reports in " + reports.reportDir + ": "
        + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
    if (playback != null) {
      Map<String, String> targets = new HashMap<>();
      mine.forEach(t -> targets.put(t.routine().symbol(), t.routine().target()));
      for (PlaybackTests.Source t : PlaybackTests.of(verdicts, "rtproof.playback", targets::get)) {
        out.println("playback: " + t.writeUnder(playback, "rtproof.playback"));
      }
    }
    return reports.exitCode(verdicts);
  }

  /** Every declared and implied property of the routines on the classpath (those named, with --routine). */
  private List<Task> classpathTasks(RoutineCatalog catalog) {
    List<Task> tasks = new ArrayList<>();
    for (Program program : catalog.programsByTarget().values()) {
      for (Routine r : program.routines()) {
        if (only.isEmpty() || only.contains(r.symbol())) {
          tasks.addAll(Task.of(program, r));
        }
      }
    }
    return tasks;
  }

  static void print(PrintWriter out, Verdict v, boolean cached) {
    out.printf(Locale.ROOT, "%-8s %-22s %s  (%s)%n", v.status(), v.routine(), v.label(),
        cached ? "cached" : v.millis() + " ms");
    if (v.status() != Status.PROVED) {
      out.println("         " + v.message());
    }
    out.flush();
  }

  /** {@code tasks} in order, cut into runs of {@code routines} routines (the tasks of one routine stay together). */
  static List<List<Task>> batches(List<Task> tasks, int routines) {
    List<List<Task>> out = new ArrayList<>();
    List<Task> current = new ArrayList<>();
    java.util.Set<String> in = new java.util.HashSet<>();
    for (Task t : tasks) {
      if (!in.contains(t.routine().symbol()) && in.size() == routines) {
        out.add(current);
        current = new ArrayList<>();
        in.clear();
      }
      in.add(t.routine().symbol());
      current.add(t);
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
