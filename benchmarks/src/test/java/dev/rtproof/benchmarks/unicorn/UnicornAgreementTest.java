package dev.rtproof.benchmarks.unicorn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rtproof.benchmarks.Workload;
import dev.rtproof.benchmarks.cpu.CodeImage;
import dev.rtproof.benchmarks.cpu.GoProgram;
import dev.rtproof.benchmarks.cpu.NativeProcess;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Layout;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The throughput comparison compares the same work: for each workload, Unicorn running the bytes Go's
 * toolchain assembled ends with the registers, defined flags and buffer of the emulator's generated
 * program, after exactly as many instructions; and the real CPU computes the same AX.
 */
class UnicornAgreementTest {
  private static final long ROUNDS = 1000;

  @TempDir
  static Path dir;
  private static NativeProcess cpu;
  private static CodeImage code;

  @BeforeAll
  static void build() throws Exception {
    cpu = GoProgram.build(dir.resolve("go"), List.of(Workload.values())).start();
    code = cpu.code(dir.resolve("text.bin"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    cpu.close();
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void unicornEndsInTheEmulatorsStateAfterAsManyInstructions(Workload w) {
    RunResult emulated = w.run(w.emulator(false), ROUNDS);
    Machine m = emulated.machine();
    assertEquals(w.instructions(ROUNDS), emulated.steps());
    try (UnicornMachine uc = new UnicornMachine(code)) {
      uc.run(w, ROUNDS, 0);
      assertEquals(Layout.HALT, uc.rip());
      for (int i = 0; i < 16; i++) {
        assertEquals(m.get(Reg.gpr(i)), uc.get(Reg.gpr(i)), Reg.gpr(i) + " of " + w);
      }
      long defined = Flags.STATUS & ~m.undefinedFlags;
      assertEquals(m.rflags & defined, uc.rflags() & defined, "flags of " + w);
      byte[] buffer = new byte[Workload.BUFFER_SIZE];
      for (int i = 0; i < buffer.length; i++) {
        buffer[i] = (byte) m.memory.read(Workload.BUFFER + i, 1);
      }
      assertArrayEquals(buffer, uc.read(Workload.BUFFER, Workload.BUFFER_SIZE), "buffer of " + w);
    }
    // A fresh engine: Unicorn 2.0 counts instructions only in code translated while a count was set.
    try (UnicornMachine uc = new UnicornMachine(code)) {
      uc.run(w, ROUNDS, emulated.steps() - 1);
      assertNotEquals(Layout.HALT, uc.rip(), "one instruction short, " + w + " has not returned yet");
      uc.run(w, ROUNDS, emulated.steps());
      assertEquals(Layout.HALT, uc.rip(), w + " returns with its last instruction");
    }
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void theRealCpuComputesTheSameResult(Workload w) {
    RunResult emulated = w.run(w.emulator(false), ROUNDS);
    assertEquals(emulated.machine().get(Reg.AX), cpu.run(w, ROUNDS).ax());
  }
}
