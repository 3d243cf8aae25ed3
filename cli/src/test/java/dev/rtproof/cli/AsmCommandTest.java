package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtproof asm print | import | check}. */
class AsmCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void printShowsACompiledRoutineAsGoAssembly() {
    assertEquals(0, run("asm", "print", "--routine", "runtime·settls"), err.toString());
    String s = out.toString();
    assertTrue(s.contains("TEXT runtime·settls(SB), NOSPLIT, $32\n\tADDQ    $8, DI\n"), s);
    assertFalse(s.contains("rt0_go"), "only the routine asked for");
  }

  @Test
  void printCanCheckItsOutputWithGoToolAsm() {
    assertEquals(0, run("asm", "print", "--check", "--source-comments"), err.toString());
    assertTrue(err.toString().contains("go tool asm: ok (GO1_19)"), err.toString());
    assertTrue(out.toString().contains("// dev/rtproof/examples/Tls.java:31"), out.toString());
  }

  @Test
  void printIncludesTheGlobalsOfDataSections() {
    assertEquals(0, run("asm", "print"), err.toString());
    assertTrue(out.toString().contains("DATA    ·Id(SB)/1, $55\nDATA    ·Id+1(SB)/1, $37\n"), out.toString());
    assertTrue(out.toString().contains("GLOBL   ·Id(SB), NOPTR, $8\n"), out.toString());
  }

  @Test
  void printOfAnUnknownRoutineIsBadUsage() {
    assertEquals(2, run("asm", "print", "--routine", "runtime·nothing"));
    assertTrue(err.toString().contains("no compiled routine named runtime·nothing"), err.toString());
  }

  @Test
  void importPrintsJavaAndTheSummary(@TempDir Path dir) throws IOException {
    Path s = dir.resolve("tls.s");
    Files.writeString(s, "#include \"textflag.h\"\nTEXT runtime·settls(SB),NOSPLIT,$32\n\tADDQ\t$8, DI\t// ELF\n"
        + "\tMOVOU\t(SI), X0\n\tRET\nTEXT ·ok(SB),NOSPLIT,$0\n\tRET\n");
    assertEquals(0, run("asm", "import", "--package", "p", "--class", "Tls", s.toString()), err.toString());
    assertTrue(out.toString().startsWith("package p;\n"), out.toString());
    assertTrue(out.toString().contains("final class Tls {"), out.toString());
    assertTrue(out.toString().contains("  @Routine(symbol = \"·ok\", flags = NOSPLIT)\n  static void ok() {\n    RET();\n"),
        out.toString());
    assertTrue(err.toString().contains("not imported: runtime·settls: has instructions rtproof keeps but does not model: MOVOU"),
        err.toString());
    assertTrue(err.toString().contains(s + ": 2 routines, 4 instructions, 0 data symbols; 1 instructions kept unsupported:\n"
        + "  MOVOU          1\n"), err.toString());
  }

  @Test
  void unreadableAssemblyIsReportedAtItsPositionWithoutAStackTrace(@TempDir Path dir) throws IOException {
    Path s = dir.resolve("bad.s");
    Files.writeString(s, "TEXT ·f(SB), $0\n\tMOVQ AX, BX\n\tMOVQ (AX)(BX*3), CX\n\tRET\n");
    assertEquals(2, run("asm", "import", s.toString()));
    assertEquals(s + ":3:15: [rtproof/bad-scale] scale must be 1, 2, 4 or 8, not 3\n", err.toString());
    assertEquals("", out.toString());
    err.getBuffer().setLength(0);
    Files.writeString(s, "#include \"go_asm.h\"\nTEXT ·f(SB), $0\n\tMOVQ m_ncgo(AX), BX\n\tRET\n");
    assertEquals(2, run("asm", "check", s.toString()));
    assertTrue(err.toString().startsWith(s + ":3:7: [rtproof/asm-constant] 'm_ncgo' is not a constant"), err.toString());
    assertTrue(err.toString().contains("pass -I DIR with the package's own go_asm.h"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace");
  }

  @Test
  void checkSummarisesGoRuntimeAssembly() throws Exception {
    Path runtime = new dev.rtproof.dsl.asm.GoAssembler().goRoot(Files.createTempDirectory("go")).resolve("src/runtime");
    assertEquals(0, run("asm", "check", runtime.resolve("rt0_linux_amd64.s").toString()), err.toString());
    assertEquals(runtime.resolve("rt0_linux_amd64.s")
        + ": 2 routines, 2 instructions, 0 data symbols; 0 instructions kept unsupported\n", out.toString());
  }

  @Test
  void asmWithoutASubcommandShowsItsUsage() {
    assertEquals(2, run("asm"));
    assertTrue(err.toString().contains("import  Read a Go assembly file"), err.toString());
  }
}
