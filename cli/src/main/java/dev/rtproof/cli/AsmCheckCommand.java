package dev.rtproof.cli;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmException;
import dev.rtproof.dsl.asm.AsmParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rtproof asm check}: reads Go assembly files and says what rtproof makes of them. */
@Command(name = "check", description = "Parse Go assembly files; report errors as file:line:col and summarise"
    + " the routines and the mnemonics rtproof keeps but does not model.")
final class AsmCheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.s", description = "Go assembly files")
  List<Path> files;

  @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "directory searched first for the headers; may repeat")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--target", description = "the Go target (default ${DEFAULT-VALUE})", defaultValue = "GO1_19")
  Target target;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    int status = 0;
    for (Path f : files) {
      try {
        AsmSummary.print(AsmParser.parse(f, new AsmParser.Options(target, includes)), out);
      } catch (AsmException e) {
        AsmErrors.report(e, includes, spec.commandLine().getErr());
        status = 2;
      }
    }
    out.flush();
    return status;
  }

}
