package dev.rtproof.emulator;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorTest {
  private static Routine.Builder routine(String symbol) {
    return Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT).source("T.java", "T#r");
  }

  private static RunResult run(Routine r, java.util.function.Consumer<Machine> setup) {
    Emulator e = Emulator.interpreting(List.of(r));
    Machine m = e.newMachine();
    setup.accept(m);
    return e.run(m, r.symbol());
  }

  @Test
  void thirtyTwoBitWritesZeroExtendAndByteWritesMerge() {
    Routine r = routine("·sub").instr(MOVQ, new Imm(-1), AX).instr(MOVL, new Imm(5), AX)
        .instr(MOVQ, new Imm(-1), BX).instr(MOVB, new Imm(0x12), BL).instr(MOVB, new Imm(0x34), BH)
        .instr(RET).build();
    RunResult res = run(r, m -> { });
    assertTrue(res.returned(), String.valueOf(res.trap()));
    assertEquals(5L, res.machine().get(AX));
    assertEquals(0xffffffffffff3412L, res.machine().get(BX));
  }

  @Test
  void cmpSetsTheFlagsOfTheDifferenceInGoOrder() {
    // CMPQ AX, $0xfffffffffffff001 is AX - 0x…f001: AX = 0 borrows (CF) so JLS is taken.
    Routine r = routine("·cmp").instr(CMPQ, AX, new Imm(0xfffffffffffff001L)).instr(JLS, new PcRel(2))
        .instr(MOVQ, new Imm(1), CX).instr(RET).build();
    RunResult ok = run(r, m -> m.set(AX, 0));
    assertEquals(0L, ok.machine().get(CX));
    assertTrue(ok.machine().cf());
    RunResult err = run(r, m -> m.set(AX, -1));
    assertEquals(1L, err.machine().get(CX), "AX = -1 (EPERM) falls through to the crash path");
    // The quirk of reference §3: AX = -4095 is treated as success.
    assertEquals(0L, run(r, m -> m.set(AX, -4095)).machine().get(CX));
  }

  @Test
  void andLeavesAuxiliaryCarryUndefined() {
    Routine r = routine("·and").instr(MOVQ, new Imm(0x1f), AX).instr(ANDQ, new Imm(~15L), AX).instr(RET).build();
    Machine m = run(r, x -> { }).machine();
    assertEquals(0x10L, m.get(AX));
    assertFalse(m.cf());
    assertFalse(m.zf());
    assertEquals(Flags.AF, m.undefinedFlags & Flags.AF);
  }

  @Test
  void anUnmappedStoreIsAFaultResultWithItsSourceLine() {
    Routine r = routine("·crash").at(7, 5).instr(MOVL, new Imm(0xf1), Mem.absolute(0xf1)).at(8, 5).instr(RET).build();
    RunResult res = run(r, m -> { });
    assertTrue(res.trapped());
    assertEquals(Trap.Kind.FAULT, res.trap().kind());
    assertEquals(0xf1L, res.trap().address());
    assertEquals(7, res.trap().pos().line());
    assertTrue(res.trap().message().contains("unmapped write of 4 bytes at 0xf1"), res.trap().message());
  }

  @Test
  void archPrctlRefusesAddressesFromTaskSizeMaxAsLinuxDoes() {
    Routine r = routine("·setfs").instr(MOVQ, new Imm(0x1002), DI).instr(MOVQ, new Imm(158), AX)
        .instr(SYSCALL).instr(RET).build();
    RunResult ok = run(r, m -> m.set(SI, 0x7fffffffeff8L));
    assertEquals(0L, ok.machine().get(AX));
    assertEquals(0x7fffffffeff8L, ok.machine().fsBase);
    RunResult refused = run(r, m -> m.set(SI, 0x7ffffffff000L));
    assertEquals(-1L, refused.machine().get(AX), "-EPERM");
    assertEquals(0L, refused.machine().fsBase);
  }

  @Test
  void syscallClobbersCxAndR11() {
    Routine r = routine("·tid").instr(MOVQ, new Imm(186), AX).instr(SYSCALL).instr(RET).build();
    Machine m = run(r, x -> { }).machine();
    assertEquals(LinuxSyscalls.TID, m.get(AX));
    assertTrue(m.get(CX) != 0, "CX holds the return address");
    assertEquals(Flags.INITIAL, m.get(R11) & Flags.INITIAL);
  }

  @Test
  void exitEndsTheRunWithItsStatus() {
    Routine r = routine("·exit").instr(MOVQ, new Imm(3), DI).instr(MOVQ, new Imm(231), AX).instr(SYSCALL).build();
    RunResult res = run(r, m -> { });
    assertNull(res.trap());
    assertEquals(3L, res.exitStatus());
  }

  @Test
  void callsAbortAndUnboundSymbolsAndUnknownSyscallsAreTraps() {
    Routine abort = routine("·a").at(3, 1).instr(CALL, Mem.symbol("runtime·abort", 0)).instr(RET).build();
    RunResult a = run(abort, m -> { });
    assertEquals(Trap.Kind.ABORT, a.trap().kind());
    assertEquals(3, a.trap().pos().line());
    Routine unbound = routine("·u").instr(CALL, Mem.symbol("runtime·nowhere", 0)).instr(RET).build();
    RunResult u = run(unbound, m -> { });
    assertEquals(Trap.Kind.UNBOUND_SYMBOL, u.trap().kind());
    assertTrue(u.trap().message().contains("runtime·nowhere"));
    Routine sys = routine("·s").instr(MOVQ, new Imm(999), AX).instr(SYSCALL).instr(RET).build();
    assertEquals(Trap.Kind.UNKNOWN_SYSCALL, run(sys, m -> { }).trap().kind());
  }

  @Test
  void aBoundModelRunsInsteadOfTrapping() {
    Routine r = routine("·c").instr(CALL, Mem.symbol("runtime·check", 0)).instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r)).bind("runtime·check", call -> call.register(AX, 42));
    Machine m = e.newMachine();
    RunResult res = e.run(m, "·c");
    assertTrue(res.returned());
    assertEquals(42L, m.get(AX));
    assertEquals(Layout.INITIAL_SP, m.sp(), "balanced after call and return");
  }

  @Test
  void callAndReturnBetweenRoutinesAndTheStepLimit() {
    Routine callee = routine("·callee").frame(16).instr(MOVQ, new Imm(7), AX).instr(RET).build();
    Routine caller = routine("·caller").instr(CALL, Mem.symbol("·callee", 0)).instr(ADDQ, new Imm(1), AX)
        .instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(caller, callee));
    Machine m = e.newMachine();
    RunResult res = e.run(m, "·caller");
    assertTrue(res.returned());
    assertEquals(8L, m.get(AX));
    Routine loop = routine("·loop").instr(JMP, new PcRel(0)).build();
    Emulator l = Emulator.interpreting(List.of(loop));
    Machine lm = l.newMachine();
    lm.stepLimit(1000);
    assertEquals(Trap.Kind.STEP_LIMIT, l.run(lm, "·loop").trap().kind());
  }
}
