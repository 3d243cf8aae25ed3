package dev.rtproof.examples;

import static dev.rtproof.examples.Mutation.drop;
import static dev.rtproof.examples.Mutation.insertBefore;
import static dev.rtproof.examples.Mutation.op;
import static dev.rtproof.examples.Mutation.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.replay.Violation.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example routine with properties has at least two mutants — the routine with one deliberate bug of
 * the kinds the architecture names (a wrong mask, a missing {@code ADDQ $8, DI}, an inverted branch, an
 * off-by-one offset, a swapped operand, a dropped instruction) — and the verifier refutes each with a
 * counterexample the emulator replays to the violation (a VIOLATED verdict is only given after the replay
 * reached it; the test also checks the kind of violation and that the trace is there).
 * {@code -Drtproof.examples.mutants=gogo} runs only the mutants of routines whose symbol contains "gogo".
 */
class MutantsTest {
  /**
   * A mutant: {@code change} applied to routine {@code mutated}, then property {@code property} (a label
   * prefix) of routine {@code verified} refuted with a {@code kind} violation. Usually the same routine;
   * a broken settls is caught by rt0_go's TLS round trip.
   */
  record Case(String mutated, String what, UnaryOperator<Routine> change, String verified, String property,
      Kind kind) {
    static Case of(String routine, String what, UnaryOperator<Routine> change, String property, Kind kind) {
      return new Case(routine, what, change, routine, property, kind);
    }
  }

  /** Routines whose mutants live in their own test. */
  private static final Map<String, String> MUTANTS_ELSEWHERE = Map.of("main·test_FP_SP", "HugeFramePrologueTest");

  static final List<Case> CASES = List.of(
      // settls (Tls) and its Go 1.16 twin
      Case.of("runtime·settls", "without ADDQ $8, DI", drop("ADDQ $8, DI"), "ensures(FS ==", Kind.EXPRESSION),
      Case.of("runtime·settls", "ARCH_SET_GS instead of ARCH_SET_FS",
          replace("MOVQ $0x1002, DI", Op.MOVQ, new Imm(0x1001), Reg.DI), "ensures(FS ==", Kind.EXPRESSION),
      Case.of("runtime·settls", "JLS inverted to JHI", op("JLS 2(PC)", Op.JHI), "no-fault", Kind.FAULT),
      new Case("runtime·settls", "without ADDQ $8, DI", drop("ADDQ $8, DI"), "runtime·rt0_go_head", "tls-round-trip",
          Kind.TLS_MISMATCH),
      Case.of("go116·settls", "without ADDQ $8, DI", drop("ADDQ $8, DI"), "ensures(FS ==", Kind.EXPRESSION),
      Case.of("go116·settls", "JLS inverted to JHI", op("JLS 2(PC)", Op.JHI), "no-fault", Kind.FAULT),

      // the rt0_go head of Go 1.19 (Rt0GoHead) and its parts
      Case.of("runtime·rt0_go_head", "wrong mask $~7", replace("ANDQ $-16, SP", Op.ANDQ, new Imm(~7), Reg.SP),
          "stack-alignment", Kind.MISALIGNED),
      Case.of("runtime·rt0_go_head", "the g0 stack without +104",
          replace("LEAQ 0xffffffffffff0068(SP), BX", Op.LEAQ, Mem.reg(-64 * 1024, Reg.SP), Reg.BX),
          "ensures(load64(runtime·g0 + g_stack + stack_lo)", Kind.EXPRESSION),
      Case.of("runtime·rt0_go_head", "g0.m and m0.g0 swapped",
          replace("MOVQ AX, 48(CX)", Op.MOVQ, Reg.CX, Mem.reg(48, Reg.AX)), "ensures(load64(runtime·g0 + g_m)",
          Kind.EXPRESSION),
      Case.of("runtime·rt0_go_head", "JEQ 2(PC) inverted", op("JEQ 2(PC)", Op.JNE), "unreachable", Kind.REACHED),
      Case.of("runtime·rt0_go_newproc", "without the POPQ", drop("POPQ AX"), "stack-balance", Kind.UNBALANCED),
      Case.of("runtime·rt0_go_newproc", "without the PUSHQ", drop("PUSHQ AX"), "assert", Kind.EXPRESSION),
      Case.of("go116·rt0_go_head", "wrong mask $~7", replace("ANDQ $-16, SP", Op.ANDQ, new Imm(~7), Reg.SP),
          "ensures(SP % 16", Kind.EXPRESSION),
      Case.of("go116·rt0_go_head", "argv stored at argc's slot",
          replace("MOVQ BX, 24(SP)", Op.MOVQ, Reg.BX, Mem.reg(16, Reg.SP)), "ensures(SP % 16", Kind.EXPRESSION),
      Case.of("go116·rt0_go_head", "the g0 stack without +104",
          replace("LEAQ 0xffffffffffff0068(SP), BX", Op.LEAQ, Mem.reg(-64 * 1024, Reg.SP), Reg.BX),
          "ensures(load64(runtime·g0", Kind.EXPRESSION),
      Case.of("go116·rt0_go_newproc", "without PUSHQ $0 (Go 1.17's newproc call)", drop("PUSHQ $0"),
          "stack-alignment", Kind.MISALIGNED),
      Case.of("go116·rt0_go_newproc", "one POPQ too few", drop("POPQ AX#2"), "stack-balance", Kind.UNBALANCED),

      // entry points and small routines of the bootstrap
      Case.of("_rt0_amd64", "argv one word off", replace("LEAQ 8(SP), SI", Op.LEAQ, Mem.reg(16, Reg.SP), Reg.SI),
          "ensures", Kind.EXPRESSION),
      Case.of("_rt0_amd64", "argc from argv[0]", replace("MOVQ (SP), DI", Op.MOVQ, Mem.reg(8, Reg.SP), Reg.DI),
          "ensures", Kind.EXPRESSION),
      Case.of("_rt0_amd64_linux", "a push before the jump", insertBefore("JMP _rt0_amd64(SB)", Op.PUSHQ, Reg.AX),
          "stack-balance", Kind.UNBALANCED),
      Case.of("_rt0_amd64_linux", "a pop before the jump", insertBefore("JMP _rt0_amd64(SB)", Op.POPQ, Reg.AX),
          "stack-balance", Kind.UNBALANCED),
      Case.of("runtime·abort", "a crash store instead of INT $3",
          replace("INT $3", Op.MOVL, new Imm(0xf1), Mem.absolute(0xf1)), "no-fault", Kind.FAULT),
      Case.of("runtime·abort", "a wild load instead of INT $3", replace("INT $3", Op.MOVQ, Mem.reg(0, Reg.AX), Reg.AX),
          "no-fault", Kind.FAULT),

      // seed 003
      Case.of("·GetId", "Id not loaded", drop("MOVQ ·Id(SB), AX"), "ensures", Kind.EXPRESSION),
      Case.of("·GetId", "9527 hard-coded instead of read",
          replace("MOVQ ·Id(SB), AX", Op.MOVQ, new Imm(9527), Reg.AX), "ensures", Kind.EXPRESSION),
      Case.of("·Swap", "results not swapped", replace("MOVQ BX, ret+16(FP)", Op.MOVQ, Reg.AX, Mem.fp("ret", 16)),
          "ensures", Kind.EXPRESSION),
      Case.of("·Swap", "b read from a's slot", replace("MOVQ b+8(FP), BX", Op.MOVQ, Mem.fp("a", 0), Reg.BX),
          "ensures", Kind.EXPRESSION),
      Case.of("·Foo", "b read as one byte", op("MOVW b+2(FP), BX", Op.MOVB), "ensures((AX", Kind.EXPRESSION),
      Case.of("·Foo", "c's len not written", drop("MOVQ $0, c_len+16(FP)"), "ensures(load64", Kind.EXPRESSION),

      // the whole rt0_go of Go 1.19 and of Go 1.16
      Case.of("runtime·rt0_go", "wrong mask $~7", replace("ANDQ $-16, SP", Op.ANDQ, new Imm(~7), Reg.SP),
          "stack-alignment", Kind.MISALIGNED),
      Case.of("runtime·rt0_go", "mstart's CALL dropped", drop("CALL runtime·mstart(SB)"), "unreachable",
          Kind.REACHED),
      Case.of("go116·rt0_go", "without PUSHQ $0", drop("PUSHQ $0"), "stack-alignment", Kind.MISALIGNED),
      Case.of("go116·rt0_go", "settls of the wrong slot",
          replace("LEAQ runtime·m0+136(SB), DI", Op.LEAQ, Mem.symbol("runtime·m0", 144), Reg.DI), "tls-round-trip",
          Kind.TLS_MISMATCH),

      // Go 1.19 scheduler routines
      Case.of("gogo<>", "R14 not set", drop("MOVQ DX, R14"), "ensures(R14", Kind.EXPRESSION),
      Case.of("gogo<>", "ctxt not cleared", drop("MOVQ $0, 24(BX)"), "ensures(load64(runtime·g0", Kind.EXPRESSION),
      Case.of("runtime·mcall", "JNE goodm inverted", op("JNE goodm", Op.JEQ), "unreachable", Kind.REACHED),
      Case.of("runtime·mcall", "g.sched.sp is SP, not the caller's SP",
          replace("LEAQ fn(FP), BX", Op.LEAQ, Mem.reg(0, Reg.SP), Reg.BX), "assert(load64(AX + g_sched",
          Kind.EXPRESSION),
      Case.of("runtime·systemstack", "switching back to g0, not curg",
          replace("MOVQ 192(BX), AX", Op.MOVQ, Mem.reg(0, Reg.BX), Reg.AX), "ensures", Kind.EXPRESSION),
      Case.of("runtime·systemstack", "TLS not switched back", drop("MOVQ AX, 0(CX)(TLS*1)"), "ensures",
          Kind.EXPRESSION),
      Case.of("gosave_systemstack_switch<>", "g.sched.sp off by a word",
          replace("LEAQ 8(SP), R9", Op.LEAQ, Mem.reg(0, Reg.SP), Reg.R9), "ensures", Kind.EXPRESSION),
      Case.of("gosave_systemstack_switch<>", "JEQ 2(PC) inverted", op("JEQ 2(PC)", Op.JNE), "unreachable",
          Kind.REACHED),
      Case.of("runtime·morestack", "g0 check inverted", op("JNE 3(PC)#1", Op.JEQ), "unreachable", Kind.REACHED),
      Case.of("runtime·morestack", "morebuf.sp off by a word",
          replace("LEAQ 16(SP), AX", Op.LEAQ, Mem.reg(8, Reg.SP), Reg.AX), "assert(load64(runtime·m0", Kind.EXPRESSION),
      Case.of("runtime·gogo", "g read from gobuf.pc", replace("MOVQ 16(BX), DX", Op.MOVQ, Mem.reg(8, Reg.BX), Reg.DX),
          "ensures", Kind.EXPRESSION),
      Case.of("runtime·gogo", "buf read from the wrong slot",
          replace("MOVQ buf(FP), BX", Op.MOVQ, Mem.fp("buf", 8), Reg.BX), "no-fault", Kind.FAULT),
      Case.of("runtime·morestack_noctxt", "only DL cleared", replace("MOVL $0, DX", Op.MOVB, new Imm(0), Reg.DL),
          "ensures", Kind.EXPRESSION),
      Case.of("runtime·morestack_noctxt", "DX not cleared", drop("MOVL $0, DX"), "ensures", Kind.EXPRESSION));

  @TestFactory
  Stream<DynamicTest> everyMutantIsViolatedAndReplayed() {
    String only = System.getProperty("rtproof.examples.mutants", "");
    return CASES.stream().filter(c -> c.mutated().contains(only)).map(c -> dynamicTest(c.mutated() + ": " + c.what() + " → " + c.verified() + " "
        + c.property() + "… VIOLATED", () -> {
          Routine mutant = c.change().apply(Examples.routine(c.mutated()));
          Verdict v = c.mutated().equals(c.verified()) ? Examples.verify(mutant, c.property())
              : Examples.verifyIn(Examples.programWith(mutant), c.verified(), c.property());
          assertEquals(Status.VIOLATED, v.status(), v.toString());
          Counterexample ce = v.counterexample();
          assertNotNull(ce.violation(), v.toString());
          assertEquals(c.kind(), ce.violation().kind(), v.toString());
          assertFalse(ce.replay().isEmpty(), "the emulator's replay trace is part of the verdict");
        }));
  }

  @Test
  void everyExampleWithPropertiesHasTwoMutants() {
    Map<String, Long> mutants = CASES.stream().collect(Collectors.groupingBy(Case::mutated, TreeMap::new,
        Collectors.counting()));
    for (RoutineProgram p : Examples.PROGRAMS) {
      Routine r = p.routine();
      if (r.properties().isEmpty() || MUTANTS_ELSEWHERE.containsKey(r.symbol())) {
        continue;
      }
      assertTrue(mutants.getOrDefault(r.symbol(), 0L) >= 2, r.symbol() + " has " + mutants.get(r.symbol())
          + " mutants: " + mutants);
    }
    Set<String> symbols = Examples.PROGRAMS.stream().map(p -> p.routine().symbol()).collect(Collectors.toSet());
    assertTrue(symbols.containsAll(mutants.keySet()), "mutants of routines that are not examples: " + mutants.keySet());
  }
}
