package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Routine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's acceptance on Go 1.19's own runtime assembly ({@code $(go env GOROOT)/src/runtime}): every TEXT
 * routine parses, print→parse is the identity on the IR, and the printed files assemble to the same machine
 * code as the originals.
 */
class GoRuntimeFilesTest {
  private static final GoAssembler GO = new GoAssembler();
  @TempDir
  static Path work;
  private static Path runtime;
  private static AsmParser.Options options;

  @BeforeAll
  static void locateRuntime() throws Exception {
    runtime = GO.goRoot(work).resolve("src/runtime");
    assertTrue(Files.isRegularFile(runtime.resolve("asm_amd64.s")), "Go's runtime sources at " + runtime);
    // The runtime's real go_asm.h (compile -asmhdr of Go 1.19's runtime); the other headers from GOROOT.
    Path include = Files.createDirectories(work.resolve("runtime-include"));
    try (InputStream in = GoRuntimeFilesTest.class.getResourceAsStream("/go1.19/runtime_go_asm.h")) {
      Files.write(include.resolve("go_asm.h"), in.readAllBytes());
    }
    options = AsmParser.Options.defaults().withIncludeDirs(List.of(include, runtime));
  }

  private static AsmFile parse(String name) throws Exception {
    return AsmParser.parse(runtime.resolve(name), options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm_amd64.s", "sys_linux_amd64.s", "rt0_linux_amd64.s"})
  void everyTextRoutineParsesAndPrintThenParseIsTheIdentity(String name) throws Exception {
    AsmFile file = parse(name);
    Set<String> parsed = new TreeSet<>();
    file.routines().forEach(r -> parsed.add(r.routine().symbol()));
    Set<String> written = textSymbolsOutsideMacros(Files.readString(runtime.resolve(name)));
    assertTrue(parsed.containsAll(written), "missing: " + difference(written, parsed));

    List<Routine> routines = file.routines().stream().map(AsmRoutine::routine).toList();
    String printed = AsmPrinter.print(routines, file.data(), AsmPrinter.Options.withSourceComments());
    AsmFile again = AsmParser.parse("printed-" + name, printed, AsmParser.Options.defaults());
    assertEquals(routines.size(), again.routines().size());
    for (int i = 0; i < routines.size(); i++) {
      assertEquals(RoutineCode.of(routines.get(i)), RoutineCode.of(again.routines().get(i).routine()),
          routines.get(i).symbol());
    }
    assertEquals(file.data().stream().map(RoutineCode::of).toList(), again.data().stream().map(RoutineCode::of).toList());
  }

  @Test
  void theFilesHoldTheExpectedRoutines() throws Exception {
    // 85 TEXT lines (two inside #define) plus 27 CALLFN and 12 DEBUG_CALL_FN expansions.
    assertEquals(122, parse("asm_amd64.s").routines().size());
    assertEquals(47, parse("sys_linux_amd64.s").routines().size());
    assertEquals(2, parse("rt0_linux_amd64.s").routines().size());
  }

  @Test
  void settlsIsTheReferenceRoutine() throws Exception {
    Routine settls = parse("sys_linux_amd64.s").routine("runtime·settls").routine();
    assertEquals(9, settls.instrs().size(), "the linux branch of the #ifdef GOOS_android");
    assertEquals(32, settls.frame());
    assertEquals(Op.ADDQ, settls.instrs().get(0).op());
    assertEquals(new PcRel(2), settls.instrs().get(6).arg(0));
    assertEquals("MOVL $241, 241", settls.instrs().get(7).toString());
  }

  @Test
  void rt0GoReadsGoAsmNamesMacrosAndGetTls() throws Exception {
    AsmRoutine rt0 = parse("asm_amd64.s").routine("runtime·rt0_go");
    List<Instr> in = rt0.routine().instrs();
    assertEquals("SUBQ $40, SP", in.get(2).toString());
    assertEquals("ANDQ $-16, SP", in.get(3).toString());
    assertEquals(Mem.reg(-64 * 1024 + 104, dev.rtproof.dsl.ir.Reg.SP), in.get(7).arg(0));
    assertEquals("LEAQ    -65432(SP), BX", AsmPrinter.print(rt0.routine()).lines().filter(l -> l.contains("LEAQ")).findFirst().orElseThrow().trim());
    Instr stackLo = in.get(10);
    assertEquals(Mem.reg(0, dev.rtproof.dsl.ir.Reg.DI), stackLo.arg(1));
    assertEquals("(g_stack+stack_lo)", spelling(rt0.number(10, 1)));
    long getTls = in.stream().filter(i -> i.origin() == Instr.Origin.MACRO && i.isGetTls()).count();
    assertTrue(getTls >= 2, "get_tls(BX) twice in the head");
  }

  @Test
  void theSummaryListsUnsupportedMnemonics() throws Exception {
    Map<String, Integer> asm = parse("asm_amd64.s").unsupported();
    assertEquals(111, asm.get("AESENC"));
    assertEquals(27, asm.get("REP"));
    assertTrue(asm.containsKey("FUNCDATA") && asm.containsKey("PCDATA"), asm.toString());
    assertEquals(Set.of("CMPXCHGL", "DIVL", "IMULQ", "MULL", "PXOR"), parse("sys_linux_amd64.s").unsupported().keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm_amd64.s", "sys_linux_amd64.s", "rt0_linux_amd64.s"})
  void thePrintedFileAssemblesToTheSameMachineCodeAsTheOriginal(String name) throws Exception {
    AsmFile file = parse(name);
    String printed = AsmPrinter.print(file.routines().stream().map(AsmRoutine::routine).toList(), file.data(),
        AsmPrinter.Options.plain());
    Path dir = Files.createDirectories(work.resolve("asm-" + name));
    GoAssembler.Result ours = GO.assemble(dir, "printed.s", printed, dev.rtproof.dsl.Target.GO1_19.profile(), "runtime",
        "-compiling-runtime");
    assertTrue(ours.ok(), ours.output());
    Path original = dir.resolve("original.o");
    Process p = new ProcessBuilder("go", "tool", "asm", "-I", work.resolve("runtime-include").toString(),
        "-I", runtime.toString(), "-D", "GOOS_linux", "-D", "GOARCH_amd64", "-p", "runtime", "-compiling-runtime",
        "-o", original.toString(), runtime.resolve(name).toString())
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    String expected = GO.instructionBytes(dir, original);
    assertTrue(expected.lines().count() > 2, expected);
    assertEquals(expected, GO.instructionBytes(dir, ours.object()));
  }

  /** TEXT names written at the start of a line outside #define bodies (a check independent of the parser). */
  private static Set<String> textSymbolsOutsideMacros(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^TEXT\\s+([^(\\s]+)\\(SB\\)").matcher(source);
    while (m.find()) {
      if (!m.group(1).equals("NAME")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static String spelling(AsmExpr e) {
    if (e instanceof AsmExpr.Paren p) {
      return "(" + spelling(p.inner()) + ")";
    }
    if (e instanceof AsmExpr.Named n) {
      return n.name();
    }
    if (e instanceof AsmExpr.Binary b) {
      return spelling(b.left()) + b.op() + spelling(b.right());
    }
    return String.valueOf(e.value());
  }

}
