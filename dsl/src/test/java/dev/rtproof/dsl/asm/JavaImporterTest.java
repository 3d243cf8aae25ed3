package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go assembly → Java DSL source: readable, names kept where Java has them, values always the same. */
class JavaImporterTest {
  private static final String SETTLS = """
      #include "go_asm.h"
      #include "go_tls.h"
      #include "textflag.h"

      #define SYS_arch_prctl\t\t158

      // set tls base to DI
      TEXT runtime·settls(SB),NOSPLIT,$32
      #ifdef GOOS_android
      \t// Android stores the TLS offset in runtime·tls_g.
      \tSUBQ\truntime·tls_g(SB), DI
      #else
      \tADDQ\t$8, DI\t// ELF wants to use -8(FS)
      #endif
      \tMOVQ\tDI, SI
      \tMOVQ\t$0x1002, DI\t// ARCH_SET_FS
      \tMOVQ\t$SYS_arch_prctl, AX
      \tSYSCALL
      \tCMPQ\tAX, $0xfffffffffffff001
      \tJLS\t2(PC)
      \tMOVL\t$0xf1, 0xf1  // crash
      \tRET
      """;

  private static JavaImporter.Result importText(String source) throws AsmException {
    AsmFile f = AsmParser.parse("sys_linux_amd64.s", source, AsmParser.Options.defaults());
    return JavaImporter.importFile(f, Target.GO1_19, JavaImporter.Options.forFile("sys_linux_amd64.s"));
  }

  @Test
  void settlsReadsLikeTheExample() throws AsmException {
    assertEquals("""
        package imported;

        import static dev.rtproof.dsl.Amd64.*;
        import static dev.rtproof.dsl.Linux.*;

        import dev.rtproof.dsl.Routine;
        import dev.rtproof.dsl.Routines;
        import dev.rtproof.dsl.Target;

        /** Routines of {@code sys_linux_amd64.s}, imported by rtproof. */
        @Routines(target = Target.GO1_19)
        final class SysLinuxAmd64 {
          private SysLinuxAmd64() {}

          // set tls base to DI
          @Routine(symbol = "runtime·settls", flags = NOSPLIT, frame = 32)
          static void settls() {
            ADDQ($(8), DI);            // ELF wants to use -8(FS)
            MOVQ(DI, SI);
            MOVQ($(0x1002), DI);       // ARCH_SET_FS
            MOVQ($(SYS_arch_prctl), AX);
            SYSCALL();
            CMPQ(AX, $(0xfffffffffffff001L));
            JLS(pc(2));
            MOVL($(0xf1), abs(0xf1));  // crash
            RET();
          }
        }
        """, importText(SETTLS).source());
  }

  private static String line(String source, String start) {
    return source.lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst().orElseThrow(() ->
        new AssertionError("no line " + start + " in\n" + source));
  }

  @Test
  void expressionsKeepGoGroupingNamesAndValues() throws AsmException {
    String java = importText("""
        #include "go_asm.h"
        #include "go_tls.h"
        #define SYS_nothing 999
        #define LOCAL (3*8)
        TEXT ·f(SB), $0-16
        \tMOVQ $(1+2<<3), AX
        \tMOVQ $(6|1^3), BX
        \tMOVQ $(1<<40), CX
        \tMOVQ $0xffffffff, DX
        \tMOVQ (g_sched+gobuf_sp)(R14), SP
        \tMOVQ $const_stackPreempt, SI
        \tMOVQ $SYS_nothing, DI
        \tMOVQ LOCAL(SP), R8
        \tMOVQ $~15, R9
        \tMOVQ $'a', R10
        \tMOVQ runtime·m0+m_tls(SB), R11
        \tLEAQ (-64*1024+104)(SP), R12
        \tMOVQ a+8(FP), R13
        \tget_tls(CX)
        \tMOVQ AX, g(CX)
        \tMOVQ 8(AX)(BX*4), CX
        loop:
        \tJMP loop
        """).source();
    assertEquals("MOVQ($(1 + (2 << 3)), AX);", line(java, "MOVQ($(1"));
    assertEquals("MOVQ($((6 | 1) ^ 3), BX);", line(java, "MOVQ($((6"));
    assertEquals("MOVQ($(1L << 40L), CX);", line(java, "MOVQ($(1L"));
    assertEquals("MOVQ($(0xffffffffL), DX);", line(java, "MOVQ($(0xffff"));
    assertEquals("MOVQ(mem(g_sched + gobuf_sp, R14), SP);", line(java, "MOVQ(mem(g_sched"));
    assertEquals("MOVQ($(const_stackPreempt), SI);", line(java, "MOVQ($(const_"));
    assertEquals("MOVQ($(999), DI);", line(java, "MOVQ($(999"));
    assertEquals("MOVQ(mem(3 * 8, SP), R8);", line(java, "MOVQ(mem(3"));
    assertEquals("MOVQ($(~15), R9);", line(java, "MOVQ($(~"));
    assertEquals("MOVQ($(97), R10);", line(java, "MOVQ($(97"));
    assertEquals("MOVQ(sym(\"runtime·m0\", m_tls), R11);", line(java, "MOVQ(sym("));
    assertEquals("LEAQ(mem(-64 * 1024 + 104, SP), R12);", line(java, "LEAQ("));
    assertEquals("MOVQ(arg(\"a\", 8), R13);", line(java, "MOVQ(arg("));
    assertEquals("get_tls(CX);", line(java, "get_tls("));
    assertEquals("MOVQ(AX, g(CX));", line(java, "MOVQ(AX, g("));
    assertEquals("MOVQ(mem(8, AX, BX, 4), CX);", line(java, "MOVQ(mem(8"));
    assertEquals("label(\"loop\");", line(java, "label("));
    assertEquals("JMP(\"loop\");", line(java, "JMP("));
    assertTrue(java.contains("import static dev.rtproof.dsl.target.Go119.*;"), java);
    assertTrue(java.contains("@Routine(symbol = \"·f\", args = 16)"), java);
  }

  @Test
  void routinesWithUnsupportedInstructionsAreLeftOutWithTheReason() throws AsmException {
    JavaImporter.Result r = importText("""
        TEXT ·vec(SB), $0
        \tMOVOU (SI), X1
        \tMOVQ X1, AX
        \tRET
        TEXT ·clone(SB), $0
        \tRET
        TEXT ·clone2(SB), $0
        \tRET
        """);
    assertEquals(List.of("·vec: has instructions rtproof keeps but does not model: MOVOU, MOVQ X1, AX"), r.skipped());
    assertTrue(r.source().contains("static void clone_()"), "not Object.clone: " + r.source());
    assertTrue(r.source().contains("static void clone2()"), r.source());
  }

  @Test
  void localsAndDataSectionsAreImported() throws AsmException {
    String java = importText("""
        #include "textflag.h"
        TEXT ·local(SB), $8
        \tMOVQ AX, x-8(SP)
        \tRET
        GLOBL ·id(SB), NOPTR, $16
        DATA ·id+0(SB)/8, $9527
        DATA ·id+8(SB)/8, $·id(SB)
        """).source();
    assertEquals("MOVQ(AX, local(\"x\", -8));", line(java, "MOVQ(AX, local("));
    assertTrue(java.contains("""
          @DataSection
          static void data() {
            GLOBL(sym("·id"), NOPTR, 16);
            DATA(sym("·id"), 8, $(0x2537));
            DATA(sym("·id", 8), 8, $(sym("·id")));
          }
        """), java);
    assertTrue(java.contains("import dev.rtproof.dsl.DataSection;"), java);
  }

  @Test
  void theImportedSourceCompiles(@TempDir Path dir) throws Exception {
    JavaImporter.Result r = importText(SETTLS);
    Path src = Files.createDirectories(dir.resolve("imported")).resolve("SysLinuxAmd64.java");
    Files.writeString(src, r.source());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(out, null, null, List.of("-proc:none", "-d", dir.resolve("classes").toString(),
        "-cp", System.getProperty("java.class.path")), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
    assertTrue(ok, out.toString());
  }
}
