package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmParser;
import dev.rtproof.dsl.asm.AsmRoutine;
import dev.rtproof.dsl.asm.GoAssembler;
import dev.rtproof.dsl.asm.JavaImporter;
import dev.rtproof.dsl.asm.RoutineCode;
import dev.rtproof.dsl.ir.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The importer at scale: every routine of Go 1.19's runtime assembly that it imports compiles with the
 * processor to exactly the IR the parser read.
 */
class ImportedRuntimeFilesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"asm_amd64.s, AsmAmd64, 73", "sys_linux_amd64.s, SysLinuxAmd64, 42"})
  void everyImportedRoutineCompilesToTheParsedIr(String file, String className, int minimum, @TempDir Path dir)
      throws Exception {
    Path runtime = new GoAssembler().goRoot(dir).resolve("src/runtime");
    // The runtime's own go_asm.h (compile -asmhdr of Go 1.19's runtime), kept with the dsl tests.
    Path include = Path.of("..", "dsl", "src", "test", "resources", "go1.19");
    Files.copy(include.resolve("runtime_go_asm.h"), dir.resolve("go_asm.h"));
    AsmFile parsed = AsmParser.parse(runtime.resolve(file), AsmParser.Options.defaults().withIncludeDirs(List.of(dir, runtime)));
    JavaImporter.Result result = JavaImporter.importFile(parsed, Target.GO1_19, new JavaImporter.Options("dev.t", className));
    String java = result.source();
    int imported = parsed.routines().size() - result.skipped().size();
    Compilation c = javac().withProcessors(new RtproofProcessor()).compile(JavaFileObjects.forSourceString("dev.t." + className, java));
    List<String> errors = new ArrayList<>();
    for (Diagnostic<?> d : c.errors()) {
      errors.add(d.getLineNumber() + ": " + d.getMessage(null));
    }
    assertEquals(List.of(), errors);
    Map<String, Routine> compiled = GeneratedRoutines.of(c);
    int compared = 0;
    for (AsmRoutine r : parsed.routines()) {
      Routine back = compiled.get(r.routine().symbol());
      if (back != null) {
        assertEquals(RoutineCode.of(r.routine()), RoutineCode.of(back), r.routine().symbol());
        compared++;
      }
    }
    assertEquals(imported, compared, "every imported routine has a program");
    assertThat(compared).isAtLeast(minimum);
  }
}
