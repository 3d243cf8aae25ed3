package dev.rtproof.cli;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Task;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.report.Report;
import dev.rtproof.verifier.report.SourceLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtproof verify}: proves every property of every routine on the classpath. */
@Command(name = "verify", description = "Verify every routine on the classpath and write the proof reports.")
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    reports.policy();
    reports.reportFormats();
    RoutineCatalog catalog = new RoutineCatalog(Thread.currentThread().getContextClassLoader());
    if (catalog.programs().isEmpty()) {
      spec.commandLine().getErr().println("rtproof: no routines on the classpath (compile some with the rtproof processor)");
      return 2;
    }
    List<Task> tasks = new ArrayList<>();
    for (Program program : catalog.programsByTarget().values()) {
      for (Routine r : program.routines()) {
        if (only.isEmpty() || only.contains(r.symbol())) {
          tasks.addAll(Task.of(program, r));
        }
      }
    }
    List<Task> mine = shard.of(tasks);
    Verifier verifier = new Verifier(VerifyOptions.defaults().withTimeout(timeout));
    Progress progress = Progress.forConsole(spec.commandLine().getErr(), mine.size());
    List<Verdict> verdicts = new ArrayList<>();
    for (Task t : mine) {
      Verdict v = verifier.verify(t.program(), t.routine(), t.property());
      verdicts.add(v);
      progress.finish();
      print(out, v);
      progress.update(verdicts.size());
    }
    progress.finish();
    List<Path> written = reports.write("rtproof verify", verdicts);
    out.println();
    out.println(new Report("", verdicts, SourceLocator.none()).summary()
        + (shard.count() > 1 ? " (shard " + shard.index() + "/" + shard.count() + " of " + tasks.size() + ")" : "")
        + "; reports in " + reports.reportDir + ": "
        + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
    return reports.exitCode(verdicts);
  }

  static void print(PrintWriter out, Verdict v) {
    out.printf(Locale.ROOT, "%-8s %-22s %s  (%d ms)%n", v.status(), v.routine(), v.label(), v.millis());
    if (v.status() != Status.PROVED) {
      out.println("         " + v.message());
    }
    out.flush();
  }
}
