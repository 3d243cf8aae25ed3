package dev.rtproof.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rtproof.verifier.FailOn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** {@code -Artproof.…} options: their defaults, their forms, and an error naming the option for a bad value. */
class ProcessorOptionsTest {
  private final List<String> errors = new ArrayList<>();

  private ProcessorOptions parse(Map<String, String> options) {
    return ProcessorOptions.parse(options, new Diagnostics(null, new Recorder()));
  }

  @Test
  void defaultsAreTenSecondsFailOnViolatedOneJobPerCoreAndTheCacheOn() {
    ProcessorOptions o = parse(Map.of());
    assertEquals(Duration.ofSeconds(10), o.timeout());
    assertEquals(Duration.ofSeconds(10), o.verifyOptions().timeout());
    assertEquals(FailOn.VIOLATED, o.failOn());
    assertEquals(Runtime.getRuntime().availableProcessors(), o.jobs());
    assertNull(o.reportDir());
    assertEquals(false, o.noCache());
    assertEquals(List.of(), errors);
  }

  @Test
  void givenValuesAreUsed() {
    ProcessorOptions o = parse(Map.of("rtproof.timeout", "250ms", "rtproof.failOn", "Unknown", "rtproof.jobs", "3",
        "rtproof.reportDir", "out/r", "rtproof.cache", "off"));
    assertEquals(Duration.ofMillis(250), o.verifyOptions().timeout());
    assertEquals(FailOn.UNKNOWN, o.failOn());
    assertEquals(3, o.jobs());
    assertEquals(Path.of("out/r"), o.reportDir());
    assertEquals(true, o.noCache());
    assertEquals(Duration.ofMinutes(2), parse(Map.of("rtproof.timeout", "2m")).timeout());
    assertEquals(FailOn.NEVER, parse(Map.of("rtproof.failOn", "never")).failOn());
    assertEquals(List.of(), errors);
  }

  @Test
  void aBadValueIsAnErrorNamingTheOptionAndTheDefaultStays() {
    ProcessorOptions o = parse(Map.of("rtproof.timeout", "soon"));
    assertEquals(Duration.ofSeconds(10), o.timeout());
    assertEquals(List.of("ERROR [rtproof/bad-option] -Artproof.timeout=soon: 'soon' is not a duration (like 500ms, 10s,"
        + " 2m)"), errors);
    errors.clear();
    assertEquals(1, parse(Map.of("rtproof.jobs", "0")).jobs());
    assertEquals(List.of("ERROR [rtproof/bad-option] -Artproof.jobs=0: expected a positive number of threads"), errors);
  }

  /** Keeps what the options report. */
  private final class Recorder implements Messager {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      errors.add(kind + " " + msg);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      printMessage(kind, msg);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      printMessage(kind, msg);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
      printMessage(kind, msg);
    }
  }
}
