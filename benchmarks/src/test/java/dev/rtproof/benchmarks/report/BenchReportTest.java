package dev.rtproof.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void fillsPlacesAndMarksWhatARunDidNotWrite() {
    assertEquals("median 6.2 s, exit *not measured*",
        BenchReport.fill("median {{verify.wall_s}} s, exit {{verify.exit}}", Map.of("verify.wall_s", "6.2")));
  }

  @Test
  void machineTableListsTheVersions() {
    String md = BenchReport.machine(Map.of("machine.cores", "2", "machine.z3", "4.14.1.0", "machine.unicorn", "2.0"));
    assertTrue(md.contains("| cores (as Java sees them) | 2 |"), md);
    assertTrue(md.contains("| Z3 | 4.14.1.0 |"), md);
    assertTrue(md.contains("| Unicorn (libunicorn2 through JNA) | 2.0 |"), md);
    assertTrue(md.contains("| CPU | ? |"), md);
  }

  /** Every place in the page's template is filled by bench/run.sh, a step's table, or BenchReport itself. */
  @Test
  void everyPlaceOfTheTemplateHasAWriter() throws IOException {
    String template;
    try (InputStream in = BenchReport.class.getResourceAsStream("benchmarks.md")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String script = Files.readString(Path.of("../bench/run.sh"));
    Set<String> byReport = Set.of("acceptance", "machine", "commands", "throughput", "properties", "scaling",
        "machine.z3", "machine.unicorn");
    Matcher m = Pattern.compile("\\{\\{([a-z_.]+)}}").matcher(template);
    int places = 0;
    while (m.find()) {
      places++;
      String name = m.group(1);
      assertTrue(byReport.contains(name) || script.contains("put " + name + " "),
          "nothing writes {{" + name + "}}");
    }
    assertTrue(places > 20, "places: " + places);
  }
}
