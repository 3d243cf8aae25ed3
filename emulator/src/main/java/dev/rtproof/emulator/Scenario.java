package dev.rtproof.emulator;

/**
 * A routine run the way a real process runs it: where it is entered from, with what initial memory, and
 * with Java models of the code around it; its outcome told for people, as text and as an HTML page.
 * Modules register scenarios as {@link java.util.ServiceLoader} services; {@code rtproof run ROUTINE}
 * runs the scenario registered for {@code ROUTINE} (and the routine alone with {@code --bare}).
 */
public interface Scenario {
  /** The routine this scenario is the run of, e.g. {@code runtime·rt0_go}. */
  String routine();

  /** A short name, also the name of its page ({@code bootstrap} → {@code bootstrap.html}). */
  String name();

  /** Runs the scenario on {@code emulator}, which holds every program and data symbol of the routine's target. */
  Outcome run(Emulator emulator);

  /** What happened: the run, and the resulting state as text and as a self-contained HTML page. */
  record Outcome(RunResult result, String text, String html) {}
}
