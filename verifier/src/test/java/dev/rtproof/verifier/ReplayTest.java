package dev.rtproof.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.replay.Playback;
import dev.rtproof.verifier.replay.ReplayResult;
import dev.rtproof.verifier.replay.Replayer;
import dev.rtproof.verifier.replay.Violation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counterexamples replay in the emulator; a replay that disagrees is an ERROR; playback tests run. */
class ReplayTest {
  @TempDir
  Path dir;

  @Test
  void aReplayThatMissesTheViolationIsAnError() {
    Routine mutant = Fixtures.settls(false).property(PropertySpec.ENSURES, "FS == entry(DI) + 8").build();
    Routine fixed = Fixtures.settls(true).build();
    Verifier.Setup wrongProgram = new Verifier.Setup() {
      @Override
      public ReplayResult replay(Program program, Routine routine, Counterexample cex) {
        return Replayer.interpreting(List.of(fixed), List.of()).replay(routine.symbol(), cex.initial(), cex.violation());
      }
    };
    Verdict v = new Verifier(VerifyOptions.defaults()).verify(new Program(List.of(mutant)), mutant,
        mutant.properties().get(0), wrongProgram);
    assertEquals(Status.ERROR, v.status(), v.toString());
    assertTrue(v.message().startsWith("replay mismatch"), v.message());
    assertTrue(v.status().fails());
  }

  @Test
  void playbackPrintsAJUnitTestThatReplaysTheViolation() throws Exception {
    Routine r = Fixtures.settls(true).requires("DI + 8 < 0x800000000000").property(PropertySpec.NO_FAULT).build();
    Verdict v = Verify.first(r);
    Counterexample c = Verify.violated(v, Violation.Kind.FAULT);
    String source = Playback.junit("rtproof.playback", "SettlsNoFaultPlaybackTest", "GO1_19", r.symbol(),
        v.label(), c.what(), c.initial(), c.violation());
    assertTrue(source.contains("@Test"), source);
    Class<?> test = compile("rtproof.playback.SettlsNoFaultPlaybackTest", source);
    var method = test.getDeclaredMethod("replaysTheViolation");
    method.setAccessible(true);
    var ctor = test.getDeclaredConstructor();
    ctor.setAccessible(true);
    method.invoke(ctor.newInstance()); // throws if the assertion in the generated test fails
  }

  private Class<?> compile(String name, String source) throws IOException, ClassNotFoundException {
    Path src = dir.resolve(name.replace('.', '/') + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString());
    assertEquals(0, rc, "the playback source compiles:\n" + source);
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass(name);
  }
}
