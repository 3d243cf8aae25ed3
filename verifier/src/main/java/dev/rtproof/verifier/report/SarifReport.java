package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rtproof.sarif}, SARIF 2.1.0 for code-scanning views: one rule per property, one result per
 * failure or unknown (PROVED verdicts are not results), located at the source line.
 */
public final class SarifReport implements ReportFormat {
  public static final String VERSION = "0.1.0-SNAPSHOT";

  @Override
  public String name() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "rtproof.sarif";
  }

  @Override
  public String render(Report r) {
    ObjectNode root = PrettyJson.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "rtproof");
    driver.put("version", VERSION);
    driver.put("semanticVersion", VERSION);
    List<String> ruleIds = new ArrayList<>(Rules.ALL.keySet());
    r.verdicts().stream().map(Verdict::property).filter(p -> !ruleIds.contains(p)).distinct().forEach(ruleIds::add);
    ArrayNode rules = driver.putArray("rules");
    for (String id : ruleIds) {
      Rules.Rule rule = Rules.of(id);
      ObjectNode n = rules.addObject();
      n.put("id", id);
      n.put("name", rule.name());
      n.putObject("shortDescription").put("text", rule.summary());
      n.putObject("fullDescription").put("text", rule.help());
      n.putObject("help").put("text", rule.help()).put("markdown", rule.help());
      n.putObject("defaultConfiguration").put("level", "error");
    }
    ArrayNode results = run.putArray("results");
    for (Verdict v : r.verdicts()) {
      if (v.status() == Status.PROVED) {
        continue;
      }
      ObjectNode res = results.addObject();
      res.put("ruleId", v.property());
      res.put("ruleIndex", ruleIds.indexOf(v.property()));
      res.put("level", v.status() == Status.UNKNOWN ? "warning" : "error");
      res.putObject("message").put("text", v.status() + " " + v.label() + " of " + v.routine() + ": " + v.message());
      if (v.pos().isKnown()) {
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", r.sources().uri(v.pos()));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", v.pos().line());
        if (v.pos().column() > 0) {
          region.put("startColumn", v.pos().column());
        }
      }
      ObjectNode props = res.putObject("properties");
      props.put("status", v.status().name());
      props.put("routine", v.routine());
      ArrayNode assumptions = props.putArray("assumptions");
      v.assumptions().forEach(assumptions::add);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    run.putObject("properties").put("z3", Verifier.z3Version());
    return PrettyJson.print(root);
  }
}
