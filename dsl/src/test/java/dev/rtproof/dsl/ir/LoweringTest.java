package dev.rtproof.dsl.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoweringTest {
  private static Routine.Builder routine(int flags, int frame) {
    return Routine.builder("runtime·r", "GO1_19").flags(flags).frame(frame);
  }

  private static List<String> code(Lowered l) {
    return l.code().stream().map(Instr::toString).collect(Collectors.toList());
  }

  @Test
  void settlsGetsTheGo119Frame() {
    // 1.19 disassembly of settls: SUBQ $0x28,SP; MOVQ BP,0x20(SP); LEAQ 0x20(SP),BP … (reference §3)
    Routine r = routine(TextFlags.NOSPLIT, 32)
        .instr(Op.ADDQ, new Imm(8), Reg.DI).instr(Op.SYSCALL).instr(Op.RET).build();
    Lowered l = Lowering.lower(r, Target.GO1_19.profile());
    assertEquals(List.of("SUBQ $40, SP", "MOVQ BP, 32(SP)", "LEAQ 32(SP), BP", "ADDQ $8, DI", "SYSCALL",
        "MOVQ 32(SP), BP", "ADDQ $40, SP", "RET"), code(l));
    assertEquals(40, l.frameSize());
    assertArrayEquals(new int[] {-1, -1, -1, 0, 1, -1, -1, 2}, l.sourceIndex());
  }

  @Test
  void frameless() {
    // NOSPLIT and frame 0: no BP (the ≤1.20 heuristic); a frameless leaf: no BP either.
    Routine nosplit = routine(TextFlags.NOSPLIT, 0).instr(Op.CALL, Mem.symbol("f", 0)).instr(Op.RET).build();
    assertEquals(List.of("CALL f(SB)", "RET"), code(Lowering.lower(nosplit, Target.GO1_19.profile())));
    Routine leaf = routine(0, 0).instr(Op.RET).build();
    assertEquals(List.of("RET"), code(Lowering.lower(leaf, Target.GO1_19.profile())));
    Routine noframe = routine(TextFlags.NOFRAME, 16).instr(Op.RET).build();
    assertEquals(List.of("SUBQ $16, SP", "ADDQ $16, SP", "RET"), code(Lowering.lower(noframe, Target.GO1_19.profile())));
  }

  @Test
  void branchesTargetTheEpilogueOfARet() {
    // JLS 2(PC) over one instruction lands on RET, which starts at its epilogue, as a Go label on RET does.
    Routine r = routine(TextFlags.NOSPLIT, 8)
        .instr(Op.JLS, new PcRel(2)).instr(Op.NOP).label("out").instr(Op.RET)
        .instr(Op.JMP, new LabelRef("out")).build();
    Lowered l = Lowering.lower(r, Target.GO1_19.profile());
    assertEquals("MOVQ 8(SP), BP", l.at(l.target()[3]).toString());
    assertEquals(l.target()[3], l.target()[l.size() - 1]);
  }

  @Test
  void checksFindBadLabelsAndPcTargets() {
    Routine r = Routine.builder("runtime·r", "GO1_19").label("a").instr(Op.JMP, new LabelRef("b"))
        .label("a").instr(Op.JEQ, new PcRel(5)).instr(Op.RET).build();
    List<String> ids = RoutineChecks.check(r).stream().map(Problem::id).collect(Collectors.toList());
    assertTrue(ids.containsAll(List.of("duplicate-label", "unknown-label", "pc-out-of-range")), ids.toString());
  }
}
