package dev.rtproof.emulator;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory: little-endian, unaligned and page-crossing accesses, regions, the stack guard, fault details. */
class MemoryTest {
  @Test
  void accessesAreLittleEndianUnalignedAndMayCrossPages() {
    Memory mem = new Memory();
    mem.map("r", 0x10000, 3 * Region.PAGE_SIZE);
    long a = 0x10000 + Region.PAGE_SIZE - 3; // straddles the first two pages
    mem.write(a, 8, 0x1122334455667788L);
    assertEquals(0x88L, mem.read(a, 1));
    assertEquals(0x7788L, mem.read(a, 2));
    assertEquals(0x55667788L, mem.read(a, 4));
    assertEquals(0x1122334455667788L, mem.read(a, 8));
    assertEquals(0x33445566L, mem.read(a + 2, 4));
    mem.write(a + 1, 2, 0xabcd);
    assertEquals(0x1122334455abcd88L, mem.read(a, 8));
    assertEquals(0L, mem.read(0x10000 + 2 * Region.PAGE_SIZE, 8), "untouched pages read as zeros");
  }

  @Test
  void anAccessCrossingTheEndOfARegionFaultsWithAccessKindAndWidth() {
    Routine r = Routine.builder("·r", "GO1_19").flags(TextFlags.NOSPLIT).source("M.java", "M#r")
        .at(4, 5).instr(MOVQ, Mem.reg(0, BX), AX).instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r)).region("heap", 0x20000000L, 64);
    Machine m = e.newMachine();
    m.store(0x20000000L + 56, 8, 77);
    m.set(BX, 0x20000000L + 60);
    RunResult res = e.run(m, "·r");
    Trap t = res.trap();
    assertEquals(Trap.Kind.FAULT, t.kind());
    assertEquals(Memory.Access.READ, t.access());
    assertEquals(8, t.width());
    assertEquals(0x2000003cL, t.address());
    assertEquals("MOVQ (BX), AX", t.instruction());
    assertEquals(4, t.pos().line());
    assertTrue(t.message().contains("crosses the end of heap"), t.message());
    m.set(BX, 0x20000000L + 56);
    assertTrue(e.run(m, "·r").returned());
    assertEquals(77L, m.get(AX));
  }

  @Test
  void aRegionOverlappingTheStackGuardIsRejectedWhenDeclaredNotWhenRun() {
    Routine r = Routine.builder("·r", "GO1_19").instr(RET).build();
    Emulator e = Emulator.interpreting(List.of(r));
    assertThrows(IllegalArgumentException.class,
        () -> e.region("x", Layout.STACK_TOP - Layout.STACK_SIZE - 8, 16));
    assertEquals(0, e.regions().size());
  }

  @Test
  void runningIntoTheGuardPageIsANamedStackOverflow() {
    Routine r = Routine.builder("·deep", "GO1_19").flags(TextFlags.NOSPLIT).source("M.java", "M#deep")
        .instr(SUBQ, new Imm(Layout.STACK_SIZE - 0x800), SP).at(2, 1).instr(PUSHQ, AX).instr(RET).build();
    RunResult res = Emulator.interpreting(List.of(r)).run(Emulator.interpreting(List.of(r)).newMachine(), "·deep");
    assertEquals(Trap.Kind.FAULT, res.trap().kind());
    assertEquals(Memory.Access.WRITE, res.trap().access());
    assertTrue(res.trap().message().contains("stack guard page: stack overflow"), res.trap().message());
    assertEquals(2, res.trap().pos().line());
    assertEquals(Layout.INITIAL_SP - 8 - (Layout.STACK_SIZE - 0x800), res.machine().sp(),
        "the faulting PUSHQ left SP as it was");
  }

  @Test
  void aFaultingPopToMemoryLeavesSpAsItWas() {
    Routine r = Routine.builder("·p", "GO1_19").flags(TextFlags.NOSPLIT).source("M.java", "M#p")
        .instr(PUSHQ, new Imm(5)).instr(POPQ, Mem.absolute(0x10)).instr(RET).build();
    RunResult res = Emulator.interpreting(List.of(r)).run(Emulator.interpreting(List.of(r)).newMachine(), "·p");
    assertEquals(Memory.Access.WRITE, res.trap().access());
    assertEquals(Layout.INITIAL_SP - 16, res.machine().sp());
  }
}
