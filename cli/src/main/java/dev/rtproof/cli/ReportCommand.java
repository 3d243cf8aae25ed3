package dev.rtproof.cli;

import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.report.JsonReportReader;
import dev.rtproof.verifier.report.Report;
import dev.rtproof.verifier.report.SourceLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rtproof report}: merges report.json files (e.g. CI shards) and writes every report format. */
@Command(name = "report", description = "Merge report.json files (for example from --shard runs) into one report.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ReportOptions reports;

  @Parameters(arity = "1..*", paramLabel = "REPORT.json", description = "report.json files to merge")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    reports.policy();
    List<Verdict> verdicts = new ArrayList<>();
    for (Path in : inputs) {
      verdicts.addAll(JsonReportReader.read(in));
    }
    reports.write("rtproof report", verdicts);
    out.println(new Report("", verdicts, SourceLocator.none()).summary() + " from " + inputs.size()
        + " report" + (inputs.size() == 1 ? "" : "s") + "; reports in " + reports.reportDir);
    return reports.exitCode(verdicts);
  }
}
