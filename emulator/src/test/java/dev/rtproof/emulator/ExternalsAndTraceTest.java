package dev.rtproof.emulator;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalsAndTraceTest {
  /** {@code PUSHQ $40; PUSHQ $2 (args a=2, b=40); CALL ·add; MOVQ 16(SP), AX (ret); ADDQ $24, SP; RET}. */
  private static Routine caller() {
    return Routine.builder("·caller", "GO1_19").flags(TextFlags.NOSPLIT).source("T.java", "T#caller")
        .at(1, 1).instr(SUBQ, new Imm(24), SP)
        .at(2, 1).instr(MOVQ, new Imm(2), Mem.reg(0, SP))
        .at(3, 1).instr(MOVQ, new Imm(40), Mem.reg(8, SP))
        .at(4, 1).instr(CALL, Mem.symbol("·add", 0))
        .at(5, 1).instr(MOVQ, Mem.reg(16, SP), AX)
        .at(6, 1).instr(ADDQ, new Imm(24), SP)
        .at(7, 1).instr(RET).build();
  }

  @Test
  void aModelReadsAbi0ArgumentsAndWritesItsResult() {
    Emulator e = Emulator.interpreting(List.of(caller()))
        .bind("·add", call -> call.result(16, call.arg(0) + call.arg(8)));
    Machine m = e.newMachine();
    RunResult r = e.run(m, "·caller");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(42L, m.get(AX));
    assertEquals(Layout.INITIAL_SP, m.sp());
    assertEquals(7L, r.steps(), "models are not steps");
  }

  @Test
  void aModelMayEndTheRunWithAnExitOrATrapAtTheCall() {
    Emulator exits = Emulator.interpreting(List.of(caller())).bind("·add", call -> call.exit(call.arg(8)));
    RunResult x = exits.run(exits.newMachine(), "·caller");
    assertEquals(40L, x.exitStatus());
    assertNull(x.trap());
    Emulator traps = Emulator.interpreting(List.of(caller())).bind("·add", call -> call.trap("no adding today"));
    RunResult t = traps.run(traps.newMachine(), "·caller");
    assertEquals(Trap.Kind.EXTERNAL, t.trap().kind());
    assertEquals("·add: no adding today", t.trap().message());
    assertEquals(4, t.trap().pos().line(), "located at the CALL");
  }

  @Test
  void theTraceListsEachInstructionWithWhatItChanged() {
    Emulator e = Emulator.interpreting(List.of(caller()))
        .bind("·add", call -> call.result(16, call.arg(0) + call.arg(8))).tracing(true);
    Machine m = e.newMachine();
    RunResult r = e.run(m, "·caller");
    Trace t = r.trace();
    assertEquals(8, t.steps().size(), t::toString);
    TraceStep sub = t.steps().get(0);
    assertEquals(1, sub.pos().line());
    assertEquals(List.of(new TraceStep.RegisterChange(SP, Layout.INITIAL_SP - 8, Layout.INITIAL_SP - 32)),
        sub.changes(), "0x…efe0 has odd parity: no flag changes");
    assertEquals(List.of(new TraceStep.Store(Layout.INITIAL_SP - 32, 8, 0, 2)), t.steps().get(1).changes());
    TraceStep model = t.steps().get(4);
    assertEquals(-1, model.index());
    assertEquals(List.of(new TraceStep.RegisterChange(SP, Layout.INITIAL_SP - 40, Layout.INITIAL_SP - 32),
        new TraceStep.Store(Layout.INITIAL_SP - 40 + 24, 8, 0, 42)), model.changes(), "the model and its RET");
    assertEquals("returned", t.outcome());
    Machine flagged = e.newMachine();
    flagged.set(SP, Layout.INITIAL_SP + 0x10);
    TraceStep sub2 = e.run(flagged, "·caller").trace().steps().get(0);
    assertEquals(new TraceStep.FlagsChange(Flags.INITIAL, Flags.INITIAL | Flags.PF, 0, 0), sub2.changes().get(1),
        "0x…eff0 has even parity");
    assertTrue(t.toString().contains("T.java:5: MOVQ 16(SP), AX  ; AX=0x2a"), t.toString());
  }

  @Test
  void tracesOfTheSameRunAreEqualAndADifferentRunIsNamedAtItsFirstDifference() {
    Routine r = Routine.builder("·t", "GO1_19").flags(TextFlags.NOSPLIT).source("T.java", "T#t")
        .at(1, 1).instr(ADDQ, new Imm(1), AX).at(2, 1).instr(MOVL, new Imm(0xf1), Mem.absolute(0xf1)).build();
    Emulator e = Emulator.interpreting(List.of(r)).tracing(true);
    Trace a = e.run(e.newMachine(), "·t").trace();
    Trace b = e.run(e.newMachine(), "·t").trace();
    assertEquals(a, b);
    assertNull(a.firstDifference(b));
    Machine other = e.newMachine();
    other.set(AX, 5);
    String diff = a.firstDifference(e.run(other, "·t").trace());
    assertTrue(diff.startsWith("step 0: T.java:1: ADDQ $1, AX  ; AX=0x1"), diff);
    assertTrue(a.outcome().startsWith("FAULT: unmapped write of 4 bytes at 0xf1"), a.outcome());
    assertEquals(List.of(), a.steps().get(1).changes(), "a faulting instruction changes nothing");
  }
}
