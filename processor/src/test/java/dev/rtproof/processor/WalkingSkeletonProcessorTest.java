package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Issue 2's acceptance at javac time: violations as errors on the offending line, UNKNOWN never PROVED. */
class WalkingSkeletonProcessorTest {
  private static Compilation compileSeeds(String... options) {
    return compile(Sources.settls(true), Sources.rt0Head("~15", "@TlsRoundTrip @StackAligned(at = \"runtime·settls\")"),
        options);
  }

  private static Compilation compile(String settls, String rt0, String... options) {
    return javac().withProcessors(new RtproofProcessor()).withOptions((Object[]) options)
        .compile(Sources.source("Tls", settls), Sources.source("Rt0Go", rt0));
  }

  @Test
  void theSeedRoutinesCompileAndProve() {
    Compilation c = compileSeeds();
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("3 properties of 2 routines: {PROVED=3}");
    assertThat(c).generatedSourceFile("dev.t.Tls_settls");
    assertThat(c).generatedSourceFile("dev.t.Rt0Go_rt0_go");
  }

  @Test
  void settlsWithoutAddEightBreaksTheTlsRoundTripOnALineOfRt0Go() {
    String rt0 = Sources.rt0Head("~15", "@TlsRoundTrip");
    Compilation c = compile(Sources.settls(false), rt0);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[rtproof/tls-round-trip] VIOLATED tls-round-trip(runtime·m0) of runtime·rt0_go")
        .inFile(Sources.source("Rt0Go", rt0)).onLine(Sources.line(rt0, "// tls store"));
  }

  @Test
  void maskingWithNotSevenMisalignsTheStackAndShowsTheSp() {
    String rt0 = Sources.rt0Head("~7", "@StackAligned(value = 16, at = \"runtime·settls\")");
    Compilation c = compile(Sources.settls(true), rt0);
    assertThat(c).failed();
    Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
    assertThat(error.getMessage(null)).startsWith("[rtproof/stack-alignment] VIOLATED");
    assertThat(error.getLineNumber()).isEqualTo((long) Sources.line(rt0, "// call settls"));
    // The counterexample names an SP that is 8 mod 16 at the CALL.
    String sp = error.getMessage(null).replaceAll("(?s).*SP = 0x([0-9a-f]+).*", "$1");
    assertThat(Long.parseUnsignedLong(sp, 16) % 16).isEqualTo(8);
  }

  @Test
  void aOneMillisecondBudgetGivesUnknownNeverProved() {
    Compilation c = compileSeeds("-Artproof.timeout=1ms");
    assertThat(c).succeeded();
    List<String> warnings = c.warnings().stream().map(d -> d.getMessage(null)).collect(Collectors.toList());
    assertThat(warnings).hasSize(3);
    for (String w : warnings) {
      assertThat(w).contains("UNKNOWN");
      assertThat(w).contains("timeout");
    }
    assertThat(c).hadNoteContaining("{UNKNOWN=3}");
  }

  @Test
  void unknownVerdictsFailTheBuildWhenAsked() {
    Compilation c = compileSeeds("-Artproof.timeout=1ms", "-Artproof.failOn=unknown");
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void aBadOptionIsAnError() {
    Compilation c = compileSeeds("-Artproof.failOn=sometimes");
    assertThat(c).hadErrorContaining("[rtproof/bad-option] -Artproof.failOn=sometimes");
  }

  @Test
  void generatedProgramsAreDeterministic() throws IOException {
    Compilation a = compileSeeds();
    Compilation b = compileSeeds();
    String first = a.generatedSourceFile("dev.t.Tls_settls").orElseThrow().getCharContent(false).toString();
    String second = b.generatedSourceFile("dev.t.Tls_settls").orElseThrow().getCharContent(false).toString();
    assertThat(first).isEqualTo(second);
    assertThat(first).contains("@Generated(\"dev.rtproof.processor.RtproofProcessor\")");
    assertThat(first).doesNotMatch("(?s).*[^\\x00-\\x7f].*");
  }
}
