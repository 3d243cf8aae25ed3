package dev.rtproof.examples.bootstrap;

import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import java.util.List;

/**
 * The Go 1.19 bootstrap of a linux/amd64 binary, run: the kernel's initial stack, {@code _rt0_amd64_linux}
 * → {@code _rt0_amd64} → {@code runtime·rt0_go} (settls, the TLS self-test, the g0/m0 binding) into the
 * Java models of check, args, osinit, schedinit, newproc and mstart0.
 */
public final class Bootstrap {
  /** The routine `rtproof run` starts this scenario for. */
  public static final String ROUTINE = "runtime·rt0_go";
  /** Where the kernel starts the process. */
  public static final String ENTRY = "_rt0_amd64_linux";

  /** How the process is started. */
  public record Options(List<String> argv, List<String> envp, int cpus) {
    public static Options defaults() {
      return new Options(List.of("./hello"), List.of("HOME=/home/gopher", "PATH=/usr/bin:/bin"), 4);
    }
  }

  /** What happened and what the runtime's state is afterwards. */
  public record Outcome(RunResult result, BootstrapState state, long entrySp) {}

  private Bootstrap() {}

  /** Runs the bootstrap on an emulator holding the programs and data of rt0_go and its callees. */
  public static Outcome run(Emulator e, Options options) {
    RuntimeModels.bind(e, options.cpus());
    Machine m = e.newMachine();
    long sp = KernelStack.build(m, options.argv(), options.envp());
    RunResult r = e.enter(m, ENTRY);
    return new Outcome(r, BootstrapState.read(e, m), sp);
  }
}
