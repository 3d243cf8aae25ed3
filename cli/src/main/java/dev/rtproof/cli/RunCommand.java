package dev.rtproof.cli;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.Memory;
import dev.rtproof.emulator.Region;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.verifier.RoutineCatalog;
import dev.rtproof.emulator.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtproof run}: runs a routine found on the classpath in the emulator, from a machine set up on the
 * command line, and prints the final registers, flags and the memory the run wrote; a trap is printed and
 * makes the exit code 1.
 */
@Command(name = "run", description = "Run a routine on the classpath in the emulator and print the final state.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the routine returned (or exited)", "1:the run trapped", "2:bad usage or input"})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ROUTINE", description = "the routine's symbol, e.g. runtime·settls (runtime.settls works too)")
  String routine;

  @Option(names = "--set", paramLabel = "REG=VALUE", description = "a register (or FS, GS) at entry; VALUE is a number or SYM[+OFF]; may repeat")
  List<String> sets = new ArrayList<>();

  @Option(names = "--mem", paramLabel = "SYM+OFF=VALUE", description = "memory at entry: SYM[+OFF][/WIDTH]=VALUE, 8 bytes unless /1, /2 or /4; may repeat")
  List<String> mems = new ArrayList<>();

  @Option(names = "--trace", description = "print every executed instruction with what it changed")
  boolean trace;

  @Option(names = "--interpret", description = "run the interpreter over the IR instead of the generated programs")
  boolean interpret;

  @Option(names = "--steps", description = "the step limit of a bare run (default 100000000 instructions)")
  Long steps;

  @Option(names = "--bare", description = "run the routine alone even where a scenario runs it as a process would"
      + " (runtime·rt0_go: the bootstrap from _rt0_amd64_linux)")
  boolean bare;

  @Option(names = "--html", paramLabel = "FILE", description = "where a scenario writes its page (default"
      + " target/rtproof/NAME.html)")
  Path html;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    String symbol = routine.replace('.', '·');
    RoutineCatalog catalog = new RoutineCatalog(getClass().getClassLoader());
    RoutineProgram entry = catalog.programs().stream().filter(p -> p.routine().symbol().equals(symbol)).findFirst()
        .orElseThrow(() -> new CommandLine.ParameterException(cl, "no routine " + routine + " on the classpath ("
            + catalog.programs().size() + " routines; `rtproof verify` lists them)"));
    List<RoutineProgram> programs = new ArrayList<>();
    for (RoutineProgram p : catalog.programs()) {
      if (p.routine().target().equals(entry.routine().target())) {
        programs.add(interpret ? new Interpreter(p.routine()) : p);
      }
    }
    Emulator emulator = new Emulator(programs, catalog.data()).tracing(trace);
    Scenario scenario = bare ? null : scenarioFor(symbol);
    if (scenario != null) {
      if (!sets.isEmpty() || !mems.isEmpty() || steps != null) {
        throw new CommandLine.ParameterException(cl, "--set, --mem and --steps set up a bare run, but " + symbol
            + " runs the " + scenario.name() + " scenario; add --bare to run the routine alone");
      }
      return runScenario(scenario, emulator, out);
    }
    Machine m = emulator.newMachine();
    MachineArgs args = new MachineArgs(emulator.layout(), cl);
    sets.forEach(s -> args.set(m, s));
    mems.forEach(s -> args.store(m, s));
    m.stepLimit(steps == null ? 100_000_000L : steps);
    long entrySp = m.sp() - 8;
    // Traced, the stores come from the trace; else from a listener, which also sees the run push its return address.
    Stores stores = new Stores(!trace);
    if (!trace) {
      m.memory.listener(stores);
    }
    RunResult r = emulator.run(m, symbol);
    if (trace) {
      out.print(r.trace());
      r.trace().steps().forEach(s -> s.changes().forEach(c -> {
        if (c instanceof dev.rtproof.emulator.TraceStep.Store st) {
          stores.stored(st.address(), st.bytes(), st.before(), st.after());
        }
      }));
    }
    String how = r.trapped() ? "trapped" : r.exitStatus() != null ? "exited with status " + r.exitStatus() : "returned";
    out.println(symbol + " " + how + " after " + r.steps() + " instruction" + (r.steps() == 1 ? "" : "s"));
    if (r.trapped()) {
      out.println(r.trap());
    }
    printState(out, m, stores, entrySp);
    out.flush();
    return r.trapped() ? 1 : 0;
  }

  private Scenario scenarioFor(String symbol) {
    for (Scenario s : ServiceLoader.load(Scenario.class, getClass().getClassLoader())) {
      if (s.routine().equals(symbol)) {
        return s;
      }
    }
    return null;
  }

  /** Runs {@code scenario}, prints its outcome and writes its page; a trap makes the exit code 1. */
  private int runScenario(Scenario scenario, Emulator emulator, PrintWriter out) {
    Scenario.Outcome o = scenario.run(emulator);
    if (trace) {
      out.print(o.result().trace());
    }
    out.print(o.text());
    Path page = html != null ? html : Path.of("target", "rtproof", scenario.name() + ".html");
    try {
      if (page.toAbsolutePath().getParent() != null) {
        Files.createDirectories(page.toAbsolutePath().getParent());
      }
      Files.writeString(page, o.html(), StandardCharsets.UTF_8);
      out.println("page with the memory diagram: " + page);
    } catch (IOException e) {
      spec.commandLine().getErr().println("rtproof: cannot write " + page + ": " + e.getMessage());
      return 2;
    }
    out.flush();
    return o.result().trapped() ? 1 : 0;
  }

  /** The locations a run stored to, by address, with their width; not the return address the run pushes first. */
  private static final class Stores implements Memory.StoreListener {
    final TreeMap<Long, Integer> written = new TreeMap<>();
    private boolean first;

    Stores(boolean skipFirst) {
      this.first = skipFirst;
    }

    @Override
    public void stored(long address, int bytes, long old, long value) {
      if (!first) {
        written.merge(address, bytes, Math::max);
      }
      first = false;
    }
  }

  private static void printState(PrintWriter out, Machine m, Stores stores, long entrySp) {
    for (int i = 0; i < 16; i++) {
      out.printf("%-4s0x%016x%s", Reg.gpr(i), m.r[i], i % 4 == 3 ? "\n" : "   ");
    }
    out.printf("flags %s   FS.base 0x%x   GS.base 0x%x%n", Flags.format(m.rflags, m.undefinedFlags), m.fsBase, m.gsBase);
    if (stores.written.isEmpty()) {
      out.println("memory: nothing written");
      return;
    }
    out.println("memory written (final values):");
    stores.written.forEach((address, bytes) -> {
      Region region = m.memory.find(address, bytes);
      String where = region == null ? "" : region.name().equals(dev.rtproof.emulator.Layout.STACK)
          ? "entry SP" + signed(address - entrySp) : region.name() + signed(address - region.start());
      out.printf("  %-28s 0x%x/%d = 0x%x%n", where, address, bytes, m.load(address, bytes));
    });
  }

  private static String signed(long d) {
    return d == 0 ? "" : d > 0 ? "+" + d : "-" + (-d);
  }
}
