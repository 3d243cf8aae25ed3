package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("title", r.title());
    root.put("z3", Verifier.z3Version());
    ObjectNode summary = root.putObject("summary");
    r.counts().forEach((s, n) -> summary.put(s.name(), n));
    ArrayNode list = root.putArray("verdicts");
    for (Verdict v : r.verdicts()) {
      VerdictJson.write(list.addObject(), v, r.sources()::uri);
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
