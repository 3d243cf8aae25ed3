package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code report.json} ({@value JsonReport#SCHEMA}) back into verdicts, e.g. to merge CI shards. */
public final class JsonReportReader {
  private JsonReportReader() {}

  /** The verdicts of one report; throws {@link IOException} naming the file for anything malformed. */
  public static List<Verdict> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON file: " + e.getMessage(), e);
    }
    if (root == null || !JsonReport.SCHEMA.equals(root.path("schema").asText())) {
      throw new IOException(file + ": not an rtproof report (schema \"" + root.path("schema").asText()
          + "\", expected \"" + JsonReport.SCHEMA + "\")");
    }
    String z3 = root.path("z3").asText();
    List<Verdict> out = new ArrayList<>();
    for (JsonNode n : root.path("verdicts")) {
      try {
        JsonNode at = n.path("location");
        SourcePos pos = new SourcePos(at.path("file").asText(), at.path("line").asInt(), at.path("column").asInt());
        List<String> assumptions = new ArrayList<>();
        n.path("assumptions").forEach(a -> assumptions.add(a.asText()));
        out.add(new Verdict(text(n, "routine"), text(n, "property"), text(n, "label"),
            Status.valueOf(text(n, "status")), n.path("message").asText(), pos,
            n.has("counterexample") ? counterexample(n.get("counterexample"), pos) : null, assumptions, z3,
            n.path("millis").asLong()));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": verdict " + (out.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    if (!n.hasNonNull(field)) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return n.get(field).asText();
  }

  private static Counterexample counterexample(JsonNode c, SourcePos pos) {
    return new Counterexample(c.path("what").asText(), pos, hexMap(c.path("registers")), hex(c.path("FS")),
        hex(c.path("GS")), hexMap(c.path("symbols")), hexMap(c.path("witnesses")));
  }

  private static Map<String, Long> hexMap(JsonNode n) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), hex(e.getValue()));
    }
    return out;
  }

  private static long hex(JsonNode n) {
    String s = n.asText();
    if (!s.startsWith("0x")) {
      throw new IllegalArgumentException("expected 0x… hexadecimal, not \"" + s + "\"");
    }
    return Long.parseUnsignedLong(s.substring(2), 16);
  }
}
