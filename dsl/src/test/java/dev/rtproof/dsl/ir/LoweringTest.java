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

  // Golden: `go tool objdump` of Go 1.19 builds of ABI0 asm functions (TEXT ·small(SB),0,$16-8 with a CALL,
  // ·medium $1024-16, ·huge $0x2000-24, ·leaf $16-8 without a CALL), assembled by Debian's golang-go.

  @Test
  void smallFrameGetsTheGo119Check() {
    Routine r = routine(0, 16).instr(Op.CALL, Mem.symbol("·g", 0)).instr(Op.MOVQ, new Imm(1), Mem.fp("ret", 0))
        .instr(Op.RET).build();
    Lowered l = Lowering.lower(r, Target.GO1_19.profile());
    assertEquals(List.of("MOVQ 0(R14)(TLS*1), R14", "CMPQ SP, 16(R14)", "JLS morestack",
        "SUBQ $24, SP", "MOVQ BP, 16(SP)", "LEAQ 16(SP), BP",
        "CALL ·g(SB)", "MOVQ $1, 32(SP)", "MOVQ 16(SP), BP", "ADDQ $24, SP", "RET",
        "CALL runtime·morestack_noctxt(SB)", "JMP start"), code(l));
    assertEquals(11, l.target()[2]);
    assertEquals(0, l.target()[12]);
    assertEquals(new Lowered.Split(SplitPrologue.Variant.SMALL, 3, 11), l.split());
  }

  @Test
  void mediumFrameRewritesArgumentsAndLocalsAfterAPush() {
    Routine r = routine(0, 1024).instr(Op.MOVQ, Mem.fp("a", 0), Reg.AX).instr(Op.PUSHQ, Reg.AX)
        .instr(Op.MOVQ, Mem.local("x", -8), Reg.BX).instr(Op.MOVQ, Mem.fp("a", 0), Reg.CX)
        .instr(Op.POPQ, Reg.AX).instr(Op.MOVQ, Reg.AX, Mem.fp("ret", 8)).instr(Op.RET).build();
    assertEquals(List.of("MOVQ 0(R14)(TLS*1), R14", "LEAQ -904(R12)".replace("R12", "SP") + ", R12",
        "CMPQ R12, 16(R14)", "JLS morestack",
        "SUBQ $1032, SP", "MOVQ BP, 1024(SP)", "LEAQ 1024(SP), BP",
        "MOVQ 1040(SP), AX", "PUSHQ AX", "MOVQ 1024(SP), BX", "MOVQ 1048(SP), CX", "POPQ AX",
        "MOVQ AX, 1048(SP)", "MOVQ 1024(SP), BP", "ADDQ $1032, SP", "RET",
        "CALL runtime·morestack_noctxt(SB)", "JMP start"), code(Lowering.lower(r, Target.GO1_19.profile())));
  }

  @Test
  void hugeFrameGuardsTheSubtraction() {
    Routine r = routine(0, 0x2000).instr(Op.MOVQ, Mem.fp("a", 0), Reg.AX).instr(Op.MOVQ, Reg.AX, Mem.fp("ret", 16))
        .instr(Op.RET).build();
    assertEquals(List.of("MOVQ 0(R14)(TLS*1), R14", "MOVQ SP, R12", "SUBQ $0x1f88, R12", "JCS morestack",
        "CMPQ R12, 16(R14)", "JLS morestack",
        "SUBQ $0x2008, SP", "MOVQ BP, 0x2000(SP)", "LEAQ 0x2000(SP), BP",
        "MOVQ 0x2010(SP), AX", "MOVQ AX, 0x2020(SP)", "MOVQ 0x2000(SP), BP", "ADDQ $0x2008, SP", "RET",
        "CALL runtime·morestack_noctxt(SB)", "JMP start"), code(Lowering.lower(r, Target.GO1_19.profile())));
  }

  @Test
  void aSmallLeafIsNosplitAutomatically() {
    Routine leaf = routine(0, 16).instr(Op.MOVQ, new Imm(1), Mem.fp("ret", 0)).instr(Op.RET).build();
    Lowered l = Lowering.lower(leaf, Target.GO1_19.profile());
    assertEquals(List.of("SUBQ $24, SP", "MOVQ BP, 16(SP)", "LEAQ 16(SP), BP", "MOVQ $1, 32(SP)",
        "MOVQ 16(SP), BP", "ADDQ $24, SP", "RET"), code(l));
    assertEquals(null, l.split());
    // A call to a zero-argument panic helper keeps it a leaf while the frame is below StackSmall-8 …
    Routine panics = routine(0, 16).instr(Op.CALL, Mem.symbol("runtime·panicdivide", 0)).instr(Op.RET).build();
    assertEquals(null, Lowering.lower(panics, Target.GO1_19.profile()).split());
    // … and from there on it gets the check; so does any other call, and any frame of StackSmall or more.
    Routine big = routine(0, 112).instr(Op.CALL, Mem.symbol("runtime·panicdivide", 0)).instr(Op.RET).build();
    assertEquals(SplitPrologue.Variant.SMALL, Lowering.lower(big, Target.GO1_19.profile()).split().variant());
    Routine wide = routine(0, 120).instr(Op.RET).build(); // framesize 128 with the BP slot
    assertEquals(SplitPrologue.Variant.SMALL, Lowering.lower(wide, Target.GO1_19.profile()).split().variant());
  }

  @Test
  void needctxtCallsMorestackAndTheStubJoinsTheSymbols() {
    Routine r = routine(TextFlags.NEEDCTXT, 0x200).instr(Op.RET).build();
    Lowered l = Lowering.lower(r, Target.GO1_19.profile());
    assertEquals("CALL runtime·morestack(SB)", l.at(l.split().stubStart()).toString());
    SymbolTable t = SymbolTable.of(List.of(r), Target.GO1_19.profile());
    assertEquals(SymbolTable.Kind.TEXT, t.get("runtime·morestack").kind());
  }

  @Test
  void goOneSixteenEmitsTheStackPreemptCompare() {
    SplitPrologue.Code c = SplitPrologue.emit(SplitPrologue.Style.G_IN_CX, 0x1018, 928,
        "runtime·morestack_noctxt", SourcePos.NONE);
    assertEquals(List.of("MOVQ 0(CX)(TLS*1), CX", "MOVQ 16(CX), SI", "CMPQ SI, $-1314", "JEQ morestack",
        "LEAQ 928(SP), AX", "SUBQ SI, AX", "CMPQ AX, $0x1338", "JLS morestack"),
        c.check().stream().map(Instr::toString).collect(Collectors.toList()));
    assertEquals(List.of(new SplitPrologue.FrameTerm(6, 1, 1, 800)), c.terms());
    SplitPrologue.Code medium = SplitPrologue.emit(SplitPrologue.Style.G_IN_CX, 1032, 928, "m", SourcePos.NONE);
    assertEquals(List.of("MOVQ 0(CX)(TLS*1), CX", "LEAQ -904(SP), AX", "CMPQ AX, 16(CX)", "JLS morestack"),
        medium.check().stream().map(Instr::toString).collect(Collectors.toList()));
  }
}
