package dev.rtproof.dsl.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three targets carry the facts of reference §4–§6, and GO1_25 routines lower with PUSHQ BP frames. */
class TargetsTest {
  @Test
  void theLayoutsDifferWhereGoChangedThem() {
    Map<String, Long> g116 = Target.GO1_16.profile().constants();
    Map<String, Long> g119 = Target.GO1_19.profile().constants();
    Map<String, Long> g125 = Target.GO1_25.profile().constants();
    // m.tls moved down by 8 when gobuf.ret went away (Go 1.25); g's prefix never moved.
    assertEquals(136, g116.get("m_tls"));
    assertEquals(136, g119.get("m_tls"));
    assertEquals(128, g125.get("m_tls"));
    assertEquals(184, g125.get("m_curg"));
    assertEquals(48, g125.get("gobuf__size"));
    assertEquals(40, g125.get("gobuf_bp"));
    assertNull(g125.get("gobuf_ret"));
    assertEquals(32, g116.get("gobuf_ret"));
    for (String field : List.of("g_stack", "g_stackguard0", "g_stackguard1", "g_m", "g_sched")) {
      assertEquals(g119.get(field), g116.get(field), field);
      assertEquals(g119.get(field), g125.get(field), field);
    }
    assertEquals(104, g125.get("g_syscallsp"));
    assertEquals(g119.get("g_syscallsp"), g116.get("g_syscallsp"));
  }

  @Test
  void everySharedNameHasGo119sValueUnlessTheReferenceSaysItMoved() {
    Map<String, Long> g119 = Target.GO1_19.profile().constants();
    Map<String, Long> g116 = Target.GO1_16.profile().constants();
    g116.forEach((name, value) -> assertEquals(g119.get(name), value, name));
    List<String> moved = Target.GO1_25.profile().constants().entrySet().stream()
        .filter(e -> g119.containsKey(e.getKey()) && !g119.get(e.getKey()).equals(e.getValue()))
        .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
    assertEquals(List.of("g_syscallsp", "gobuf__size", "gobuf_bp", "gobuf_lr", "m_curg", "m_divmod", "m_goSigStack",
        "m_gsignal", "m_mstartfn", "m_procid", "m_sigmask", "m_tls"), moved);
  }

  @Test
  void stackConstantsUseEachVersionsNames() {
    assertEquals(928, Target.GO1_16.profile().constant("const__StackGuard"));
    assertEquals(928, Target.GO1_25.profile().constant("const_stackGuard"));
    assertFalse(Target.GO1_25.profile().constants().containsKey("const__StackGuard"));
    for (Target t : Target.values()) {
      TargetProfile.Stack s = t.profile().stack();
      assertEquals(928, s.guard(), t.name());
      assertEquals(128, s.small(), t.name());
      assertEquals(4096, s.big(), t.name());
    }
  }

  @Test
  void frameStylesAndProloguesFollowTheVersion() {
    assertEquals(TargetProfile.Prologue.G_IN_CX, Target.GO1_16.profile().prologue());
    assertEquals(TargetProfile.Prologue.G_IN_R14, Target.GO1_19.profile().prologue());
    assertEquals(TargetProfile.Prologue.G_IN_R14, Target.GO1_25.profile().prologue());
    assertEquals(TargetProfile.FrameStyle.STORE_BP, Target.GO1_16.profile().frameStyle());
    assertEquals(TargetProfile.FrameStyle.STORE_BP, Target.GO1_19.profile().frameStyle());
    assertEquals(TargetProfile.FrameStyle.PUSH_BP, Target.GO1_25.profile().frameStyle());
  }

  private static List<String> code(Lowered l) {
    return l.code().stream().map(Instr::toString).collect(Collectors.toList());
  }

  @Test
  void go125FramesPushBpAndPopItBeforeEachRet() {
    // asmcgocall_no_g: $32-16 (reference §7.10): PUSHQ BP; MOVQ SP,BP; SUBQ $32,SP … ADDQ $32,SP; POPQ BP
    Routine r = Routine.builder("·asmcgocall_no_g", "GO1_25").flags(TextFlags.NOSPLIT).frame(32).args(16)
        .instr(Op.CALL, Reg.AX).instr(Op.RET).build();
    Lowered l = Lowering.lower(r, Target.GO1_25.profile());
    assertEquals(List.of("PUSHQ BP", "MOVQ SP, BP", "SUBQ $32, SP", "CALL AX", "ADDQ $32, SP", "POPQ BP", "RET"),
        code(l));
    assertEquals(40, l.frameSize());
    assertEquals(4, l.sourceStart()[1], "the RET starts at its epilogue");
  }

  @Test
  void go125SavesBpInANosplitFramelessRoutineThatCalls() {
    // mcall/systemstack since Go 1.21: NOSPLIT, $0, a CALL → PUSHQ BP; MOVQ SP, BP and POPQ BP (reference §7.4).
    Routine r = Routine.builder("·f", "GO1_25").flags(TextFlags.NOSPLIT).frame(0)
        .instr(Op.CALL, Reg.R12).instr(Op.RET).build();
    assertEquals(List.of("PUSHQ BP", "MOVQ SP, BP", "CALL R12", "POPQ BP", "RET"),
        code(Lowering.lower(r, Target.GO1_25.profile())));
    // Go 1.19 left such a routine frameless.
    Routine old = Routine.builder("·f", "GO1_19").flags(TextFlags.NOSPLIT).frame(0)
        .instr(Op.CALL, Reg.R12).instr(Op.RET).build();
    assertEquals(List.of("CALL R12", "RET"), code(Lowering.lower(old, Target.GO1_19.profile())));
  }

  @Test
  void go125NoframeAndFramelessLeavesGetNoBp() {
    Routine noframe = Routine.builder("·f", "GO1_25").flags(TextFlags.NOSPLIT | TextFlags.NOFRAME).frame(16)
        .instr(Op.CALL, Reg.R12).instr(Op.RET).build();
    assertEquals(List.of("SUBQ $16, SP", "CALL R12", "ADDQ $16, SP", "RET"),
        code(Lowering.lower(noframe, Target.GO1_25.profile())));
    Routine leaf = Routine.builder("·f", "GO1_25").flags(TextFlags.NOSPLIT).frame(0).instr(Op.RET).build();
    assertEquals(List.of("RET"), code(Lowering.lower(leaf, Target.GO1_25.profile())));
  }

  @Test
  void argumentsAreFramesizePlusEightAboveSpInBothStyles() {
    for (Target t : List.of(Target.GO1_19, Target.GO1_25)) {
      Routine r = Routine.builder("·f", t.name()).flags(TextFlags.NOSPLIT).frame(16).args(8)
          .instr(Op.MOVQ, dev.rtproof.dsl.ir.Mem.fp("x", 0), Reg.AX).instr(Op.CALL, Reg.AX).instr(Op.RET).build();
      Lowered l = Lowering.lower(r, t.profile());
      assertTrue(code(l).contains("MOVQ 32(SP), AX"), t + ": " + code(l));
    }
  }
}
