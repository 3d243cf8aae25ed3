package dev.rtproof.cli;

import dev.rtproof.verifier.FailOn;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.report.Report;
import dev.rtproof.verifier.report.ReportFormat;
import dev.rtproof.verifier.report.ReportWriter;
import dev.rtproof.verifier.report.SourceLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where reports go, in which formats, and which verdicts fail the run: shared by verify and report. */
final class ReportOptions {
  @Option(names = "--report-dir", description = "where the reports go (default ${DEFAULT-VALUE})",
      defaultValue = "target/rtproof")
  Path reportDir;

  @Option(names = "--format", split = ",", description = "report formats to write: md, json, junit, sarif, html"
      + " (default: all)")
  List<String> formats = new ArrayList<>();

  @Option(names = "--fail-on", description = "which verdicts fail the run: violated (VIOLATED, VACUOUS, ERROR),"
      + " unknown (also UNKNOWN), never (default ${DEFAULT-VALUE})", defaultValue = "violated")
  String failOn;

  FailOn policy() {
    return FailOn.parse(failOn);
  }

  List<ReportFormat> reportFormats() {
    return formats.isEmpty() ? ReportWriter.FORMATS : ReportWriter.formats(formats);
  }

  /** Writes the reports (source paths relative to the working directory); returns the files. */
  List<Path> write(String title, List<Verdict> verdicts) {
    Report report = new Report(title, verdicts, SourceLocator.under(Path.of("")));
    return ReportWriter.write(reportDir, report, reportFormats());
  }

  /** 1 when a verdict fails under {@code --fail-on}, else 0. */
  int exitCode(List<Verdict> verdicts) {
    FailOn p = policy();
    return verdicts.stream().anyMatch(v -> p.fails(v.status())) ? 1 : 0;
  }
}
