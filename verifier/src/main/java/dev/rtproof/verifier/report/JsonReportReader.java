package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtproof.verifier.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code report.json} ({@value JsonReport#SCHEMA}) back into verdicts, e.g. to merge CI shards or
 * to play a counterexample back.
 */
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
      throw new IOException(file + ": not an rtproof report (schema \"" + (root == null ? "" : root.path("schema").asText())
          + "\", expected \"" + JsonReport.SCHEMA + "\")");
    }
    String z3 = root.path("z3").asText();
    List<Verdict> out = new ArrayList<>();
    for (JsonNode n : root.path("verdicts")) {
      try {
        out.add(VerdictJson.read(n, z3));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": verdict " + (out.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
