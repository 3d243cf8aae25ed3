package dev.rtproof.benchmarks.report;

import com.microsoft.z3.Version;
import dev.rtproof.benchmarks.unicorn.UnicornMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code docs/benchmarks.md} from one run of {@code bench/run.sh}: the template
 * {@code benchmarks.md} (this package's resource) with its {@code {{name}}} places filled from the run's
 * directory — {@code results.txt} ({@link Results}) and the tables the steps wrote ({@code NAME.md}).
 *
 * <p>Usage: {@code BenchReport OUT.md RUN-DIR}.
 */
public final class BenchReport {
  private static final Pattern PLACE = Pattern.compile("\\{\\{([a-z_.]+)}}");

  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Path run = Path.of(args[1]);
    Results results = new Results(run.resolve("results.txt"));
    results.put("machine.z3", Version.getFullVersion());
    results.put("machine.unicorn", UnicornMachine.version());
    Map<String, String> values = new HashMap<>(results.read());
    values.put("acceptance", Acceptance.table(values));
    values.put("machine", machine(values));
    for (String part : new String[] {"commands", "throughput", "properties", "scaling"}) {
      Path p = run.resolve(part + ".md");
      values.put(part, Files.exists(p) ? Files.readString(p).strip()
          : "*Not measured in this run: the step failed; its output is in the run's log.*");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, fill(template(), values));
  }

  /** The machine table from the {@code machine.*} values. */
  static String machine(Map<String, String> v) {
    return new Table("", "")
        .row("CPU", v.getOrDefault("machine.cpu", "?"))
        .row("cores (as Java sees them)", v.getOrDefault("machine.cores", "?"))
        .row("memory", v.getOrDefault("machine.memory", "?"))
        .row("OS", v.getOrDefault("machine.os", "?"))
        .row("JVM", v.getOrDefault("machine.jvm", "?"))
        .row("Go", v.getOrDefault("machine.go", "?"))
        .row("Z3", v.getOrDefault("machine.z3", "?"))
        .row("Unicorn (libunicorn2 through JNA)", v.getOrDefault("machine.unicorn", "?"))
        .row("load average (1 min) before / after the run",
            v.getOrDefault("machine.load_before", "?") + " / " + v.getOrDefault("machine.load_after", "?"))
        .toString();
  }

  /**
   * {@code template} with every {@code {{name}}} replaced by its value; a value a failed step did not write
   * reads "not measured".
   */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACE.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "*not measured*")));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String template() {
    try (InputStream in = BenchReport.class.getResourceAsStream("benchmarks.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
