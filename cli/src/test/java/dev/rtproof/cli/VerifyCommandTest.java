package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    int rc = run("verify", "--report-dir", dir.toString(), "--routine", "runtime·settls", "--routine", "runtime·rt0_go_head");
    assertEquals(0, rc, out + "\n" + err);
    String text = out.toString();
    assertTrue(text.contains("PROVED   runtime·settls         stack-balance"), text);
    assertTrue(text.contains("PROVED   runtime·rt0_go_head    tls-round-trip(runtime·m0)"), text);
    assertTrue(text.contains("13 properties: 13 PROVED; reports in"), text);
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
  void withACacheTheSecondRunSolvesNothing(@TempDir Path dir) {
    String[] args = {"verify", "--report-dir", dir.resolve("r").toString(), "--cache", dir.resolve("c").toString(),
        "--routine", "runtime·settls", "--routine", "·unbalanced", "--fail-on", "never"};
    assertEquals(0, run(args), out + "\n" + err);
    assertTrue(out.toString().contains("; 0 from the proof cache;"), out.toString());
    String first = out.toString();
    out.getBuffer().setLength(0);
    long calls = dev.rtproof.verifier.Verifier.solverCalls();
    assertEquals(0, run(args), out + "\n" + err);
    assertEquals(0, dev.rtproof.verifier.Verifier.solverCalls() - calls);
    String second = out.toString();
    long lines = second.lines().filter(l -> l.startsWith("PROVED") || l.startsWith("VIOLATED")).count();
    assertTrue(lines > 1, second);
    assertEquals(lines, second.lines().filter(l -> l.endsWith("(cached)")).count(), second);
    assertTrue(second.contains("; " + lines + " from the proof cache;"), second);
    assertEquals(first.replaceAll("\\(\\d+ ms\\)", "(cached)").replaceAll("; \\d+ from the proof cache", ""),
        second.replaceAll("; \\d+ from the proof cache", ""));
  }

  @Test
  void contractsTheProcessorUsedAreUsedHereToo(@TempDir Path dir) {
    // ·stops proves unreachable(runtime·abort) only with its @Contract: exit1 never returns.
    assertEquals(0, run("verify", "--report-dir", dir.toString(), "--routine", "·stops"), out.toString());
    assertTrue(out.toString().contains("PROVED   ·stops                 unreachable(runtime·abort)"), out.toString());
  }

  @Test
  void formatsChooseTheFiles(@TempDir Path dir) throws IOException {
    assertEquals(0, run("verify", "--report-dir", dir.toString(), "--routine", "runtime·settls", "--format", "junit,sarif"));
    try (var files = Files.list(dir)) {
      assertEquals(java.util.Set.of("TEST-rtproof.xml", "rtproof.sarif"),
          files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void shardsSplitTheWorkAndReportMergesThem(@TempDir Path dir) throws IOException {
    String[] routines = {"--routine", "runtime·settls", "--routine", "runtime·rt0_go_head"};
    assertEquals(0, run(concat(new String[] {"verify", "--report-dir", dir.resolve("a").toString(), "--shard", "1/2"},
        routines)));
    assertTrue(out.toString().contains("7 properties: 7 PROVED (shard 1/2 of 13)"), out.toString());
    assertEquals(0, run(concat(new String[] {"verify", "--report-dir", dir.resolve("b").toString(), "--shard", "2/2"},
        routines)));
    assertTrue(out.toString().contains("6 properties: 6 PROVED (shard 2/2 of 13)"), out.toString());
    assertEquals(0, run("report", "--report-dir", dir.resolve("all").toString(),
        dir.resolve("a/report.json").toString(), dir.resolve("b/report.json").toString()));
    assertTrue(out.toString().contains("13 properties: 13 PROVED from 2 reports"), out.toString());
    JsonNode merged = new ObjectMapper().readTree(dir.resolve("all/report.json").toFile());
    assertEquals(13, merged.get("verdicts").size());
    assertTrue(Files.exists(dir.resolve("all/report.html")));
  }

  @Test
  void reportKeepsViolationsAndTheirCounterexamples(@TempDir Path dir) throws IOException {
    assertEquals(1, run("verify", "--report-dir", dir.resolve("v").toString(), "--routine", "·unbalanced"));
    assertEquals(1, run("report", "--report-dir", dir.resolve("m").toString(), dir.resolve("v/report.json").toString()));
    String json = Files.readString(dir.resolve("m/report.json"));
    assertTrue(json.contains("\"counterexample\""), json);
    assertTrue(json.contains("\"SP at entry\""), json);
  }

  @Test
  void badInputIsAMessageNotAStackTrace(@TempDir Path dir) throws IOException {
    Path notReport = Files.writeString(dir.resolve("x.json"), "{\"schema\": \"other/1\"}");
    assertEquals(2, run("report", notReport.toString()));
    assertTrue(err.toString().contains("x.json: not an rtproof report"), err.toString());
    assertEquals(2, run("verify", "--shard", "3/2"));
    assertTrue(err.toString().contains("--shard takes I/N"), err.toString());
    assertEquals(2, run("verify", "--format", "pdf"));
    assertTrue(err.toString().contains("'pdf' is not a report format"), err.toString());
    assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badUsageExitsWithTwoAndAMessage() {
    assertEquals(2, run("verify", "--timeout", "soon"));
    assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    assertEquals(2, run("verify", "--fail-on", "sometimes"));
    assertTrue(err.toString().contains("'sometimes' is not violated, unknown or never"), err.toString());
  }

  @Test
  void batchesKeepTheTasksOfARoutineTogether() {
    List<Task> tasks = new ArrayList<>();
    for (String symbol : new String[] {"·a", "·a", "·b", "·c", "·c", "·c", "·d"}) {
      Routine r = Routine.builder(symbol, "GO1_19").instr(Op.RET).build();
      tasks.add(new Task(new Program(List.of(r)), r,
          new PropertySpec(PropertySpec.STACK_BALANCE, List.of(), SourcePos.NONE)));
    }
    assertEquals(List.of(List.of("·a", "·a", "·b"), List.of("·c", "·c", "·c", "·d")),
        VerifyCommand.batches(tasks, 2).stream()
            .map(b -> b.stream().map(t -> t.routine().symbol()).toList()).toList());
  }
}
