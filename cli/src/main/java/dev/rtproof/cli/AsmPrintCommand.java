package dev.rtproof.cli;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.asm.AsmPrinter;
import dev.rtproof.dsl.asm.GoAssembler;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.verifier.RoutineCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtproof asm print}: the routines on the classpath as Go assembly, one file per target, with the
 * globals of the {@code @DataSection}s on the classpath.
 */
@Command(name = "print", description = "Print compiled routines (found on the classpath) as Go assembly.")
final class AsmPrintCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--routine", description = "print only these routines (symbols), may repeat")
  List<String> only = new ArrayList<>();

  @Option(names = "--source-comments", description = "end each instruction with // File.java:line")
  boolean sourceComments;

  @Option(names = "--check", description = "also assemble the output with 'go tool asm' (needs Go) and report the result")
  boolean check;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    RoutineCatalog catalog = new RoutineCatalog(loader);
    // The GLOBL/DATA of @DataSection methods go with the routines of the first target (all, unless --routine).
    List<DataSymbol> data = new ArrayList<>();
    if (only.isEmpty()) {
      ServiceLoader.load(DataSection.class, loader).forEach(d -> data.addAll(d.symbols()));
    }
    int printed = 0;
    for (Program program : catalog.programsByTarget().values()) {
      List<Routine> routines = program.routines().stream().filter(r -> only.isEmpty() || only.contains(r.symbol())).toList();
      if (routines.isEmpty()) {
        continue;
      }
      String text = AsmPrinter.print(routines, printed == 0 ? data : List.of(),
          sourceComments ? AsmPrinter.Options.withSourceComments() : AsmPrinter.Options.plain());
      out.print(text);
      out.flush();
      printed += routines.size();
      if (check && !assembles(text, Target.byName(program.profile().name()), err)) {
        return 1;
      }
    }
    List<String> missing = only.stream().filter(s -> catalog.programs().stream().noneMatch(p -> p.routine().symbol().equals(s)))
        .toList();
    if (!missing.isEmpty() || printed == 0) {
      err.println("rtproof: " + (missing.isEmpty() ? "no routines on the classpath (compile some with the rtproof processor)"
          : "no compiled routine named " + String.join(", ", missing)));
      return 2;
    }
    return 0;
  }

  private static boolean assembles(String text, Target target, PrintWriter err) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("rtproof-asm");
    try {
      GoAssembler.Result r = new GoAssembler().assemble(dir, "routines.s", text, target.profile(), "main");
      err.println(r.ok() ? "go tool asm: ok (" + target + ")" : "go tool asm failed (" + target + "):\n" + r.output());
      return r.ok();
    } finally {
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
