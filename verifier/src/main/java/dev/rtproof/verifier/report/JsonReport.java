package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;

/** {@code report.json}, schema {@value #SCHEMA}, documented in {@code docs/report-json.md}. */
public final class JsonReport implements ReportFormat {
  public static final String SCHEMA = "rtproof-report/1";

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public String render(Report r) {
    ObjectNode root = PrettyJson.object();
    root.put("schema", SCHEMA);
    root.put("title", r.title());
    root.put("z3", Verifier.z3Version());
    ObjectNode summary = root.putObject("summary");
    r.counts().forEach((s, n) -> summary.put(s.name(), n));
    ArrayNode list = root.putArray("verdicts");
    for (Verdict v : r.verdicts()) {
      VerdictJson.write(list.addObject(), v, r.sources()::uri);
    }
    return PrettyJson.print(root);
  }
}
