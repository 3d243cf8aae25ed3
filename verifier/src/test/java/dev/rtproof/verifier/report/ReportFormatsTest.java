package dev.rtproof.verifier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report format read back by the tool that consumes it: SARIF by Microsoft's SARIF validator,
 * the JUnit XML by Surefire's report parser, the HTML by headless Chromium.
 */
class ReportFormatsTest {
  @TempDir
  static Path dir;
  private static List<Path> written;

  @BeforeAll
  static void writeAll() throws IOException {
    Path src = dir.resolve("project/examples/src/main/java/dev/t");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Rt0Go.java"), "// source\n");
    Map<String, Long> regs = new LinkedHashMap<>();
    regs.put("AX", 0L);
    regs.put("SP", 0x7ffff00ff008L);
    Counterexample cex = new Counterexample("SP is not 16-aligned at CALL runtime·settls",
        new SourcePos("dev/t/Rt0Go.java", 34, 5), regs, 0, 0, Map.of("runtime·g0", 0x1000000L),
        Map.of("SP", 0x7ffff00fefd8L));
    List<Verdict> verdicts = List.of(
        verdict("runtime·settls", "stack-balance", "stack-balance", Status.PROVED, "", null, 10),
        verdict("runtime·rt0_go", "stack-alignment", "stack-alignment(16 at runtime·settls)", Status.VIOLATED,
            cex.what() + ": SP = 0x7ffff00fefd8", cex, 34),
        verdict("runtime·rt0_go", "tls-round-trip", "tls-round-trip(runtime·m0)", Status.UNKNOWN,
            "timeout: the time budget ran out", null, 26),
        verdict("runtime·rt0_go", "ensures", "ensures(FS == 1 & 2 < 3 && \"x\")", Status.VACUOUS,
            "an exit is never reached under the requirements", null, 27));
    written = ReportWriter.write(dir.resolve("out"),
        new Report("test <run>", verdicts, SourceLocator.under(dir.resolve("project"))), ReportWriter.FORMATS);
  }

  private static Verdict verdict(String routine, String property, String label, Status status, String message,
      Counterexample cex, int line) {
    return new Verdict(routine, property, label, status, message, new SourcePos("dev/t/Rt0Go.java", line, 3), cex,
        List.of("SP at entry is 8-byte aligned"), "Z3 4.14.1.0", 12);
  }

  @Test
  void everyFormatIsWritten() {
    assertEquals(List.of("report.md", "report.json", "TEST-rtproof.xml", "rtproof.sarif", "report.html"),
        written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
  }

  @Test
  void sarifValidatesAgainstTheSchema() throws IOException, InterruptedException {
    Path sarif = dir.resolve("out/rtproof.sarif");
    String out = run(List.of("sarif-multitool", "validate", sarif.toString(), "--output",
        dir.resolve("validation.sarif").toString(), "--log", "ForceOverwrite"));
    assertTrue(out.contains("Analysis completed successfully"), out);
    List<String> problems = out.lines().filter(l -> l.contains(": error ") || l.contains(": warning "))
        .filter(l -> !l.contains("'informationUri'"))
        .collect(Collectors.toList());
    assertEquals(List.of(), problems, out);
    String text = Files.readString(sarif);
    assertTrue(text.contains("\"uri\" : \"examples/src/main/java/dev/t/Rt0Go.java\""), text);
    assertTrue(text.contains("\"startLine\" : 34"), text);
    assertTrue(!text.contains("\"PROVED\""), "PROVED verdicts are not results");
  }

  @Test
  void junitXmlReadsBackThroughSurefiresParser() throws Exception {
    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites = parser.parse(dir.resolve("out/TEST-rtproof.xml").toString());
    // Surefire groups test cases by class: one suite per routine.
    assertEquals(List.of("runtime·settls", "runtime·rt0_go"),
        suites.stream().map(ReportTestSuite::getFullClassName).collect(Collectors.toList()));
    assertEquals(4, suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum());
    assertEquals(2, suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum(), "VIOLATED and VACUOUS fail");
    assertEquals(1, suites.stream().mapToInt(ReportTestSuite::getNumberOfErrors).sum(), "UNKNOWN is an error");
    ReportTestCase violated = suites.get(1).getTestCases().get(0);
    assertEquals("runtime·rt0_go", violated.getFullClassName());
    assertTrue(violated.hasFailure());
    assertEquals("VIOLATED", violated.getFailureType());
  }

  @Test
  void htmlRendersItsTableAndPictureInChromium() throws IOException, InterruptedException {
    Path html = dir.resolve("out/report.html");
    Path png = dir.resolve("report.png");
    String dom = run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("chrome-profile"), "--dump-dom", html.toUri().toString()));
    assertTrue(dom.contains("<table id=\"verdicts\">"), dom);
    assertEquals(4, dom.split("<tr class=").length - 1, "one row per verdict");
    assertTrue(dom.contains("<svg class=\"memory\""), "a counterexample picture");
    assertTrue(dom.contains("0x7ffff00fefd8"), "the violating SP is drawn");
    run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("chrome-profile2"), "--window-size=1000,1400",
        "--screenshot=" + png, html.toUri().toString()));
    assertTrue(Files.size(png) > 10_000, "a rendered page, not a blank one: " + Files.size(png) + " bytes");
  }

  @Test
  void markdownAndJsonNameRepositoryPaths() throws IOException {
    String md = Files.readString(dir.resolve("out/report.md"));
    assertTrue(md.contains("4 properties: 1 PROVED, 1 VIOLATED, 1 VACUOUS, 1 UNKNOWN."), md);
    assertTrue(md.contains("examples/src/main/java/dev/t/Rt0Go.java:34"), md);
    String json = Files.readString(dir.resolve("out/report.json"));
    assertTrue(json.contains("\"schema\" : \"rtproof-report/1\""), json);
    assertTrue(json.contains("\"uri\" : \"examples/src/main/java/dev/t/Rt0Go.java\""), json);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " finished");
    assertEquals(0, p.exitValue(), command + ":\n" + out);
    return out;
  }
}
