package dev.rtproof.verifier.report;

/** One file of the proof report: its name and how a {@link Report} renders into it. */
public interface ReportFormat {
  /** The format's name on the command line: md, json, junit, sarif, html. */
  String name();

  /** The file it is written to, e.g. {@code report.md}. */
  String fileName();

  String render(Report report);
}
