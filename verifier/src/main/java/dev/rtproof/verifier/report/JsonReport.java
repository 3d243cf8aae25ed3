package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.verifier.Counterexample;
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
      ObjectNode n = list.addObject();
      n.put("routine", v.routine());
      n.put("property", v.property());
      n.put("label", v.label());
      n.put("status", v.status().name());
      n.put("message", v.message());
      ObjectNode at = n.putObject("location");
      at.put("file", v.pos().file());
      at.put("uri", r.sources().uri(v.pos()));
      at.put("line", v.pos().line());
      at.put("column", v.pos().column());
      n.put("millis", v.millis());
      ArrayNode assumptions = n.putArray("assumptions");
      v.assumptions().forEach(assumptions::add);
      Counterexample c = v.counterexample();
      if (c != null) {
        ObjectNode cx = n.putObject("counterexample");
        cx.put("what", c.what());
        ObjectNode regs = cx.putObject("registers");
        c.registers().forEach((k, val) -> regs.put(k, Hex.of(val)));
        cx.put("FS", Hex.of(c.fs()));
        cx.put("GS", Hex.of(c.gs()));
        ObjectNode syms = cx.putObject("symbols");
        c.symbols().forEach((k, val) -> syms.put(k, Hex.of(val)));
        ObjectNode w = cx.putObject("witnesses");
        c.witnesses().forEach((k, val) -> w.put(k, Hex.of(val)));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
