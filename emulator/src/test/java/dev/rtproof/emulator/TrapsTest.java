package dev.rtproof.emulator;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of trap, as the result of a run: kind, message, address, instruction and source line. */
class TrapsTest {
  private static Routine.Builder routine(String symbol) {
    return Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT).source("T.java", "T#" + symbol);
  }

  private static Trap trap(Routine r) {
    Emulator e = Emulator.interpreting(List.of(r));
    RunResult res = e.run(e.newMachine(), r.symbol());
    assertTrue(res.trapped(), () -> r.symbol() + " returned");
    assertNull(res.exitStatus());
    return res.trap();
  }

  @Test
  void intIsABreakpointTrapCarryingItsVector() {
    Trap t = trap(routine("·bp").at(1, 1).instr(MOVQ, new Imm(1), AX).at(2, 3).instr(INT, new Imm(3)).build());
    assertEquals(Trap.Kind.INT, t.kind());
    assertEquals("INT $3 (breakpoint)", t.message());
    assertEquals(3L, t.address());
    assertEquals("INT $3", t.instruction());
    assertEquals(new SourcePos("T.java", 2, 3), t.pos());
    assertEquals(1, t.index());
  }

  @Test
  void undefIsAnUndefinedInstructionTrap() {
    Trap t = trap(routine("·ud").at(4, 1).instr(UNDEF).build());
    assertEquals(Trap.Kind.UNDEF, t.kind());
    assertEquals("UNDEF (ud2)", t.message());
    assertEquals(4, t.pos().line());
  }

  @Test
  void returningOrJumpingToWhatIsNotCodeIsABadJump() {
    Trap ret = trap(routine("·r").at(1, 1).instr(PUSHQ, new Imm(0x1234)).at(2, 1).instr(RET).build());
    assertEquals(Trap.Kind.BAD_JUMP, ret.kind());
    assertEquals(0x1234L, ret.address());
    assertEquals("control transfer to 0x1234, which is not code", ret.message());
    assertEquals("RET", ret.instruction(), "located at the transfer");
    Trap past = trap(routine("·j").at(1, 1).instr(MOVQ, new Imm(Layout.TEXT_BASE + 5), AX).at(2, 1).instr(JMP, AX)
        .build());
    assertEquals(Trap.Kind.BAD_JUMP, past.kind());
    assertTrue(past.message().contains("past the end of ·j"), past.message());
    Trap fell = trap(routine("·f").at(1, 1).instr(NOP).build());
    assertEquals(Trap.Kind.BAD_JUMP, fell.kind());
    assertEquals("execution ran past the last instruction of ·f", fell.message());
  }

  @Test
  void anUnsupportedInstructionIsATrapNamingIt() {
    Routine r = routine("·v").add(Instr.unsupported("VMOVDQU (SI), Y0", new SourcePos("T.java", 6, 2))).build();
    Trap t = trap(r);
    assertEquals(Trap.Kind.UNSUPPORTED, t.kind());
    assertEquals("the emulator does not execute VMOVDQU (SI), Y0", t.message());
    assertEquals(6, t.pos().line());
    Trap b = trap(routine("·b").at(7, 1).instr(BYTE, new Imm(0xcc)).build());
    assertEquals(Trap.Kind.UNSUPPORTED, b.kind());
    assertEquals(7, b.pos().line());
  }

  @Test
  void theStepLimitTrapsAtTheFirstInstructionBeyondIt() {
    Routine loop = routine("·loop").at(1, 1).instr(INCQ, AX).at(2, 1).instr(JMP, new dev.rtproof.dsl.ir.PcRel(-1))
        .build();
    Emulator e = Emulator.interpreting(List.of(loop));
    Machine m = e.newMachine();
    m.stepLimit(7);
    RunResult r = e.run(m, "·loop");
    assertEquals(Trap.Kind.STEP_LIMIT, r.trap().kind());
    assertEquals("step limit of 7 instructions reached", r.trap().message());
    assertEquals(2, r.trap().pos().line(), "the 8th instruction is the 4th JMP");
    assertEquals(4L, m.get(AX), "seven instructions ran: four INCQ, three JMP");
  }

  @Test
  void aFaultNamesTheSymbolItMissed() {
    Routine r = routine("·over").at(3, 1).instr(MOVQ, Mem.symbol("runtime·g0", 400), AX).instr(RET).build();
    Trap t = trap(r);
    assertEquals(Trap.Kind.FAULT, t.kind());
    assertEquals(Memory.Access.READ, t.access());
    assertEquals(8, t.width());
    assertTrue(t.message().endsWith("(just past the end of runtime·g0)"), t.message());
  }
}
