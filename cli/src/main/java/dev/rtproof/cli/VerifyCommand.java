package dev.rtproof.cli;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.FailOn;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtproof verify}: proves every property of every routine on the classpath. */
@Command(name = "verify", description = "Verify every routine on the classpath and write the proof reports.")
final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--timeout", description = "time budget per property, e.g. 500ms, 10s (default ${DEFAULT-VALUE})",
      defaultValue = "10s", converter = DurationConverter.class)
  Duration timeout;

  @Option(names = "--fail-on", description = "which verdicts fail the run: violated (VIOLATED, VACUOUS, ERROR),"
      + " unknown (also UNKNOWN), never (default ${DEFAULT-VALUE})", defaultValue = "violated")
  String failOn;

  @Option(names = "--report-dir", description = "where report.md and report.json go (default ${DEFAULT-VALUE})",
      defaultValue = "target/rtproof")
  Path reportDir;

  @Option(names = "--routine", description = "verify only these routines (symbols), may repeat")
  List<String> only = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    FailOn policy = FailOn.parse(failOn);
    RoutineCatalog catalog = new RoutineCatalog(Thread.currentThread().getContextClassLoader());
    if (catalog.programs().isEmpty()) {
      spec.commandLine().getErr().println("rtproof: no routines on the classpath (compile some with the rtproof processor)");
      return 2;
    }
    Verifier verifier = new Verifier(VerifyOptions.defaults().withTimeout(timeout));
    List<Verdict> verdicts = new ArrayList<>();
    for (Program program : catalog.programsByTarget().values()) {
      for (Routine r : program.routines()) {
        if (!only.isEmpty() && !only.contains(r.symbol())) {
          continue;
        }
        for (PropertySpec p : r.properties()) {
          Verdict v = verifier.verify(program, r, p);
          verdicts.add(v);
          out.printf(Locale.ROOT, "%-8s %-22s %s  (%d ms)%n", v.status(), v.routine(), v.label(), v.millis());
          if (v.status() != Status.PROVED) {
            out.println("         " + v.message());
          }
          out.flush();
        }
      }
    }
    List<Path> written = ReportWriter.write(reportDir, "rtproof verify", verdicts);
    out.println();
    out.println(verdicts.size() + " properties: " + ReportWriter.counts(verdicts) + "; reports: "
        + written.get(0) + ", " + written.get(1));
    return verdicts.stream().anyMatch(v -> policy.fails(v.status())) ? 1 : 0;
  }
}
