package dev.rtproof.examples.bootstrap;

import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Scenario;

/** {@code rtproof run runtime·rt0_go}: the bootstrap from the kernel's entry, with the default process. */
public final class BootstrapScenario implements Scenario {
  @Override
  public String routine() {
    return Bootstrap.ROUTINE;
  }

  @Override
  public String name() {
    return "bootstrap";
  }

  @Override
  public Outcome run(Emulator emulator) {
    Bootstrap.Outcome o = Bootstrap.run(emulator, Bootstrap.Options.defaults());
    return new Outcome(o.result(), BootstrapReport.text(o), BootstrapReport.html(o));
  }
}
