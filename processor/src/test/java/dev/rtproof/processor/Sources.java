package dev.rtproof.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources of routines, and the line a marker comment is on. */
final class Sources {
  private Sources() {}

  static final String HEADER = """
      package dev.t;

      import static dev.rtproof.dsl.Amd64.*;
      import static dev.rtproof.dsl.Linux.*;
      import static dev.rtproof.dsl.target.Go119.*;

      import dev.rtproof.dsl.*;

      """;

  static JavaFileObject source(String className, String body) {
    return JavaFileObjects.forSourceString("dev.t." + className, HEADER + body);
  }

  /** The 1-based line of {@code marker} in the file {@link #source} makes of {@code body}. */
  static int line(String body, String marker) {
    String text = HEADER + body;
    int at = text.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no marker " + marker);
    }
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** settls as in sys_linux_amd64.s; without {@code addEight} the ADDQ $8, DI is missing. */
  static String settls(boolean addEight) {
    return """
        @Routines(target = Target.GO1_19)
        final class Tls {
          @Routine(symbol = "runtime·settls", flags = NOSPLIT, frame = 32)
          @StackBalanced
          static void settls() {
        %s    MOVQ(DI, SI);
            MOVQ($(0x1002), DI);
            MOVQ($(SYS_arch_prctl), AX);
            SYSCALL();
            CMPQ(AX, $(0xfffffffffffff001L));
            JLS(pc(2));
            MOVL($(0xf1), abs(0xf1));
            RET();
          }
        }
        """.formatted(addEight ? "    ADDQ($(8), DI);\n" : "");
  }

  /** The rt0_go head with the given mask expression for ANDQ, and its properties. */
  static String rt0Head(String mask, String properties) {
    return """
        @Routines(target = Target.GO1_19)
        final class Rt0Go {
          @Routine(symbol = "runtime·rt0_go", flags = NOSPLIT | TOPFRAME)
        %s
          static void rt0_go() {
            MOVQ(DI, AX);
            MOVQ(SI, BX);
            SUBQ($(5 * 8), SP);
            ANDQ($(%s), SP);
            MOVQ(AX, mem(24, SP));
            MOVQ(BX, mem(32, SP));
            MOVQ($(sym("runtime·g0")), DI);
            LEAQ(mem(-64 * 1024 + 104, SP), BX);
            MOVQ(BX, mem(g_stackguard0, DI));
            MOVQ(BX, mem(g_stackguard1, DI));
            MOVQ(BX, mem(g_stack + stack_lo, DI));
            MOVQ(SP, mem(g_stack + stack_hi, DI));
            LEAQ(sym("runtime·m0", m_tls), DI);
            CALL(sym("runtime·settls"));  // call settls
            get_tls(BX);
            MOVQ($(0x123), g(BX));  // tls store
            MOVQ(sym("runtime·m0", m_tls), AX);
            CMPQ(AX, $(0x123));
            JEQ(pc(2));
            CALL(sym("runtime·abort"));  // abort
            label("ok");
            get_tls(BX);
            LEAQ(sym("runtime·g0"), CX);
            MOVQ(CX, g(BX));
            LEAQ(sym("runtime·m0"), AX);
            MOVQ(CX, mem(m_g0, AX));
            MOVQ(AX, mem(g_m, CX));
            CLD();
            RET();
          }
        }
        """.formatted(properties, mask);
  }
}
