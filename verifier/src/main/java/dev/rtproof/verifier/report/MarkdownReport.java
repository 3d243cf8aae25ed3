package dev.rtproof.verifier.report;

import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;

/** {@code report.md}: a summary and one table row per routine × property, fit for a CI job summary. */
public final class MarkdownReport implements ReportFormat {
  @Override
  public String name() {
    return "md";
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public String render(Report r) {
    StringBuilder b = new StringBuilder("## rtproof: ").append(r.title()).append("\n\n").append(r.summary()).append(".\n\n");
    b.append("| routine | property | verdict | where | details |\n|---|---|---|---|---|\n");
    for (Verdict v : r.verdicts()) {
      String where = v.pos().isKnown() ? r.sources().uri(v.pos()) + ":" + v.pos().line() : "";
      b.append("| `").append(v.routine()).append("` | `").append(cell(v.label())).append("` | **").append(v.status())
          .append("** | ").append(where).append(" | ").append(cell(v.message())).append(" |\n");
    }
    b.append("\n").append(Verifier.z3Version()).append(". The assumptions each verdict rests on are in report.json.\n");
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
