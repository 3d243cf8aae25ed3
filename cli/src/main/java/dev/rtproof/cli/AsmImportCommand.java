package dev.rtproof.cli;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmException;
import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmParser;
import dev.rtproof.dsl.asm.JavaImporter;
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

/** {@code rtproof asm import}: a {@code .s} file as Java DSL source on standard output. */
@Command(name = "import", description = "Read a Go assembly file and print its routines as Java DSL source.")
final class AsmImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.s", description = "the Go assembly file")
  Path file;

  @Option(names = {"-I", "--include"}, paramLabel = "DIR",
      description = "directory searched first for textflag.h, go_asm.h, go_tls.h, funcdata.h, cgo/abi_amd64.h; may repeat")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--target", description = "the Go target: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})",
      defaultValue = "GO1_19")
  Target target;

  @Option(names = "--package", description = "package of the generated class (default ${DEFAULT-VALUE})",
      defaultValue = "imported")
  String packageName;

  @Option(names = "--class", description = "name of the generated class (default: from the file name)")
  String className;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    AsmFile parsed;
    try {
      parsed = AsmParser.parse(file, new AsmParser.Options(target, includes));
    } catch (AsmException e) {
      AsmErrors.report(e, includes, err);
      return 2;
    }
    JavaImporter.Options options = new JavaImporter.Options(packageName,
        className != null ? className : JavaImporter.Options.forFile(file.toString()).className());
    JavaImporter.Result result = JavaImporter.importFile(parsed, target, options);
    spec.commandLine().getOut().print(result.source());
    spec.commandLine().getOut().flush();
    for (String s : result.skipped()) {
      err.println("not imported: " + s);
    }
    AsmSummary.print(parsed, err);
    return 0;
  }
}
