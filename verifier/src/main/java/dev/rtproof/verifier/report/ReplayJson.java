package dev.rtproof.verifier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.replay.Violation;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replayable part of a counterexample as JSON: the complete initial state and the violation a replay
 * checks. Numbers that are addresses or register values are {@code 0x…} strings (JSON numbers lose 64-bit
 * precision in most readers); everything written here reads back to an equal state.
 */
final class ReplayJson {
  private ReplayJson() {}

  static void writeInitial(ObjectNode n, InitialState s) {
    ObjectNode regs = n.putObject("registers");
    for (int i = 0; i < 16; i++) {
      regs.put(Reg.gpr(i).name(), Hex.of(s.register(Reg.gpr(i))));
    }
    n.put("rflags", Hex.of(s.rflags()));
    n.put("FS", Hex.of(s.fs()));
    n.put("GS", Hex.of(s.gs()));
    ObjectNode placement = n.putObject("symbols");
    s.placement().forEach((k, v) -> placement.put(k, Hex.of(v)));
    ArrayNode regions = n.putArray("regions");
    s.regions().forEach(r -> regions.addObject().put("name", r.name()).put("start", Hex.of(r.start()))
        .put("size", Hex.of(r.size())));
    ArrayNode fills = n.putArray("fills");
    s.fills().forEach(f -> fill(fills.addObject(), f));
    bytes(n.putObject("bytes"), s.bytes());
    ArrayNode calls = n.putArray("calls");
    for (InitialState.CallAnswer c : s.calls()) {
      ObjectNode o = calls.addObject();
      o.put("site", Hex.of(c.site())).put("visit", c.visit());
      ObjectNode cr = o.putObject("registers");
      c.registers().forEach((r, v) -> cr.put(r.name(), Hex.of(v)));
      o.put("statusFlags", Hex.of(c.statusFlags()));
      ArrayNode cf = o.putArray("fills");
      c.fills().forEach(f -> fill(cf.addObject(), f));
      bytes(o.putObject("bytes"), c.bytes());
    }
    ObjectNode cpuid = n.putObject("cpuid");
    s.cpuid().forEach((leaf, v) -> {
      ArrayNode a = cpuid.putArray(Hex.of(leaf));
      for (long x : v) {
        a.add(Hex.of(x));
      }
    });
  }

  static InitialState readInitial(JsonNode n) {
    InitialState.Builder b = InitialState.builder();
    JsonNode regs = n.path("registers");
    for (int i = 0; i < 16; i++) {
      b.register(Reg.gpr(i), hex(regs.path(Reg.gpr(i).name())));
    }
    b.rflags(hex(n.path("rflags"))).fs(hex(n.path("FS"))).gs(hex(n.path("GS")));
    fields(n.path("symbols")).forEach((k, v) -> b.symbol(k, hex(v)));
    n.path("regions").forEach(r -> b.region(r.path("name").asText(), hex(r.path("start")), hex(r.path("size"))));
    n.path("fills").forEach(f -> b.fill(hex(f.path("start")), hex(f.path("size")), f.path("value").asInt()));
    readBytes(n.path("bytes")).forEach((a, v) -> b.bytes(a, v));
    for (JsonNode c : n.path("calls")) {
      Map<Reg, Long> cr = new EnumMap<>(Reg.class);
      fields(c.path("registers")).forEach((k, v) -> cr.put(Reg.valueOf(k), hex(v)));
      java.util.List<InitialState.Fill> cf = new java.util.ArrayList<>();
      c.path("fills").forEach(f -> cf.add(new InitialState.Fill(hex(f.path("start")), hex(f.path("size")),
          f.path("value").asInt())));
      b.call(new InitialState.CallAnswer(hex(c.path("site")), c.path("visit").asInt(), cr,
          hex(c.path("statusFlags")), cf, readBytes(c.path("bytes"))));
    }
    fields(n.path("cpuid")).forEach((leaf, v) -> b.cpuid(hex(leaf), hex(v.path(0)), hex(v.path(1)), hex(v.path(2)),
        hex(v.path(3))));
    return b.build();
  }

  static void writeViolation(ObjectNode n, Violation v) {
    n.put("kind", v.kind().name()).put("routine", v.routine()).put("index", v.index())
        .put("modulus", v.modulus()).put("symbol", v.symbol()).put("expression", v.expression())
        .put("number", Hex.of(v.number()));
  }

  static Violation readViolation(JsonNode n) {
    return new Violation(Violation.Kind.valueOf(text(n, "kind")), text(n, "routine"), n.path("index").asInt(),
        n.path("modulus").asLong(), n.path("symbol").asText(), n.path("expression").asText(),
        hex(n.path("number")));
  }

  private static void fill(ObjectNode o, InitialState.Fill f) {
    o.put("start", Hex.of(f.start())).put("size", Hex.of(f.size())).put("value", f.value());
  }

  private static void bytes(ObjectNode o, Map<Long, Integer> bytes) {
    bytes.forEach((a, v) -> o.put(Hex.of(a), v));
  }

  private static Map<Long, Integer> readBytes(JsonNode n) {
    Map<Long, Integer> out = new TreeMap<>();
    fields(n).forEach((k, v) -> out.put(hex(k), v.asInt()));
    return out;
  }

  static Map<String, JsonNode> fields(JsonNode n) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  static String text(JsonNode n, String field) {
    if (!n.hasNonNull(field)) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return n.get(field).asText();
  }

  static long hex(JsonNode n) {
    return hex(n.asText());
  }

  static long hex(String s) {
    if (!s.startsWith("0x")) {
      throw new IllegalArgumentException("expected 0x… hexadecimal, not \"" + s + "\"");
    }
    return Long.parseUnsignedLong(s.substring(2), 16);
  }
}
