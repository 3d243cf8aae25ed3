package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every property of every example is PROVED: the verdicts the rtproof processor reported while compiling the
 * examples ({@code target/rtproof/report.json} of this module). A VIOLATED one already stops the compilation;
 * this test also stops the build on UNKNOWN, VACUOUS and ERROR. Point {@code -Drtproof.examples.report} at
 * another report — e.g. the {@code target/rtproof/report.json} that {@code ./rtproof verify} writes — to check
 * that one. (A claim a real Go routine breaks is not an example's property but a negative test, e.g.
 * {@code Rt0Go116Test}'s settls under the too-weak requirement.)
 */
class ExpectedVerdictsTest {
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
  void everyPropertyIsProved() throws IOException {
    List<String> unproved = new ArrayList<>();
    for (JsonNode v : verdicts()) {
      if (!v.get("status").asText().equals("PROVED")) {
        unproved.add(v.get("routine").asText() + " " + v.get("label").asText() + ": " + v.get("status").asText()
            + " " + v.get("message").asText());
      }
    }
    assertTrue(unproved.isEmpty(), "verdicts in " + report() + " that are not PROVED:\n" + String.join("\n", unproved));
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
