package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.emulator.DataSection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotations of issue 3 reach the IR: {@code @Routine(unroll)}, {@code ASSERT}/{@code ASSUME},
 * {@code @StackGuard}, {@code @Go}, {@code @DataSection}, {@code @Contract} and {@code @Macro}. The IR is
 * read back from the generated program, which rebuilds it line by line.
 */
class AnnotationsIntoIrTest {
  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.failOn=never").compile(sources);
  }

  private static String generated(Compilation c, String className) throws IOException {
    return c.generatedSourceFile(className).orElseThrow(() -> new AssertionError("no " + className + " in "
        + c.diagnostics())).getCharContent(false).toString();
  }

  @Test
  void unrollAssertionsStackGuardAndGoReachTheRoutine() throws IOException {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Guarded {
          @Routine(symbol = "·guarded", flags = NOSPLIT, frame = 0, args = 8, unroll = 4)
          @StackGuard(frame = 1024, body = "body")
          @Go("func guarded(n int)")
          static void guarded() {
            MOVQ(mem(16, R14), R12);
            ASSUME("R12 != 0");  // assume
            CMPQ(SP, R12);
            JLS(pc(3));
            label("body");
            ASSERT("SP % 8 == 0");  // assert
            NOP();
            RET();
            CALL(sym("runtime·morestack_noctxt"));
          }
        }
        """;
    String ir = generated(compile(Sources.source("Guarded", body)), "dev.t.Guarded_guarded");
    int assume = Sources.line(body, "// assume");
    int assertion = Sources.line(body, "// assert");
    assertThat(ir).contains(".flags(4).frame(0).args(8).unroll(4)");
    assertThat(ir).contains(".go(\"func guarded(n int)\")");
    assertThat(ir).containsMatch("\\.at\\(\\d+, 3\\)\\.property\\(\"stackguard\", \"1024\", \"body\"\\)");
    assertThat(ir).containsMatch("\\.at\\(\\d+, 3\\)\\.property\\(\"frame-layout\"\\)");
    assertThat(ir).contains(".at(" + assertion + ", 5).property(\"assert\", \"SP % 8 == 0\")");
    // Assertions sit before the instruction they precede: ASSUME before CMPQ, ASSERT before NOP.
    assertThat(ir).containsMatch("(?s)\\.assertion\\(\"R12 != 0\", true\\)\\s*\\.at\\(\\d+, 5\\)\\.instr\\(Op\\.CMPQ");
    assertThat(ir).contains(".at(" + assume + ", 5).assertion(\"R12 != 0\", true)");
    assertThat(ir).containsMatch("(?s)\\.assertion\\(\"SP % 8 == 0\", false\\)\\s*\\.at\\(\\d+, 5\\)\\.instr\\(Op\\.NOP");
  }

  @Test
  void aRoutineWithAnInsertedPrologueClaimsStackguard() throws IOException {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Big {
          @Routine(symbol = "·big", frame = 256)
          static void big() {
            CALL(sym("runtime·f"));
            RET();
          }
        }
        """;
    Compilation c = javac().withProcessors(new RtproofProcessor()).compile(Sources.source("Big", body));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("1 properties of 1 routines: {PROVED=1}");
    assertThat(generated(c, "dev.t.Big_big")).containsMatch("\\.at\\(\\d+, 3\\)\\.property\\(\"stackguard\"\\)");
  }

  @Test
  void theDefaultUnrollIsNotSpelledOut() throws IOException {
    String ir = generated(compile(Sources.source("Tls", Sources.settls(true))), "dev.t.Tls_settls");
    assertThat(ir).doesNotContain(".unroll(");
    assertThat(ir).doesNotContain(".go(");
  }

  @Test
  void aGoDeclarationWithAMatchingFrameGivesAProvedFrameLayoutRow() {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Abort {
          @Routine(symbol = "runtime·abort", flags = NOSPLIT, args = 0)
          @Go("func abort()")
          static void abort() {
            INT($(3));
            label("loop");
            JMP("loop");
          }
        }
        """;
    Compilation c = compile(Sources.source("Abort", body));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("1 properties of 1 routines: {PROVED=1}");
  }

  @Test
  void macrosFromAnotherClassTakeLabelsAndNumbers() throws IOException {
    String macros = """
        import dev.rtproof.dsl.ir.Reg;

        final class Macros {
          @Macro
          static void jumpIfZero(Reg r, String target) {
            TESTQ(r, r);
            JEQ(target);
          }

          @Macro
          static void bump(Reg r, int by) {
            ADDQ($(by * 8), r);
          }
        }
        """;
    String body = """
        import static dev.t.Macros.*;

        @Routines(target = Target.GO1_19)
        final class Uses {
          @Routine(symbol = "·uses", flags = NOSPLIT)
          static void uses() {
            jumpIfZero(AX, "done");
            Macros.bump(BX, 2);  // qualified
            label("done");
            RET();
          }
        }
        """;
    Compilation c = compile(Sources.source("Macros", macros), Sources.source("Uses", body));
    assertThat(c).succeeded();
    String ir = generated(c, "dev.t.Uses_uses");
    assertThat(ir).contains(".expanded(Op.TESTQ, Reg.AX, Reg.AX)");
    assertThat(ir).contains(".expanded(Op.JEQ, new LabelRef(\"done\"))");
    assertThat(ir).contains(".at(" + Sources.line(body, "// qualified") + ", 5).expanded(Op.ADDQ, new Imm(16L), Reg.BX)");
  }

  @Test
  void theSeedsFooAddressesItsArgumentsByName() {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Foo {
          @Routine(symbol = "·Foo", frame = 0, args = 32)
          @Go("func Foo(a bool, b int16) (c []byte)")
          static void foo() {
            MOVB(arg("a", 0), AX);
            MOVW(arg("b", 2), BX);
            MOVQ(CX, arg("c_base", 8));
            MOVQ(DX, arg("c_len", 16));
            MOVQ(DI, arg("c_cap", 24));
            RET();
          }
        }
        """;
    Compilation c = compile(Sources.source("Foo", body));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("1 properties of 1 routines: {PROVED=1}");
  }

  @Test
  void aFrameLayoutViolationIsAnErrorAndAViolatedRow(@TempDir Path reports) throws IOException {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Foo {
          @Routine(symbol = "·Foo", flags = NOSPLIT, args = 32)
          @Go("func Foo(a bool, b int16) (c []byte)")
          static void foo() {
            MOVW(arg("b", 4), BX);  // wrong offset
            MOVQ(CX, arg("c_base", 8));
            RET();
          }
        }
        """;
    Compilation c = javac().withProcessors(new RtproofProcessor())
        .withOptions("-Artproof.reportDir=" + reports).compile(Sources.source("Foo", body));
    assertThat(c).hadErrorContaining("[rtproof/frame-wrong-offset] invalid offset b+4(FP) in MOVW b+4(FP), BX;"
        + " expected b+2(FP)").inFile(Sources.source("Foo", body)).onLine(Sources.line(body, "// wrong offset"));
    String json = Files.readString(reports.resolve("report.json"));
    assertThat(json).contains("\"frame-layout\"");
    assertThat(json).contains("\"VIOLATED\"");
  }

  @Test
  void anUnbalancedPushIsAWarningOnItsRet() {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Leak {
          @Routine(symbol = "·leak", flags = NOSPLIT)
          static void leak() {
            PUSHQ(AX);
            RET();  // unbalanced
          }
        }
        """;
    Compilation c = compile(Sources.source("Leak", body));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[rtproof/unbalanced-push-pop] unbalanced PUSH/POP: SP is 8 bytes below")
        .inFile(Sources.source("Leak", body)).onLine(Sources.line(body, "// unbalanced"));
  }

  @Test
  void theGeneratedDataSectionLoadsAndSeed003sIdReads9527() throws Exception {
    String body = DATA;
    Compilation c = compile(Sources.source("Data", body));
    assertThat(c).succeeded();
    ClassLoader loader = new CompiledClasses(c, getClass().getClassLoader());
    DataSection section = (DataSection) loader.loadClass("dev.t.Data_id").getConstructor().newInstance();
    DataSymbol id = section.symbols().get(0);
    assertThat(id.name()).isEqualTo("·Id");
    assertThat(id.flags()).isEqualTo(TextFlags.NOPTR);
    assertThat(ByteBuffer.wrap(id.image()).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(9527L);
  }

  /** Seed 003's ·Id (9527 as little-endian bytes), a string and a pointer to it. */
  private static final String DATA = """
      final class Data {
        @DataSection
        static void id() {
          GLOBL(sym("·Id"), NOPTR, 8);
          DATA(sym("·Id", 0), 1, $(0x37));
          DATA(sym("·Id", 1), 1, $(0x25));
          DATA(sym("·Id", 2), 2, $(0));
          DATA(sym("·Id", 4), 4, $(0));
          GLOBL(sym("text<>"), NOPTR, 16);
          DATA(sym("text<>", 0), 8, "Hello Wo");
          DATA(sym("text<>", 8), 8, "rld!");
          GLOBL(sym("·helloworld"), 16);
          DATA(sym("·helloworld", 0), 8, $(sym("text<>")));
          DATA(sym("·helloworld", 8), 8, $(12));
        }
      }
      """;

  @Test
  void aDataSectionBecomesARegisteredDataImage() throws IOException {
    String body = DATA;
    Compilation c = compile(Sources.source("Data", body));
    assertThat(c).succeeded();
    String src = generated(c, "dev.t.Data_id");
    assertThat(src).contains("extends DataSection");
    assertThat(src).contains("new DataSymbol(\"\\u00b7Id\", 16, 8L");
    assertThat(src).contains("new DataSymbol.Init(1L, 1, new Imm(37L)");
    // "Hello Wo" as little-endian bytes: 'H' = 0x48 first.
    assertThat(src).contains("new Imm(0x6f57206f6c6c6548L)");
    assertThat(src).contains("new SymAddr(\"text<>\", 0L)");
    String services = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.rtproof.emulator.DataSection")
        .orElseThrow().getCharContent(false).toString();
    assertThat(services).isEqualTo("dev.t.Data_id\n");
  }

  @Test
  void contractsAreReadAndTheirExpressionsChecked() {
    String body = """
        @Routines(target = Target.GO1_19)
        @Contract(symbol = "runtime·check", clobbers = {"AX", "CX"}, writes = "SP - 64 .. SP", ensures = "SP == entry(SP)")
        @Contract(symbol = "runtime·args", ensures = "AX ==")  // bad ensures
        final class Calls {
          @Routine(symbol = "·calls", flags = NOSPLIT)
          static void calls() {
            CALL(sym("runtime·check"));
            RET();
          }
        }
        """;
    Compilation c = compile(Sources.source("Calls", body));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[rtproof/bad-expression] @Contract(runtime·args)")
        .inFile(Sources.source("Calls", body)).onLine(Sources.line(body, "// bad ensures"));
  }

  @Test
  void macrosExpandInPlaceAtTheirCallSite() throws IOException {
    String body = """
        import dev.rtproof.dsl.ir.Operand;
        import dev.rtproof.dsl.ir.Reg;

        @Routines(target = Target.GO1_19)
        final class Setg {
          @Macro
          static void load_g(Reg r) {
            get_tls(r);
            MOVQ(g(r), r);
          }

          @Macro
          static void store(Operand v, long off, Reg base) {
            MOVQ(v, mem(off + 8, base));
          }

          @Routine(symbol = "·setg", flags = NOSPLIT)
          static void setg() {
            load_g(CX);  // expand
            store(DI, g_m, CX);
            RET();
          }
        }
        """;
    Compilation c = compile(Sources.source("Setg", body));
    assertThat(c).succeeded();
    String ir = generated(c, "dev.t.Setg_setg");
    int line = Sources.line(body, "// expand");
    assertThat(ir).contains(".at(" + line + ", 5).getTls(Reg.CX)");
    assertThat(ir).contains(".at(" + line + ", 5).expanded(Op.MOVQ, Mem.tls(0L, Reg.CX), Reg.CX)");
    assertThat(ir).contains(".expanded(Op.MOVQ, Reg.DI, Mem.reg(56L, Reg.CX))");
  }
}
