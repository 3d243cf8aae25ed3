package dev.rtproof.verifier.replay;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a counterexample as the source of a JUnit 5 test that replays it in the emulator (the generated
 * programs on the test classpath) and asserts the violation happens: concrete playback a user can keep
 * as a regression test.
 */
public final class Playback {
  private Playback() {}

  /**
   * The test class {@code className} in package {@code pkg} for a violation of {@code property} by
   * {@code routine} (written for {@code target}), explained by {@code what}.
   */
  public static String junit(String pkg, String className, String target, String routine, String property,
      String what, InitialState s, Violation v) {
    StringBuilder b = new StringBuilder();
    if (!pkg.isEmpty()) {
      b.append("package ").append(pkg).append(";\n\n");
    }
    b.append("import static org.junit.jupiter.api.Assertions.assertTrue;\n\n")
        .append("import dev.rtproof.dsl.ir.Reg;\n")
        .append("import dev.rtproof.verifier.replay.InitialState;\n")
        .append("import dev.rtproof.verifier.replay.ReplayResult;\n")
        .append("import dev.rtproof.verifier.replay.Replayer;\n")
        .append("import dev.rtproof.verifier.replay.Violation;\n")
        .append("import java.util.List;\n")
        .append("import java.util.Map;\n")
        .append("import javax.annotation.processing.Generated;\n")
        .append("import org.junit.jupiter.api.Test;\n\n")
        .append("/**\n * Replays the counterexample rtproof found for {@code ").append(javadoc(property)).append("} of {@code ")
        .append(javadoc(routine)).append("}:\n * ").append(javadoc(what)).append(".\n */\n")
        .append("@Generated(\"rtproof playback\")\n")
        .append("class ").append(className).append(" {\n")
        .append("  @Test\n  void replaysTheViolation() {\n")
        .append("    InitialState state = InitialState.builder()\n");
    for (int i = 0; i < 16; i++) {
      line(b, ".register(Reg." + Reg.gpr(i) + ", " + lit(s.register(Reg.gpr(i))) + ")");
    }
    line(b, ".rflags(" + lit(s.rflags()) + ").fs(" + lit(s.fs()) + ").gs(" + lit(s.gs()) + ")");
    s.placement().forEach((name, a) -> line(b, ".symbol(" + str(name) + ", " + lit(a) + ")"));
    for (InitialState.Region r : s.regions()) {
      line(b, ".region(" + str(r.name()) + ", " + lit(r.start()) + ", " + lit(r.size()) + ")");
    }
    for (InitialState.Fill f : s.fills()) {
      line(b, ".fill(" + lit(f.start()) + ", " + lit(f.size()) + ", " + Hex.of(f.value()) + ")");
    }
    bytes(b, s.bytes(), ".bytes(");
    for (InitialState.CallAnswer c : s.calls()) {
      StringBuilder regs = new StringBuilder();
      c.registers().forEach((r, value) -> regs.append(regs.length() == 0 ? "" : ", ").append("Reg.").append(r)
          .append(", ").append(lit(value)));
      line(b, ".call(new InitialState.CallAnswer(" + lit(c.site()) + ", " + c.visit() + ", " + map(c.registers().size(),
          regs.toString()) + ", " + lit(c.statusFlags()) + ", " + fills(c.fills()) + ", " + byteMap(c.bytes()) + "))");
    }
    s.cpuid().forEach((leaf, a) -> line(b, ".cpuid(" + lit(leaf) + ", " + lit(a[0]) + ", " + lit(a[1]) + ", "
        + lit(a[2]) + ", " + lit(a[3]) + ")"));
    line(b, ".build();");
    b.append("    Violation violation = new Violation(Violation.Kind.").append(v.kind()).append(", ")
        .append(str(v.routine())).append(", ").append(v.index()).append(", ").append(lit(v.modulus())).append(", ")
        .append(str(v.symbol())).append(", ").append(str(v.expression())).append(", ").append(lit(v.number()))
        .append(");\n")
        .append("    ReplayResult result = Replayer.onClasspath(").append(str(target)).append(").replay(")
        .append(str(routine)).append(", state, violation);\n")
        .append("    assertTrue(result.observed(), result.describe());\n")
        .append("  }\n}\n");
    return b.toString();
  }

  private static void line(StringBuilder b, String text) {
    b.append("        ").append(text).append('\n');
  }

  private static void bytes(StringBuilder b, Map<Long, Integer> bytes, String call) {
    List<Long> run = new ArrayList<>();
    long next = 0;
    for (Map.Entry<Long, Integer> e : bytes.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      if (!run.isEmpty() && (e.getKey() != next || run.size() == 16)) {
        flush(b, bytes, run, call);
      }
      run.add(e.getKey());
      next = e.getKey() + 1;
    }
    if (!run.isEmpty()) {
      flush(b, bytes, run, call);
    }
  }

  private static void flush(StringBuilder b, Map<Long, Integer> bytes, List<Long> run, String call) {
    StringBuilder v = new StringBuilder();
    for (long a : run) {
      v.append(", ").append(Hex.of(bytes.get(a)));
    }
    line(b, call + lit(run.get(0)) + v + ")");
    run.clear();
  }

  private static String map(int n, String entries) {
    return n == 0 ? "Map.of()" : n <= 10 ? "Map.of(" + entries + ")" : "Map.ofEntries(" + entries + ")";
  }

  private static String fills(List<InitialState.Fill> fills) {
    StringBuilder b = new StringBuilder("List.of(");
    for (int i = 0; i < fills.size(); i++) {
      InitialState.Fill f = fills.get(i);
      b.append(i == 0 ? "" : ", ").append("new InitialState.Fill(").append(lit(f.start())).append(", ")
          .append(lit(f.size())).append(", ").append(Hex.of(f.value())).append(")");
    }
    return b.append(")").toString();
  }

  private static String byteMap(Map<Long, Integer> bytes) {
    StringBuilder b = new StringBuilder("Map.ofEntries(");
    int n = 0;
    for (Map.Entry<Long, Integer> e : bytes.entrySet()) {
      b.append(n++ == 0 ? "" : ", ").append("Map.entry(").append(lit(e.getKey())).append(", ").append(e.getValue())
          .append(")");
    }
    return b.append(")").toString();
  }

  private static String lit(long v) {
    return Hex.of(v) + "L";
  }

  /** A Java string literal (ASCII: other characters as unicode escapes). */
  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String javadoc(String s) {
    String q = str(s);
    return q.substring(1, q.length() - 1).replace("*/", "*&#47;");
  }
}
