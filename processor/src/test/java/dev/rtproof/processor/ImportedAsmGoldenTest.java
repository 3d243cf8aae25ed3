package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmParser;
import dev.rtproof.dsl.asm.JavaImporter;
import dev.rtproof.dsl.asm.RoutineCode;
import dev.rtproof.dsl.ir.Routine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3's golden tests: Go assembly → imported Java DSL (exactly the golden text) → compiled by the
 * processor → the generated program's ROUTINE is the IR the parser read, and the same IR as the
 * hand-written routine of the walking skeleton.
 */
class ImportedAsmGoldenTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = ImportedAsmGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"settls.s, Tls, runtime·settls", "rt0_go_head.s, Rt0Go, runtime·rt0_go"})
  void importedAssemblyCompilesToTheIrItWasReadAs(String file, String className, String symbol) throws Exception {
    AsmFile parsed = AsmParser.parse(file, resource(file), AsmParser.Options.defaults());
    String java = JavaImporter.importFile(parsed, Target.GO1_19, new JavaImporter.Options("dev.t", className)).source();
    assertEquals(resource(className + ".java.golden"), java);

    Compilation c = javac().withProcessors(new RtproofProcessor())
        .compile(JavaFileObjects.forSourceString("dev.t." + className, java));
    assertThat(c).succeeded();
    Routine compiled = routineOf(c, symbol);
    assertEquals(RoutineCode.of(parsed.routine(symbol).routine()), RoutineCode.of(compiled));

    String handWritten = className.equals("Tls") ? Sources.settls(true) : Sources.rt0Head("~15", "");
    Compilation skeleton = javac().withProcessors(new RtproofProcessor()).compile(Sources.source(className, handWritten));
    assertThat(skeleton).succeeded();
    assertEquals(RoutineCode.of(routineOf(skeleton, symbol)), RoutineCode.of(compiled));
  }

  private static Routine routineOf(Compilation c, String symbol) throws Exception {
    Routine r = GeneratedRoutines.of(c).get(symbol);
    assertThat(r).isNotNull();
    return r;
  }
}
