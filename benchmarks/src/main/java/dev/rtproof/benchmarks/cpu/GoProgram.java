package dev.rtproof.benchmarks.cpu;

import dev.rtproof.benchmarks.Workload;
import dev.rtproof.dsl.asm.AsmPrinter;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.RoutineProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The workloads as a Go 1.19 program: the routines exactly as rtproof prints them ({@link AsmPrinter}),
 * one small wrapper per workload that puts the round count in CX and the buffer in DI, calls the routine
 * and returns its AX, and a {@code main} that serves runs and its own machine code over stdin/stdout
 * ({@link NativeProcess}). Built with {@code go build} in a local module: no network, Go's caches in the
 * build directory.
 */
public final class GoProgram {
  private static final String GO = "go";
  private final Path executable;

  private GoProgram(Path executable) {
    this.executable = executable;
  }

  /** Writes and builds the program for {@code workloads} in {@code dir}; fails with Go's output. */
  public static GoProgram build(Path dir, List<Workload> workloads) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("go.mod"), "module rtproofbench\n\ngo 1.19\n");
    Files.writeString(dir.resolve("main.go"), mainGo(workloads));
    Files.writeString(dir.resolve("workloads_amd64.s"), assembly(workloads));
    Path exe = dir.resolve("rtproofbench");
    Path log = dir.resolve("build.log");
    ProcessBuilder pb = new ProcessBuilder(GO, "build", "-o", exe.toString(), ".").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
    pb.environment().put("GOPATH", dir.resolve("gopath").toString());
    pb.environment().put("GOFLAGS", "-mod=mod");
    pb.environment().put("GOPROXY", "off");
    pb.environment().put("GO111MODULE", "on");
    pb.environment().put("CGO_ENABLED", "0");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run '" + GO + "': is Go 1.19 installed (Debian: apt-get install golang-go)?", e);
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("go build did not finish in 5 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException("go build failed in " + dir + ":\n" + Files.readString(log));
    }
    return new GoProgram(exe);
  }

  public Path executable() {
    return executable;
  }

  /** Starts the program; close the process when done. */
  public NativeProcess start() throws IOException {
    return new NativeProcess(new ProcessBuilder(executable.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start());
  }

  /** The routines of every workload (each once, in order), printed by rtproof, then the wrappers. */
  static String assembly(List<Workload> workloads) {
    List<Routine> routines = new ArrayList<>();
    for (Workload w : workloads) {
      for (RoutineProgram p : w.generated()) {
        if (routines.stream().noneMatch(r -> r.symbol().equals(p.routine().symbol()))) {
          routines.add(p.routine());
        }
      }
    }
    StringBuilder sb = new StringBuilder(AsmPrinter.print(routines, List.of(), AsmPrinter.Options.plain()));
    for (Workload w : workloads) {
      sb.append("""

          // func run_%1$s(n uint64, buf *uint64) uint64
          TEXT ·run_%1$s(SB), NOSPLIT, $0-24
          \tMOVQ n+0(FP), CX
          \tMOVQ buf+8(FP), DI
          \tCALL %2$s(SB)
          \tMOVQ AX, ret+16(FP)
          \tRET
          """.formatted(w.goName(), w.symbol()));
    }
    return sb.toString();
  }

  /**
   * {@code main}: reads commands, one per line. {@code run NAME N} zeroes the buffer, runs workload NAME
   * for N rounds and prints AX and the nanoseconds the call took; {@code code FILE} writes the {@code .text}
   * section to FILE and prints its address and each routine's address and size (from the ELF symbol table).
   */
  static String mainGo(List<Workload> workloads) {
    StringBuilder decls = new StringBuilder();
    StringBuilder table = new StringBuilder();
    List<String> symbols = new ArrayList<>();
    for (Workload w : workloads) {
      decls.append("func run_").append(w.goName()).append("(n uint64, buf *uint64) uint64\n");
      table.append("\t\"").append(w.goName()).append("\": run_").append(w.goName()).append(",\n");
      for (RoutineProgram p : w.generated()) {
        String name = p.routine().symbol().substring(1);
        if (!symbols.contains(name)) {
          symbols.add(name);
          // A Go declaration gives the assembled routine its (empty) argument map, which the linker wants.
          decls.append("func ").append(name).append("()\n");
        }
      }
    }
    StringBuilder symbolList = new StringBuilder();
    for (String s : symbols) {
      symbolList.append('"').append(s).append("\", ");
    }
    return """
        // Code generated by rtproof's benchmarks; DO NOT EDIT.
        package main

        import (
        \t"bufio"
        \t"debug/elf"
        \t"fmt"
        \t"os"
        \t"strconv"
        \t"strings"
        \t"time"
        )

        // The buffer ·sweep works on, zeroed before every run as in a fresh emulator machine.
        var buffer [%d]uint64

        %s
        var workloads = map[string]func(uint64, *uint64) uint64{
        %s}

        var routines = []string{%s}

        func main() {
        \tin := bufio.NewScanner(os.Stdin)
        \tout := bufio.NewWriter(os.Stdout)
        \tfor in.Scan() {
        \t\tf := strings.Fields(in.Text())
        \t\tswitch {
        \t\tcase len(f) == 3 && f[0] == "run":
        \t\t\trun, ok := workloads[f[1]]
        \t\t\tn, err := strconv.ParseUint(f[2], 10, 64)
        \t\t\tif !ok || err != nil {
        \t\t\t\tfmt.Fprintln(out, "error: bad run command:", in.Text())
        \t\t\t\tbreak
        \t\t\t}
        \t\t\tbuffer = [len(buffer)]uint64{}
        \t\t\tstart := time.Now()
        \t\t\tax := run(n, &buffer[0])
        \t\t\tfmt.Fprintln(out, ax, time.Since(start).Nanoseconds())
        \t\tcase len(f) == 2 && f[0] == "code":
        \t\t\tcode(out, f[1])
        \t\tdefault:
        \t\t\tfmt.Fprintln(out, "error: unknown command:", in.Text())
        \t\t}
        \t\tout.Flush()
        \t}
        }

        func code(out *bufio.Writer, file string) {
        \texe, err := os.Executable()
        \tif err == nil {
        \t\tvar f *elf.File
        \t\tif f, err = elf.Open(exe); err == nil {
        \t\t\tdefer f.Close()
        \t\t\terr = writeCode(out, f, file)
        \t\t}
        \t}
        \tif err != nil {
        \t\tfmt.Fprintln(out, "error:", err)
        \t}
        }

        func writeCode(out *bufio.Writer, f *elf.File, file string) error {
        \ttext := f.Section(".text")
        \tbytes, err := text.Data()
        \tif err != nil {
        \t\treturn err
        \t}
        \tif err := os.WriteFile(file, bytes, 0o644); err != nil {
        \t\treturn err
        \t}
        \tsyms, err := f.Symbols()
        \tif err != nil {
        \t\treturn err
        \t}
        \tfmt.Fprintf(out, "text %%d", text.Addr)
        \tfor _, r := range routines {
        \t\tfor _, s := range syms {
        \t\t\tif s.Name == "main."+r || s.Name == "main."+r+".abi0" {
        \t\t\t\tfmt.Fprintf(out, " %%s=%%d+%%d", r, s.Value, s.Size)
        \t\t\t}
        \t\t}
        \t}
        \tfmt.Fprintln(out)
        \treturn nil
        }
        """.formatted(Workload.BUFFER_SIZE / 8, decls, table, symbolList);
  }
}
