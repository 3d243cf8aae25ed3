package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operand expressions are folded as javac folds constants, without running user code: literals of every
 * integral kind, operators with Java's promotion, comparisons and {@code ?:}, casts, and static final
 * constants of any class, qualified or imported.
 */
class ConstantFoldingTest {
  /** Each expression with the immediate it folds to. */
  private static final List<String[]> CASES = List.of(
      new String[] {"5 * 8", "40L"},
      new String[] {"~15", "-16L"},
      new String[] {"4 * 8 + 7", "39L"},
      new String[] {"'A'", "65L"},
      new String[] {"'A' + 1", "66L"},
      new String[] {"(char) 0x10041", "65L"},
      new String[] {"0x80000000", "0xffffffff80000000L"},
      new String[] {"0x80000000L", "0x80000000L"},
      new String[] {"(int) 0x1ffffffffL", "-1L"},
      new String[] {"(short) 0x18000", "0xffffffffffff8000L"},
      new String[] {"(byte) 200", "-56L"},
      new String[] {"(long) Integer.MAX_VALUE + 1", "0x80000000L"},
      new String[] {"Integer.MAX_VALUE + 1", "0xffffffff80000000L"},
      new String[] {"1 << 33", "2L"},
      new String[] {"1L << 33", "0x200000000L"},
      new String[] {"-1 >>> 28", "15L"},
      new String[] {"-1L >>> 60", "15L"},
      new String[] {"-7 / 2", "-3L"},
      new String[] {"-7 % 2", "-1L"},
      new String[] {"0xf0 & 0x3c | 1 ^ 3", "50L"},
      new String[] {"g_sched + gobuf_sp", "56L"},
      new String[] {"Go119.m_tls", "136L"},
      new String[] {"dev.rtproof.dsl.target.Go119.m_curg", "192L"},
      new String[] {"Long.MIN_VALUE", "0x8000000000000000L"},
      new String[] {"Frames.BIG", "0x10000L"},
      new String[] {"Frames.Inner.SMALL - 1", "7L"},
      new String[] {"SYS_arch_prctl", "158L"},
      new String[] {"m_tls > 100 ? 1 : 2", "1L"},
      new String[] {"(g_m == 48 && !false) ? 3 : 4", "3L"},
      new String[] {"Integer.MIN_VALUE / -1", "0xffffffff80000000L"});

  @Test
  void everyExpressionFoldsToJavasValue() throws IOException {
    StringBuilder body = new StringBuilder("""
        import dev.rtproof.dsl.target.Go119;

        @Routines(target = Target.GO1_19)
        final class Folds {
          static final class Frames {
            static final int BIG = 64 * 1024;

            static final class Inner {
              static final byte SMALL = 8;
            }
          }

          @Routine(symbol = "·folds", flags = NOSPLIT)
          static void folds() {
        """);
    for (String[] c : CASES) {
      body.append("    MOVQ($(").append(c[0]).append("), AX);\n");
    }
    body.append("    RET();\n  }\n}\n");
    Compilation c = javac().withProcessors(new RtproofProcessor()).compile(Sources.source("Folds", body.toString()));
    assertThat(c).succeeded();
    String ir = c.generatedSourceFile("dev.t.Folds_folds").orElseThrow().getCharContent(false).toString();
    for (String[] fold : CASES) {
      int line = Sources.line(body.toString(), "$(" + fold[0] + ")");
      assertThat(ir).contains(".at(" + line + ", 5).instr(Op.MOVQ, new Imm(" + fold[1] + "), Reg.AX)");
    }
  }
}
