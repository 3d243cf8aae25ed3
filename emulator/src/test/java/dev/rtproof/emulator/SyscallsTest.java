package dev.rtproof.emulator;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each modelled system call, and the unmodelled ones, with the result Linux gives. */
class SyscallsTest {
  private static final DataSymbol BUF = new DataSymbol("·buf", TextFlags.NOPTR, 16,
      List.of(new DataSymbol.Init(0, 8, new Imm(0x6f6c6c6568L), SourcePos.NONE)), SourcePos.NONE); // "hello"

  /** Runs {@code MOVQ $nr, AX; SYSCALL; RET} after {@code setup} sets the arguments. */
  private static RunResult syscall(long nr, java.util.function.Consumer<Machine> setup) {
    Routine r = Routine.builder("·sys", "GO1_19").flags(TextFlags.NOSPLIT).source("S.java", "S#sys")
        .at(1, 1).instr(MOVQ, new Imm(nr), AX).at(2, 1).instr(SYSCALL).at(3, 1).instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r), List.of(BUF));
    Machine m = e.newMachine();
    m.set(BX, e.layout().address("·buf"));
    setup.accept(m);
    return e.run(m, "·sys");
  }

  @Test
  void archPrctlSetsAndGetsFsAndGsAndRefusesFromTaskSizeMax() {
    RunResult setGs = syscall(Linux.SYS_arch_prctl, m -> {
      m.set(DI, Linux.ARCH_SET_GS);
      m.set(SI, 0x1234000L);
    });
    assertEquals(0L, setGs.machine().get(AX));
    assertEquals(0x1234000L, setGs.machine().gsBase);

    RunResult refused = syscall(Linux.SYS_arch_prctl, m -> {
      m.set(DI, Linux.ARCH_SET_GS);
      m.set(SI, Linux.TASK_SIZE_MAX);
    });
    assertEquals(-Linux.EPERM, refused.machine().get(AX));
    assertEquals(0L, refused.machine().gsBase);
    RunResult lastOk = syscall(Linux.SYS_arch_prctl, m -> {
      m.set(DI, Linux.ARCH_SET_FS);
      m.set(SI, Linux.TASK_SIZE_MAX - 1);
    });
    assertEquals(0L, lastOk.machine().get(AX));

    for (int code : new int[] {Linux.ARCH_GET_FS, Linux.ARCH_GET_GS}) {
      RunResult get = syscall(Linux.SYS_arch_prctl, m -> {
        m.fsBase = 0xf5;
        m.gsBase = 0x65;
        m.set(DI, code);
        m.set(SI, m.get(BX) + 8);
      });
      Machine m = get.machine();
      assertEquals(0L, m.get(AX));
      assertEquals(code == Linux.ARCH_GET_FS ? 0xf5L : 0x65L, m.load(m.get(BX) + 8, 8));
    }
    RunResult badPointer = syscall(Linux.SYS_arch_prctl, m -> {
      m.set(DI, Linux.ARCH_GET_FS);
      m.set(SI, 8);
    });
    assertEquals(-14L, badPointer.machine().get(AX), "-EFAULT");
    RunResult badCode = syscall(Linux.SYS_arch_prctl, m -> m.set(DI, 0x1009));
    assertEquals(-22L, badCode.machine().get(AX), "-EINVAL");
  }

  @Test
  void gettidAnswersTheModelsThreadIdAndClobbersCxAndR11() {
    RunResult r = syscall(Linux.SYS_gettid, m -> { });
    assertEquals(LinuxSyscalls.TID, r.machine().get(AX));
    assertEquals(Layout.TEXT_BASE + 2, r.machine().get(CX), "CX = the address after SYSCALL");
    assertEquals(r.machine().rflags, r.machine().get(R11));
  }

  @Test
  void writeCapturesTheBytesPerFileDescriptor() {
    RunResult r = syscall(Linux.SYS_write, m -> {
      m.set(DI, 2);
      m.set(SI, m.get(BX));
      m.set(DX, 5);
    });
    assertEquals(5L, r.machine().get(AX));
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), r.machine().output(2));
    assertEquals(0, r.machine().output(1).length);
    RunResult partial = syscall(Linux.SYS_write, m -> {
      m.set(DI, 1);
      m.set(SI, m.get(BX) + 14);
      m.set(DX, 5);
    });
    assertEquals(2L, partial.machine().get(AX), "stops at the end of the mapping");
    RunResult unmapped = syscall(Linux.SYS_write, m -> {
      m.set(DI, 1);
      m.set(SI, 16);
      m.set(DX, 5);
    });
    assertEquals(-14L, unmapped.machine().get(AX), "-EFAULT");
  }

  @Test
  void exitAndExitGroupEndTheRunWithTheLowByteOfTheirStatus() {
    for (long nr : new long[] {Linux.SYS_exit, Linux.SYS_exit_group}) {
      RunResult r = syscall(nr, m -> m.set(DI, 0x103));
      assertNull(r.trap());
      assertEquals(3L, r.exitStatus());
      assertEquals(2L, r.steps(), "the RET never runs");
    }
  }

  @Test
  void anUnmodelledSyscallIsATrapNamingItsNumber() {
    RunResult r = syscall(Linux.SYS_clone, m -> { });
    assertEquals(Trap.Kind.UNKNOWN_SYSCALL, r.trap().kind());
    assertEquals(56L, r.trap().address());
    assertTrue(r.trap().message().startsWith("syscall 56 is not modelled"), r.trap().message());
    assertEquals(2, r.trap().pos().line());
    assertEquals("SYSCALL", r.trap().instruction());
  }

  @Test
  void cpuidAndXgetbvAnswerFromTheModel() {
    Routine r = Routine.builder("·id", "GO1_19").flags(TextFlags.NOSPLIT).source("S.java", "S#id")
        .instr(MOVL, new Imm(0), AX).instr(CPUID).instr(MOVQ, BX, R8).instr(MOVQ, DX, R9).instr(MOVQ, CX, R10)
        .instr(XORL, CX, CX).instr(XGETBV).instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r)).cpuid(CpuidModel.genuineIntel().xcr0(0x2e7));
    Machine m = e.newMachine();
    assertTrue(e.run(m, "·id").returned());
    byte[] vendor = new byte[12];
    long[] words = {m.get(R8), m.get(R9), m.get(R10)};
    for (int i = 0; i < 12; i++) {
      vendor[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
    }
    assertEquals("GenuineIntel", new String(vendor, StandardCharsets.US_ASCII));
    assertEquals(0x2e7L, m.get(AX));
    assertEquals(0L, m.get(DX));
  }

  @Test
  void xgetbvOfAnotherRegisterIsATrap() {
    Routine r = Routine.builder("·x", "GO1_19").flags(TextFlags.NOSPLIT).source("S.java", "S#x")
        .instr(MOVL, new Imm(1), CX).at(9, 3).instr(XGETBV).instr(RET).build();
    RunResult res = Emulator.interpreting(List.of(r)).run(Emulator.interpreting(List.of(r)).newMachine(), "·x");
    assertEquals(Trap.Kind.UNSUPPORTED, res.trap().kind());
    assertEquals(9, res.trap().pos().line());
  }

  @Test
  void dataImagesHoldTheirInitialisersIncludingSymbolAddresses() {
    // Seed 003: GLOBL ·Id(SB),NOPTR,$8 and DATA ·Id+0(SB)/1,$0x37 … DATA ·Id+7(SB)/1,$0x00 reads 9527.
    List<DataSymbol.Init> bytes = new java.util.ArrayList<>();
    long[] values = {0x37, 0x25, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 8; i++) {
      bytes.add(new DataSymbol.Init(i, 1, new Imm(values[i]), SourcePos.NONE));
    }
    DataSymbol id = new DataSymbol("·Id", TextFlags.NOPTR, 8, bytes, SourcePos.NONE);
    DataSymbol name = new DataSymbol("·Name", 0, 16, List.of(
        new DataSymbol.Init(0, 8, new SymAddr("·Id", 2), SourcePos.NONE),
        new DataSymbol.Init(8, 8, new Imm(6), SourcePos.NONE)), SourcePos.NONE);
    Routine r = Routine.builder("·get", "GO1_19").flags(TextFlags.NOSPLIT).source("S.java", "S#get")
        .instr(MOVQ, Mem.symbol("·Id", 0), AX).instr(MOVQ, Mem.symbol("·Name", 0), BX)
        .instr(MOVQ, Mem.symbol("·Name", 8), CX).instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r), List.of(id, name));
    Machine m = e.newMachine();
    assertTrue(e.run(m, "·get").returned());
    assertEquals(9527L, m.get(AX));
    assertEquals(e.layout().address("·Id") + 2, m.get(BX));
    assertEquals(6L, m.get(CX));
  }
}
