package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every property of every example is PROVED, except the expected violations listed here: claims a real Go
 * routine genuinely breaks, kept as properties and documented in the example's javadoc. The verdicts are
 * the ones the rtproof processor reported while compiling the examples ({@code target/rtproof/report.json}
 * of this module; the examples compile with {@code -Artproof.failOn=never} so that expected violations do
 * not stop the build — this test stops it for anything else). Point {@code -Drtproof.examples.report} at
 * another report — e.g. the {@code target/rtproof/report.json} that {@code ./rtproof verify} writes — to
 * check that one against the same list.
 */
class ExpectedVerdictsTest {
  /** routine + " " + property label → the status the example documents. */
  static final Map<String, String> EXPECTED_VIOLATIONS = Map.of(
      // Rt0Go116: Linux refuses an FS base in the last page below 2^47 (TASK_SIZE_MAX) with -EPERM, and
      // settls then takes its crash path.
      "go116·settls no-fault", "VIOLATED");

  private static Path report() {
    return Path.of(System.getProperty("rtproof.examples.report", "target/rtproof/report.json"));
  }

  private static List<JsonNode> verdicts() throws IOException {
    JsonNode json = new ObjectMapper().readTree(Files.readString(report()));
    assertEquals("rtproof-report/1", json.get("schema").asText());
    List<JsonNode> out = new ArrayList<>();
    json.get("verdicts").forEach(out::add);
    return out;
  }

  @Test
  void everyPropertyIsProvedExceptTheExpectedViolations() throws IOException {
    Map<String, String> unexpected = new LinkedHashMap<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (JsonNode v : verdicts()) {
      String key = v.get("routine").asText() + " " + v.get("label").asText();
      String status = v.get("status").asText();
      seen.put(key, status);
      String expected = EXPECTED_VIOLATIONS.getOrDefault(key, "PROVED");
      if (!status.equals(expected)) {
        unexpected.put(key, status + " (expected " + expected + "): " + v.get("message").asText());
      }
    }
    assertTrue(unexpected.isEmpty(), "verdicts in " + report() + " that differ from the examples' documentation:\n"
        + String.join("\n", unexpected.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    for (String key : EXPECTED_VIOLATIONS.keySet()) {
      assertTrue(seen.containsKey(key), "the expected violation " + key + " is not in " + report());
    }
  }

  @Test
  void theReportCoversEveryExample() throws IOException {
    List<String> routines = verdicts().stream().map(v -> v.get("routine").asText()).distinct().toList();
    for (var p : Examples.PROGRAMS) {
      if (!p.routine().properties().isEmpty()) {
        assertTrue(routines.contains(p.routine().symbol()), p.routine().symbol() + " is not in " + report());
      }
    }
  }
}
