package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Verification at javac time: {@code -Artproof.failOn=never} reports violations as warnings on their lines
 * (one line each, with the counterexample's summary), VACUOUS fails like VIOLATED,
 * {@code -Artproof.jobs} changes nothing but speed, and every target's inserted stack check is proved for
 * a frame of each variant.
 */
class VerificationOptionsTest {
  /** Seed 001's rt0_go head misaligned by {@code ANDQ $~7, SP}: a VIOLATED stack-alignment at the settls CALL. */
  private static final String MISALIGNED = Sources.rt0Head("~7",
      "@TlsRoundTrip @StackAligned(value = 16, at = \"runtime·settls\")");

  private static Compilation compile(String... options) {
    return javac().withProcessors(new RtproofProcessor()).withOptions((Object[]) options)
        .compile(Sources.source("Tls", Sources.settls(true)), Sources.source("Rt0Go", MISALIGNED));
  }

  @Test
  void failOnNeverReportsAViolationAsAWarningOnItsLine() {
    Compilation c = compile("-Artproof.failOn=never");
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[rtproof/stack-alignment] VIOLATED")
        .inFile(Sources.source("Rt0Go", MISALIGNED)).onLine(Sources.line(MISALIGNED, "// call settls"));
    assertThat(c).hadNoteContaining("{PROVED=2, VIOLATED=1}");
    Compilation failing = compile();
    assertThat(failing).failed();
    assertThat(failing).hadErrorContaining("[rtproof/stack-alignment] VIOLATED")
        .inFile(Sources.source("Rt0Go", MISALIGNED)).onLine(Sources.line(MISALIGNED, "// call settls"));
    String message = failing.errors().get(0).getMessage(null);
    assertThat(message).doesNotContain("\n");
    assertThat(message).containsMatch("SP = 0x[0-9a-f]+; entry: ");
  }

  /** Unreachable under its requirements, the RET of stack-balance makes a VACUOUS verdict, which fails like a violation. */
  @Test
  void aVacuousPropertyFailsTheBuildOnItsDeclaration() {
    String body = """
        @Routines(target = Target.GO1_19)
        final class Vac {
          @Routine(symbol = "·vac", flags = NOSPLIT)
          @Requires("AX == 1")
          @Requires("AX == 2")
          @StackBalanced // claim
          static void vac() {
            RET();
          }
        }
        """;
    JavaFileObject source = Sources.source("Vac", body);
    Compilation c = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.cache=off").compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[rtproof/stack-balance] VACUOUS stack-balance of ·vac:")
        .inFile(source).onLine(Sources.line(body, "@StackBalanced // claim"));
    Compilation warned = javac().withProcessors(new RtproofProcessor())
        .withOptions("-Artproof.cache=off", "-Artproof.failOn=never").compile(source);
    assertThat(warned).succeeded();
    assertThat(warned).hadWarningContaining("[rtproof/stack-balance] VACUOUS").inFile(source)
        .onLine(Sources.line(body, "@StackBalanced // claim"));
  }

  @Test
  void oneJobAndTwoJobsReportTheSameDiagnostics() {
    List<String> one = diagnostics(compile("-Artproof.jobs=1", "-Artproof.cache=off"));
    List<String> two = diagnostics(compile("-Artproof.jobs=2", "-Artproof.cache=off"));
    assertThat(two).containsExactlyElementsIn(one).inOrder();
    assertThat(String.join("\n", one)).contains("ERROR " + Sources.line(MISALIGNED, "// call settls")
        + " [rtproof/stack-alignment] VIOLATED");
  }

  private static List<String> diagnostics(Compilation c) {
    return c.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || d.getMessage(null).startsWith("rtproof: "))
        .map(d -> d.getKind() + " " + d.getLineNumber() + " " + d.getMessage(null))
        .collect(Collectors.toList());
  }

  /**
   * A routine that is not NOSPLIT, has a frame and calls gets the target's stack check for its frame size
   * (small ≤ 128, big ≤ 4096, huge above), and its implied stackguard property is PROVED.
   */
  @ParameterizedTest
  @CsvSource({"GO1_16, 16", "GO1_16, 1024", "GO1_16, 8192", "GO1_19, 16", "GO1_19, 1024", "GO1_19, 8192",
      "GO1_25, 16", "GO1_25, 1024", "GO1_25, 8192"})
  void theInsertedStackCheckIsProved(String target, int frame) {
    String body = """
        @Routines(target = Target.%s)
        final class Split {
          @Routine(symbol = "·split", frame = %d)
          static void split() {
            MOVQ($(1), mem(0, SP));
            CALL(sym("runtime·f"));
            RET();
          }
        }
        """.formatted(target, frame);
    JavaFileObject source = Sources.source("Split", body);
    Compilation c = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.cache=off").compile(source);
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("1 properties of 1 routines: {PROVED=1}");
  }
}
