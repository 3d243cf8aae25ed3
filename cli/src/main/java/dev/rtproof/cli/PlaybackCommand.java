package dev.rtproof.cli;

import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.report.JsonReportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtproof playback}: each counterexample of a report.json as the source of a JUnit 5 test that replays it
 * in the emulator and asserts the violation, so a bug found by a proof becomes a regression test.
 */
@Command(name = "playback", description = "Write the counterexamples of a report.json as JUnit 5 tests that replay"
    + " them in the emulator (the generated programs on the test classpath) and assert the violation.")
final class PlaybackCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "REPORT.json",
      description = "the report to read (default target/rtproof/report.json)")
  Path report = Path.of("target", "rtproof", "report.json");

  @Option(names = "--routine", paramLabel = "SYM", description = "only counterexamples of these routines, may repeat")
  List<String> routines = List.of();

  @Option(names = "--property", paramLabel = "NAME",
      description = "only these properties (a name such as no-fault, or the whole label), may repeat")
  List<String> properties = List.of();

  @Option(names = "--package", paramLabel = "PKG", description = "the tests' package (default rtproof.playback)")
  String pkg = "rtproof.playback";

  @Option(names = "--out", paramLabel = "DIR",
      description = "write the tests under DIR (a source root: DIR/<package path>/<Test>.java) instead of printing them")
  Path out;

  @Option(names = "--target", paramLabel = "TARGET",
      description = "the target whose programs replay (default: the routine's, from the classpath)")
  String target;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (!Files.isRegularFile(report)) {
      throw new ParameterException(spec.commandLine(), report + ": no such report (a build with the processor or"
          + " 'rtproof verify' writes target/rtproof/report.json)");
    }
    List<Verdict> found = JsonReportReader.read(report).stream().filter(this::selected).toList();
    if (found.isEmpty()) {
      if (!routines.isEmpty() || !properties.isEmpty()) {
        throw new ParameterException(spec.commandLine(), report + ": no counterexample of "
            + (routines.isEmpty() ? "any routine" : String.join(", ", routines))
            + (properties.isEmpty() ? "" : " for " + String.join(", ", properties)));
      }
      spec.commandLine().getErr().println("rtproof: " + report + " has no counterexample to play back");
      return 0;
    }
    Map<String, String> targets = classpathTargets();
    UnaryOperator<String> targetOf = routine -> {
      String t = target != null ? target : targets.get(routine);
      if (t == null) {
        throw new ParameterException(spec.commandLine(), routine
            + " is not on the classpath, so its target is unknown: give --target (e.g. GO1_19)");
      }
      return t;
    };
    for (PlaybackTests.Source t : PlaybackTests.of(found, pkg, targetOf)) {
      if (out == null) {
        stdout.print(t.text());
      } else {
        Path file = t.writeUnder(out, pkg);
        stdout.println("wrote " + file + " (" + t.verdict().routine() + " " + t.verdict().label() + ")");
      }
    }
    return 0;
  }

  /** A replayable counterexample the filters let through. */
  private boolean selected(Verdict v) {
    return PlaybackTests.replayable(v)
        && (routines.isEmpty() || routines.contains(v.routine()))
        && (properties.isEmpty() || properties.contains(v.property()) || properties.contains(v.label()));
  }

  /** Each routine on the classpath → its target (none needed when --target names it). */
  private Map<String, String> classpathTargets() {
    Map<String, String> targets = new HashMap<>();
    if (target == null) {
      for (RoutineProgram p : new RoutineCatalog(Thread.currentThread().getContextClassLoader()).programs()) {
        targets.putIfAbsent(p.routine().symbol(), p.routine().target());
      }
    }
    return targets;
  }
}
