package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.rtproof.dsl.ir.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * No input makes the processor throw: mangled versions of valid, property-free routines (statements dropped,
 * duplicated or swapped; numbers, registers, mnemonics, strings and arguments replaced; characters deleted;
 * foreign statements inserted; header values changed) compile to diagnostics, never to an
 * {@code [rtproof/internal-error]}, an escaping exception, or an error inside generated code. The number of
 * mutants is {@value #DEFAULT_CASES} by default; {@code -Drtproof.fuzz.cases=N} runs more,
 * {@code -Drtproof.fuzz.seed=S} another sequence.
 */
class ProcessorRobustnessTest {
  static final int DEFAULT_CASES = 160;

  private static final String PREAMBLE = """
      import dev.rtproof.dsl.ir.Operand;
      import dev.rtproof.dsl.ir.Reg;

      """;

  /** Valid routines, data and macros without properties, so no case waits for Z3. */
  private static final List<String> SEEDS = List.of(Sources.settls(true).replace("  @StackBalanced\n", ""), """
      @Routines(target = Target.GO1_19)
      final class Fuzz {
        @Routine(symbol = "runtime·rt0_go", flags = NOSPLIT | TOPFRAME)
        static void rt0_go() {
          MOVQ(DI, AX);
          SUBQ($(5 * 8), SP);
          ANDQ($(~15), SP);
          MOVQ(AX, mem(24, SP));
          MOVQ($(sym("runtime·g0")), DI);
          LEAQ(mem(-64 * 1024 + 104, SP), BX);
          MOVQ(BX, mem(g_stack + stack_lo, DI));
          LEAQ(sym("runtime·m0", m_tls), DI);
          CALL(sym("runtime·settls"));
          get_tls(BX);
          MOVQ($(0x123), g(BX));
          CMPQ(AX, $(0x123));
          JEQ("ok");
          CALL(sym("runtime·abort"));
          label("ok");
          MOVQ(CX, mem(g_m, AX));
          CLD();
          RET();
        }
      }
      """, """
      @Routines(target = Target.GO1_25)
      final class Fuzz {
        @Macro
        static void load_g(Reg r) {
          get_tls(r);
          MOVQ(g(r), r);
        }

        @Routine(symbol = "·swap", flags = NOSPLIT, frame = 16, args = 32)
        @Go("func swap(a, b int) (int, int)")
        static void swap() {
          MOVQ(arg("a", 0), AX);
          MOVQ(arg("b", 8), BX);
          MOVQ(AX, local("t", -8));
          load_g(CX);
          label("loop");
          XCHGQ(AX, BX);
          LOCK();
          CMPXCHGQ(BX, mem(0, CX, DX, 8));
          SHLQ(CL, DX);
          MOVBLZX(mem(g_m, CX), DX);
          TESTQ($(1), DX);
          JNE("loop");
          PUSHQ(DX);
          POPQ(DX);
          MOVQ(BX, arg("ret", 16));
          MOVQ(AX, arg("ret1", 24));
          RET();
        }
      }
      """, """
      final class Fuzz {
        @DataSection
        static void data() {
          GLOBL(sym("·Id"), NOPTR, 8);
          DATA(sym("·Id", 0), 1, $(0x37));
          DATA(sym("·Id", 1), 1, $(0x25));
          DATA(sym("·Id", 2), 2, $(0));
          GLOBL(sym("text<>"), NOPTR | RODATA, 16);
          DATA(sym("text<>", 0), 8, "Hello Wo");
          GLOBL(sym("·p"), 8);
          DATA(sym("·p", 0), 8, $(sym("text<>")));
        }
      }
      """);

  private static final String[] NUMBERS = {"0", "-1", "3", "7", "255", "256", "-129", "0x7fffffff", "0x80000000",
    "0x80000000L", "Long.MAX_VALUE", "Integer.MIN_VALUE", "1 << 40", "1L << 63", "-64 * 1024", "0.5", "'x'",
    "(byte) 300", "1 / 0", "g_m", "m_tls + 8"};
  private static final String[] REGISTERS = {"AX", "SP", "BP", "R15", "AL", "AH", "SPB", "R15B", "TLS", "CL", "XX"};
  private static final String[] STRINGS = {"\"\"", "\"ok\"", "\"loop\"", "\"x y\"", "\"1a\"", "\"runtime·abort\"",
    "\"·Id\"", "\"a\" + 1", "\"ret\"", "\"c_len\""};
  private static final String[] ARGUMENTS = {"null", "\"s\"", "AX + 1", "notFinal", "new int[0]", "Math.abs(1)",
    "pc(-100)", "pc(1000000000000L)", "$(sym(\"\"))", "mem(AL)", "g(TLS)", "local(\"x\", 8)", "arg(\"\", 0)",
    "1.5", "true", "$(AX)", "mem(0, AX, TLS, 2)", "sym(\"a\", 1, 2)", "$()", "mem()", "label(\"x\")",
    "(Operand) AX", "this", "AX = BX"};
  private static final String[] STATEMENTS = {"int x = 1;", "for (;;) { }", "if (true) { RET(); }", "label(\"ok\");",
    "RET();", "JMP(\"ok\");", "JMP(pc(-1));", "ASSUME(\"AX != 0\");", "NOP(SP);", "BYTE($(0x90));", "INT($(3));",
    "PCALIGN($(8));", "ADJSP($(8));", "UNDEF();", "load_g(AX, BX);", "GLOBL(sym(\"·q\"), 8);", "{ NOP(); }",
    "return;", ";", "System.exit(1);", "throw new Error();", "CALL(mem(arg(\"a\", 0)));", "ASSERT(\"SP %\");"};
  private static final String[] HEADERS = {"frame = -8", "frame = 1 << 20", "args = -1", "args = 7",
    "flags = NOSPLIT | 1 << 30", "flags = NOFRAME", "flags = WRAPPER | NEEDCTXT", "symbol = \"\"",
    "symbol = \"a b\"", "symbol = \"runtime·x<ABIInternal>\"", "unroll = 0", "unroll = -5"};

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w·])-?(0x[0-9a-fA-F]+L?|\\d+L?)(?![\\w(])");
  private static final Pattern REGISTER = Pattern.compile("\\b(AX|BX|CX|DX|DI|SI|SP|BP|CL)\\b");
  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
  private static final Pattern MNEMONIC = Pattern.compile("^(\\s*)([A-Z][A-Z0-9_]*)\\(", Pattern.MULTILINE);
  private static final Pattern ARGUMENT = Pattern.compile("(?<=[(,] ?)[^(),]+(?=[,)])");

  @Test
  void theSeedsThemselvesCompile() {
    for (String seed : SEEDS) {
      Compilation c = javac().withProcessors(new RtproofProcessor()).compile(Sources.source("Fuzz", PREAMBLE + seed));
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void mangledRoutinesNeverCrashTheProcessor() {
    int cases = Integer.getInteger("rtproof.fuzz.cases", DEFAULT_CASES);
    Random random = new Random(Long.getLong("rtproof.fuzz.seed", 3L));
    List<String> failures = new ArrayList<>();
    int rtproofErrors = 0;
    for (int i = 0; i < cases; i++) {
      String seed = SEEDS.get(i % SEEDS.size());
      String mutant = mutate(seed, random, 1 + random.nextInt(3));
      JavaFileObject source = Sources.source("Fuzz", PREAMBLE + mutant);
      Compilation c;
      try {
        c = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.failOn=never").compile(source);
      } catch (RuntimeException | Error e) {
        failures.add("case " + i + " threw " + e + "\n" + mutant);
        continue;
      }
      for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
        String message = d.getMessage(null);
        boolean inGenerated = d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null
            && !d.getSource().toUri().getPath().endsWith("dev/t/Fuzz.java");
        if (message.contains("[rtproof/internal-error]") || inGenerated) {
          failures.add("case " + i + ": " + d + "\n" + mutant);
        }
        if (d.getKind() == Diagnostic.Kind.ERROR && message.startsWith("[rtproof/")) {
          rtproofErrors++;
        }
      }
    }
    assertThat(failures).isEmpty();
    // The mutants are not all trivially rejected by javac: rtproof itself judged many of them.
    assertThat(rtproofErrors).isGreaterThan(cases / 4);
  }

  /** Applies {@code count} random mutations to the body of {@code seed}. */
  static String mutate(String seed, Random random, int count) {
    String text = seed;
    for (int k = 0; k < count; k++) {
      text = mutateOnce(text, random);
    }
    return text;
  }

  private static String mutateOnce(String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<Integer> statements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.endsWith(");") && !t.startsWith("@")) {
        statements.add(i);
      }
    }
    int at = statements.get(r.nextInt(statements.size()));
    String line = lines.get(at);
    switch (r.nextInt(11)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2 -> {
        int other = statements.get(r.nextInt(statements.size()));
        lines.set(at, lines.get(other));
        lines.set(other, line);
      }
      case 3 -> lines.set(at, replaceOne(line, NUMBER, NUMBERS, r));
      case 4 -> lines.set(at, replaceOne(line, REGISTER, REGISTERS, r));
      case 5 -> lines.set(at, replaceOne(line, STRING, STRINGS, r));
      case 6 -> lines.set(at, replaceOne(line, ARGUMENT, ARGUMENTS, r));
      case 7 -> {
        List<String> names = new ArrayList<>(Op.names());
        names.sort(null);
        names.add("FOO");
        names.add("label");
        names.add("get_tls");
        lines.set(at, MNEMONIC.matcher(line).replaceFirst("$1" + names.get(r.nextInt(names.size())) + "("));
      }
      case 8 -> {
        if (!line.isEmpty()) {
          int c = r.nextInt(line.length());
          lines.set(at, line.substring(0, c) + line.substring(c + 1));
        }
      }
      case 9 -> lines.add(at, "    " + STATEMENTS[r.nextInt(STATEMENTS.length)]);
      default -> {
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("@Routine(")) {
            lines.set(i, lines.get(i).replace("@Routine(", "@Routine(" + HEADERS[r.nextInt(HEADERS.length)] + ", ")
                .replaceAll("(frame|args|flags|symbol|unroll) = ([^,)]*), (.*)\\1 = [^,)]*", "$1 = $2, $3")
                .replace(", )", ")"));
          }
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String replaceOne(String line, Pattern p, String[] pool, Random r) {
    Matcher m = p.matcher(line);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return line;
    }
    int[] s = spans.get(r.nextInt(spans.size()));
    return line.substring(0, s[0]) + pool[r.nextInt(pool.length)] + line.substring(s[1]);
  }
}
