package dev.rtproof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.rtproof.verifier.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild with no change makes no solver call: every verdict, violations too, comes from the proof cache. */
class ProofCacheProcessorTest {
  @TempDir
  Path cache;

  private Compilation compile(String rt0, String... more) {
    Object[] options = Stream.concat(Stream.of("-Artproof.cache=" + cache), Stream.of(more)).toArray();
    return javac().withProcessors(new RtproofProcessor()).withOptions(options)
        .compile(Sources.source("Tls", Sources.settls(true)), Sources.source("Rt0Go", rt0));
  }

  @Test
  void anUnchangedRebuildTakesEveryVerdictFromTheCache() {
    String rt0 = Sources.rt0Head("~15", "@TlsRoundTrip @StackAligned(at = \"runtime·settls\")");
    long before = Verifier.solverCalls();
    Compilation cold = compile(rt0);
    assertThat(cold).succeeded();
    assertThat(cold).hadNoteContaining("{PROVED=3} (Z3 ");
    assertThat(cold).hadNoteContaining("; 0 from the proof cache");
    long first = Verifier.solverCalls();
    assertThat(first - before).isGreaterThan(0L);

    Compilation again = compile(rt0);
    assertThat(Verifier.solverCalls() - first).isEqualTo(0L);
    assertThat(again).succeeded();
    assertThat(again).hadNoteContaining("3 properties of 2 routines: {PROVED=3}");
    assertThat(again).hadNoteContaining("3 from the proof cache in " + cache);
  }

  @Test
  void aCachedViolationIsReportedOnTheSameLine() {
    String rt0 = Sources.rt0Head("~7", "@StackAligned(value = 16, at = \"runtime·settls\")");
    JavaFileObject file = Sources.source("Rt0Go", rt0);
    Compilation first = compile(rt0);
    long calls = Verifier.solverCalls();
    Compilation again = compile(rt0);
    assertThat(Verifier.solverCalls() - calls).isEqualTo(0L);
    for (Compilation c : new Compilation[] {first, again}) {
      assertThat(c).failed();
      assertThat(c).hadErrorContaining("[rtproof/stack-alignment] VIOLATED").inFile(file)
          .onLine(Sources.line(rt0, "// call settls"));
    }
    assertThat(again.errors().get(0).getMessage(null)).isEqualTo(first.errors().get(0).getMessage(null));
  }

  @Test
  void aChangedRoutineIsSolvedAgainAndOffTurnsTheCacheOff() throws Exception {
    compile(Sources.rt0Head("~15", "@StackAligned(at = \"runtime·settls\")"));
    long calls = Verifier.solverCalls();
    Compilation changed = compile(Sources.rt0Head("~31", "@StackAligned(at = \"runtime·settls\")"));
    assertThat(changed).hadNoteContaining("0 from the proof cache");
    assertThat(Verifier.solverCalls() - calls).isGreaterThan(0L);

    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.count()).isGreaterThan(0L);
    }
    long before = Verifier.solverCalls();
    Compilation off = javac().withProcessors(new RtproofProcessor()).withOptions("-Artproof.cache=off")
        .compile(Sources.source("Tls", Sources.settls(true)),
            Sources.source("Rt0Go", Sources.rt0Head("~15", "@StackAligned(at = \"runtime·settls\")")));
    assertThat(off).succeeded();
    assertThat(Verifier.solverCalls() - before).isGreaterThan(0L);
    assertThat(off.notes().stream().noneMatch(n -> n.getMessage(null).contains("proof cache"))).isTrue();
  }
}
