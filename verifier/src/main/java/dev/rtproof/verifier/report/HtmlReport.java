package dev.rtproof.verifier.report;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;

/**
 * {@code report.html}: one self-contained page (no scripts, no external files) with the summary table
 * and, for each counterexample, a memory picture and the entry registers.
 */
public final class HtmlReport implements ReportFormat {
  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
      th{background:#f3f3f3}caption{text-align:left;font-weight:bold;padding:4px 0}code,.addr{font-family:ui-monospace,monospace}
      tr.PROVED td.status{color:#176f2c}tr.VIOLATED td.status,tr.VACUOUS td.status,tr.ERROR td.status{color:#b00020}
      tr.UNKNOWN td.status{color:#8a5a00}td.status{font-weight:bold}
      section.counterexample{border-top:2px solid #b00020;margin-top:2em}
      svg .column{fill:#eef3fb;stroke:#5b7db1}svg .mark{stroke:#5b7db1;fill:#222}svg text{font-size:12px}
      svg .witness{stroke:#b00020;fill:#b00020;font-weight:bold}svg .axis{fill:#888;font-style:italic}
      """;

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(Report r) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>rtproof: ")
        .append(Html.text(r.title())).append("</title><style>").append(STYLE).append("</style></head><body>\n")
        .append("<h1>rtproof: ").append(Html.text(r.title())).append("</h1>\n<p class=\"summary\">")
        .append(Html.text(r.summary())).append(". ").append(Html.text(Verifier.z3Version())).append(".</p>\n")
        .append("<table id=\"verdicts\"><thead><tr><th>routine</th><th>property</th><th>verdict</th><th>where</th>")
        .append("<th>details</th></tr></thead><tbody>\n");
    int n = 0;
    for (Verdict v : r.verdicts()) {
      String where = v.pos().isKnown() ? r.sources().uri(v.pos()) + ":" + v.pos().line() : "";
      String details = v.counterexample() == null ? Html.text(v.message())
          : "<a href=\"#cex-" + (++n) + "\">" + Html.text(v.counterexample().what()) + "</a>";
      b.append("<tr class=\"").append(v.status()).append("\"><td><code>").append(Html.text(v.routine()))
          .append("</code></td><td><code>").append(Html.text(v.label())).append("</code></td><td class=\"status\">")
          .append(v.status()).append("</td><td>").append(Html.text(where)).append("</td><td>").append(details)
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    n = 0;
    for (Verdict v : r.verdicts()) {
      Counterexample c = v.counterexample();
      if (c == null) {
        continue;
      }
      b.append("<section class=\"counterexample\" id=\"cex-").append(++n).append("\"><h2>").append(v.status()).append(' ')
          .append(Html.text(v.label())).append(" of <code>").append(Html.text(v.routine())).append("</code></h2>\n<p>")
          .append(Html.text(c.what())).append(" at ").append(Html.text(r.sources().uri(c.pos()) + ":" + c.pos().line()))
          .append("</p>\n<p class=\"message\">").append(Html.text(v.message())).append("</p>\n")
          .append(CounterexamplePicture.svg(c)).append("\n").append(registers(c))
          .append("<details><summary>assumptions</summary><ul>");
      v.assumptions().forEach(a -> b.append("<li>").append(Html.text(a)).append("</li>"));
      b.append("</ul></details></section>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  /** The entry registers, four to a row. */
  private static String registers(Counterexample c) {
    StringBuilder b = new StringBuilder("<table class=\"registers\"><caption>registers at entry</caption><tbody>");
    java.util.List<String> cells = new java.util.ArrayList<>();
    c.registers().forEach((reg, value) -> cells.add("<th>" + reg + "</th><td class=\"addr\">" + Hex.of(value) + "</td>"));
    cells.add("<th>FS</th><td class=\"addr\">" + Hex.of(c.fs()) + "</td>");
    for (int i = 0; i < cells.size(); i++) {
      b.append(i % 4 == 0 ? "<tr>" : "").append(cells.get(i)).append(i % 4 == 3 || i == cells.size() - 1 ? "</tr>" : "");
    }
    return b.append("</tbody></table>\n").toString();
  }
}
