package dev.rtproof.benchmarks;

import dev.rtproof.benchmarks.cpu.CodeImage;
import dev.rtproof.benchmarks.cpu.GoProgram;
import dev.rtproof.benchmarks.cpu.NativeProcess;
import dev.rtproof.benchmarks.unicorn.UnicornMachine;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Something that runs a workload: rtproof's two executors, Unicorn 2, or the real CPU. */
public interface Executor extends AutoCloseable {
  /** Runs {@code rounds} rounds of the workload and returns the routine's AX. */
  long run(long rounds);

  @Override
  default void close() {}

  /** The executors by name, as the benchmark's parameter and the report say them. */
  List<String> NAMES = List.of("generated", "interpreter", "unicorn", "native");

  /** Executor {@code name} (one of {@link #NAMES}) for {@code w}. */
  static Executor of(String name, Workload w) throws IOException, InterruptedException {
    return switch (name) {
      case "generated", "interpreter" -> {
        Emulator e = w.emulator(name.equals("interpreter"));
        yield rounds -> w.run(e, rounds).machine().get(Reg.AX);
      }
      case "unicorn" -> unicorn(w);
      case "native" -> cpu(w);
      default -> throw new IllegalArgumentException("no executor " + name + "; expected one of " + NAMES);
    };
  }

  private static Executor unicorn(Workload w) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("rtproof-bench-unicorn");
    CodeImage code;
    try (NativeProcess p = GoProgram.build(dir, List.of(w)).start()) {
      code = p.code(dir.resolve("text.bin"));
    }
    UnicornMachine uc = new UnicornMachine(code);
    return new Executor() {
      @Override
      public long run(long rounds) {
        uc.run(w, rounds, 0);
        return uc.get(Reg.AX);
      }

      @Override
      public void close() {
        uc.close();
        delete(dir);
      }
    };
  }

  private static Executor cpu(Workload w) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("rtproof-bench-native");
    NativeProcess p = GoProgram.build(dir, List.of(w)).start();
    return new Executor() {
      @Override
      public long run(long rounds) {
        return p.run(w, rounds).ax();
      }

      @Override
      public void close() {
        try {
          p.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        delete(dir);
      }
    };
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
