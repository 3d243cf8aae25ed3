package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the proof report of a run: {@code report.md} (fits a CI job summary) and {@code report.json}
 * (schema {@value #SCHEMA}). Files are written to a temporary name and moved into place, so a reader
 * never sees half a report.
 */
public final class ReportWriter {
  public static final String SCHEMA = "rtproof-report/1";

  private ReportWriter() {}

  /** Writes both reports into {@code dir}; returns the paths written. */
  public static List<Path> write(Path dir, String title, List<Verdict> verdicts) {
    try {
      Files.createDirectories(dir);
      Path md = dir.resolve("report.md");
      Path json = dir.resolve("report.json");
      atomically(md, markdown(title, verdicts));
      atomically(json, json(title, verdicts));
      return List.of(md, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rtproof report to " + dir, e);
    }
  }

  private static void atomically(Path target, String content) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Counts by status, in enum order. */
  public static Map<Status, Integer> counts(List<Verdict> verdicts) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Verdict v : verdicts) {
      counts.merge(v.status(), 1, Integer::sum);
    }
    return counts;
  }

  public static String markdown(String title, List<Verdict> verdicts) {
    StringBuilder b = new StringBuilder("## rtproof: ").append(title).append("\n\n");
    Map<Status, Integer> counts = counts(verdicts);
    b.append(verdicts.size()).append(" properties: ");
    counts.forEach((s, n) -> b.append(n).append(' ').append(s).append(", "));
    b.setLength(b.length() - 2);
    b.append(".\n\n| routine | property | verdict | where | details |\n|---|---|---|---|---|\n");
    for (Verdict v : verdicts) {
      b.append("| `").append(v.routine()).append("` | `").append(cell(v.label())).append("` | **")
          .append(v.status()).append("** | ").append(v.pos().isKnown() ? v.pos().toString() : "").append(" | ")
          .append(cell(v.message())).append(" |\n");
    }
    b.append("\nZ3 ").append(Verifier.z3Version().replaceFirst("^Z3 ", "")).append(". Assumptions each verdict used are in report.json.\n");
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  public static String json(String title, List<Verdict> verdicts) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("title", title);
    root.put("z3", Verifier.z3Version());
    ObjectNode summary = root.putObject("summary");
    counts(verdicts).forEach((s, n) -> summary.put(s.name(), n));
    ArrayNode list = root.putArray("verdicts");
    for (Verdict v : verdicts) {
      ObjectNode n = list.addObject();
      n.put("routine", v.routine());
      n.put("property", v.property());
      n.put("label", v.label());
      n.put("status", v.status().name());
      n.put("message", v.message());
      ObjectNode at = n.putObject("location");
      at.put("file", v.pos().file());
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
