package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackCommandTest {
  private static final String TEST = "UnbalancedStackBalancePlaybackTest";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** A report with the fixture {@code ·unbalanced}'s stack-balance counterexample. */
  private Path violationReport(Path dir) {
    assertEquals(1, run("verify", "--report-dir", dir.resolve("r").toString(), "--routine", "·unbalanced",
        "--format", "json"), out + "\n" + err);
    return dir.resolve("r/report.json");
  }

  @Test
  void aCounterexampleBecomesATestThatReplaysIt(@TempDir Path dir) throws Exception {
    Path report = violationReport(dir);
    assertEquals(0, run("playback", report.toString(), "--out", dir.resolve("src").toString()), err.toString());
    Path source = dir.resolve("src/rtproof/playback/" + TEST + ".java");
    assertTrue(out.toString().contains("wrote " + source + " (·unbalanced stack-balance)"), out.toString());

    Path classes = dir.resolve("classes");
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), source.toString());
    assertEquals(0, rc, Files.readString(source));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> test = loader.loadClass("rtproof.playback." + TEST);
      Method replay = test.getDeclaredMethod("replaysTheViolation");
      replay.setAccessible(true);
      Constructor<?> ctor = test.getDeclaredConstructor();
      ctor.setAccessible(true);
      replay.invoke(ctor.newInstance()); // throws when the replay does not reach the violation
    }
  }

  @Test
  void withoutOutTheTestIsPrintedInTheGivenPackage(@TempDir Path dir) {
    Path report = violationReport(dir);
    out.getBuffer().setLength(0);
    assertEquals(0, run("playback", report.toString(), "--package", "com.example.regressions", "--property",
        "stack-balance"), err.toString());
    String source = out.toString();
    assertTrue(source.startsWith("package com.example.regressions;"), source);
    assertTrue(source.contains("@Generated(\"rtproof playback\")\nclass " + TEST + " {"), source);
    assertTrue(source.contains("Replayer.onClasspath(\"GO1_19\").replay(\"\\u00b7unbalanced\""), source);
  }

  @Test
  void verifyWritesThePlaybackTestsOfItsViolations(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    assertEquals(1, run("verify", "--report-dir", dir.resolve("r").toString(), "--routine", "·unbalanced",
        "--routine", "runtime·settls", "--playback", src.toString()), err.toString());
    Path source = src.resolve("rtproof/playback/" + TEST + ".java");
    assertTrue(out.toString().contains("playback: " + source), out.toString());
    try (var files = Files.walk(src)) {
      assertEquals(1, files.filter(Files::isRegularFile).count(), "only the violation is played back");
    }
    assertTrue(Files.readString(source).contains("Violation.Kind.UNBALANCED"), Files.readString(source));
    assertEquals(2, run("verify", "--asm", "x.s", "--playback", src.toString()));
    assertTrue(err.toString().contains("routines from --asm have none"), err.toString());
  }

  @Test
  void badInputIsAMessage(@TempDir Path dir) {
    Path missing = dir.resolve("none.json");
    assertEquals(2, run("playback", missing.toString()));
    assertTrue(err.toString().contains(missing + ": no such report"), err.toString());
    Path report = violationReport(dir);
    assertEquals(2, run("playback", report.toString(), "--routine", "runtime·settls"));
    assertTrue(err.toString().contains("no counterexample of runtime·settls"), err.toString());
    assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
  }

  @Test
  void aRoutineOffTheClasspathNeedsATarget(@TempDir Path dir) throws Exception {
    Path report = violationReport(dir);
    String json = Files.readString(report);
    assertTrue(json.contains("·unbalanced"), json);
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.json"), json.replace("·unbalanced", "·elsewhere"));
    assertEquals(2, run("playback", elsewhere.toString()));
    assertTrue(err.toString().contains("·elsewhere is not on the classpath, so its target is unknown: give --target"),
        err.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("playback", elsewhere.toString(), "--target", "GO1_19"), err.toString());
    assertTrue(out.toString().contains("class ElsewhereStackBalancePlaybackTest"), out.toString());
  }
}
