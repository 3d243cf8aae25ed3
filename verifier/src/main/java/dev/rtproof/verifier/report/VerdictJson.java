package dev.rtproof.verifier.report;

import static dev.rtproof.verifier.report.ReplayJson.fields;
import static dev.rtproof.verifier.report.ReplayJson.hex;
import static dev.rtproof.verifier.report.ReplayJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.replay.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One verdict as JSON, the form {@code report.json} lists and the proof cache stores. A counterexample
 * keeps its replay (initial state, violation, trace), so a verdict read back can be played back again;
 * {@link #read} gives a verdict equal in every field to the one written, except the Z3 version, which
 * the caller supplies (a report states it once).
 */
public final class VerdictJson {
  private VerdictJson() {}

  /** Writes {@code v} into {@code n}; {@code uri} gives the location's URI, or null for none. */
  public static void write(ObjectNode n, Verdict v, Function<SourcePos, String> uri) {
    n.put("routine", v.routine());
    n.put("property", v.property());
    n.put("label", v.label());
    n.put("status", v.status().name());
    n.put("message", v.message());
    ObjectNode at = n.putObject("location");
    at.put("file", v.pos().file());
    if (uri != null) {
      at.put("uri", uri.apply(v.pos()));
    }
    at.put("line", v.pos().line());
    at.put("column", v.pos().column());
    n.put("millis", v.millis());
    ArrayNode assumptions = n.putArray("assumptions");
    v.assumptions().forEach(assumptions::add);
    Counterexample c = v.counterexample();
    if (c != null) {
      ObjectNode cx = n.putObject("counterexample");
      cx.put("what", c.what());
      hexMap(cx.putObject("registers"), c.registers());
      cx.put("FS", Hex.of(c.fs()));
      cx.put("GS", Hex.of(c.gs()));
      hexMap(cx.putObject("symbols"), c.symbols());
      hexMap(cx.putObject("witnesses"), c.witnesses());
      if (c.initial() != null && c.violation() != null) {
        ObjectNode replay = cx.putObject("replay");
        ReplayJson.writeInitial(replay.putObject("initial"), c.initial());
        ReplayJson.writeViolation(replay.putObject("violation"), c.violation());
        ArrayNode trace = replay.putArray("trace");
        c.replay().forEach(trace::add);
      }
    }
  }

  /** The verdict in {@code n}; throws {@link IllegalArgumentException} saying what is missing or malformed. */
  public static Verdict read(JsonNode n, String z3Version) {
    JsonNode at = n.path("location");
    SourcePos pos = new SourcePos(at.path("file").asText(), at.path("line").asInt(), at.path("column").asInt());
    List<String> assumptions = new ArrayList<>();
    n.path("assumptions").forEach(a -> assumptions.add(a.asText()));
    return new Verdict(text(n, "routine"), text(n, "property"), text(n, "label"),
        Status.valueOf(text(n, "status")), n.path("message").asText(), pos,
        n.has("counterexample") ? counterexample(n.get("counterexample"), pos) : null, assumptions, z3Version,
        n.path("millis").asLong());
  }

  private static Counterexample counterexample(JsonNode c, SourcePos pos) {
    InitialState initial = null;
    Violation violation = null;
    List<String> trace = new ArrayList<>();
    JsonNode replay = c.path("replay");
    if (replay.isObject()) {
      initial = ReplayJson.readInitial(replay.path("initial"));
      violation = ReplayJson.readViolation(replay.path("violation"));
      replay.path("trace").forEach(t -> trace.add(t.asText()));
    }
    return new Counterexample(c.path("what").asText(), pos, readHexMap(c.path("registers")), hex(c.path("FS")),
        hex(c.path("GS")), readHexMap(c.path("symbols")), readHexMap(c.path("witnesses")), initial, violation, trace);
  }

  private static void hexMap(ObjectNode o, Map<String, Long> values) {
    values.forEach((k, val) -> o.put(k, Hex.of(val)));
  }

  private static Map<String, Long> readHexMap(JsonNode n) {
    Map<String, Long> out = new LinkedHashMap<>();
    fields(n).forEach((k, v) -> out.put(k, hex(v)));
    return out;
  }
}
