package dev.rtproof.cli;

import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.replay.Playback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The JUnit 5 playback tests of a run's replayable counterexamples, for {@code playback} and {@code verify --playback}. */
final class PlaybackTests {
  private PlaybackTests() {}

  /** One test class: its name, what it replays and its source. */
  record Source(String className, Verdict verdict, String text) {
    /** Writes the class under the source root {@code root}; returns the file. */
    Path writeUnder(Path root, String pkg) throws IOException {
      Path file = root.resolve(pkg.replace('.', '/')).resolve(className + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    }
  }

  /** Whether {@code v} has a counterexample the emulator can replay. */
  static boolean replayable(Verdict v) {
    Counterexample c = v.counterexample();
    return c != null && c.initial() != null && c.violation() != null;
  }

  /** A test per replayable verdict, in package {@code pkg}; {@code targetOf} gives a routine's target. */
  static List<Source> of(List<Verdict> verdicts, String pkg, UnaryOperator<String> targetOf) {
    Set<String> names = new HashSet<>();
    List<Source> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      if (replayable(v)) {
        Counterexample c = v.counterexample();
        String name = TestNames.unique(TestNames.of(v.routine(), v.property()), names);
        out.add(new Source(name, v, Playback.junit(pkg, name, targetOf.apply(v.routine()), v.routine(), v.label(),
            c.what(), c.initial(), c.violation())));
      }
    }
    return out;
  }
}
