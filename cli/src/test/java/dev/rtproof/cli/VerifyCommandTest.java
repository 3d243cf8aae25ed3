package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void theExamplesProveAndTheReportsAreWritten(@TempDir Path dir) throws IOException {
    int rc = run("verify", "--report-dir", dir.toString(), "--routine", "runtime·settls", "--routine", "runtime·rt0_go");
    assertEquals(0, rc, out + "\n" + err);
    String text = out.toString();
    assertTrue(text.contains("PROVED   runtime·settls         stack-balance"), text);
    assertTrue(text.contains("PROVED   runtime·rt0_go         tls-round-trip(runtime·m0)"), text);
    assertTrue(text.contains("13 properties: {PROVED=13}"), text);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertEquals("rtproof-report/1", json.get("schema").asText());
    assertEquals(13, json.get("summary").get("PROVED").asInt());
    assertTrue(json.get("verdicts").get(0).get("assumptions").size() > 0);
    assertTrue(Files.readString(dir.resolve("report.md")).contains("| `runtime·settls` | `stack-balance` | **PROVED** |"));
  }

  @Test
  void aViolationFailsTheRunWithItsCounterexample(@TempDir Path dir) {
    int rc = run("verify", "--report-dir", dir.toString(), "--routine", "·unbalanced");
    assertEquals(1, rc);
    assertTrue(out.toString().contains("VIOLATED ·unbalanced"), out.toString());
    assertTrue(out.toString().contains("SP at entry = 0x"), out.toString());
    assertEquals(0, run("verify", "--report-dir", dir.toString(), "--routine", "·unbalanced", "--fail-on", "never"));
  }

  @Test
  void badUsageExitsWithTwoAndAMessage() {
    assertEquals(2, run("verify", "--timeout", "soon"));
    assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    assertEquals(2, run("verify", "--fail-on", "sometimes"));
    assertTrue(err.toString().contains("'sometimes' is not violated, unknown or never"), err.toString());
  }
}
