package dev.rtproof.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rtproof asm}: Go assembly out of compiled routines, and Go assembly into the DSL. */
@Command(name = "asm", description = "Go assembly: print compiled routines as .s, import .s files as Java DSL source.",
    subcommands = {AsmPrintCommand.class, AsmImportCommand.class, AsmCheckCommand.class})
final class AsmCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage, as bad usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
