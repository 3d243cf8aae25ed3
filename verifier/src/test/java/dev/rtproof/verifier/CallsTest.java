package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.verifier.replay.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CALLs: inlined DSL routines with their requirements, contracts, and the default contract. */
class CallsTest {
  private static Routine.Builder routine(String symbol) {
    return AlignmentAndBalanceTest.routine(symbol);
  }

  private static Verdict verify(Routine r, List<Contract> contracts) {
    Program p = new Program(List.of(r), List.of(), contracts);
    return new Verifier(VerifyOptions.defaults()).verify(p, r, r.properties().get(0));
  }

  @Test
  void aCalleesRequirementIsAnObligationAtTheCallSite() {
    Routine callee = routine("runtime·callee").requires("DI != 0").instr(MOVQ, DI, AX).instr(RET).build();
    Routine ok = routine("runtime·caller").instr(MOVQ, new Imm(5), DI).instr(CALL, Mem.symbol("runtime·callee", 0))
        .instr(RET).property(PropertySpec.ENSURES, "AX == 5").build();
    Verify.proved(Verify.first(ok, callee));
    Routine bad = routine("runtime·caller").at(2, 5).instr(CALL, Mem.symbol("runtime·callee", 0)).at(3, 5).instr(RET)
        .property(PropertySpec.STACK_BALANCE).build();
    Verdict v = Verify.first(bad, callee);
    Counterexample c = Verify.violated(v, Violation.Kind.REQUIREMENT);
    assertEquals(0, c.registers().get("DI"));
    assertEquals(2, v.pos().line(), "at the CALL");
    assertTrue(v.message().contains("runtime·callee's @Requires(\"DI != 0\")"), v.message());
  }

  @Test
  void aContractLimitsWhatACallChanges() {
    Contract c = new Contract("runtime·f", List.of(Reg.AX), List.of("SP - 64 .. SP"), List.of("AX == entry(DI) + 1"),
        SourcePos.NONE);
    Routine r = routine("runtime·g").frame(16).instr(MOVQ, new Imm(9), Mem.reg(8, SP))
        .instr(CALL, Mem.symbol("runtime·f", 0)).instr(MOVQ, Mem.reg(8, SP), CX).instr(RET)
        .property(PropertySpec.ENSURES, "AX == entry(DI) + 1 && BX == entry(BX) && CX == 9").build();
    Verdict v = verify(r, List.of(c));
    Verify.proved(v);
    assertTrue(v.assumptions().stream().anyMatch(a -> a.startsWith("CALL to runtime·f follows its @Contract")),
        v.assumptions().toString());
  }

  @Test
  void withoutAContractTheCalleeMayChangeEveryRegister() {
    Routine r = routine("runtime·g").instr(CALL, Mem.symbol("runtime·f", 0)).instr(RET)
        .property(PropertySpec.ENSURES, "BX == entry(BX)").build();
    Verdict v = verify(r, List.of());
    Counterexample cex = Verify.violated(v, Violation.Kind.EXPRESSION);
    assertTrue(cex.initial().calls().get(0).registers().get(BX) != cex.registers().get("BX"), cex.summary());
  }

  @Test
  void aContractsWritesHavocOnlyTheirRange() {
    // The callee writes its argument slots: 8(SP) and 16(SP) at its entry, 0(SP) and 8(SP) at the CALL.
    Contract c = new Contract("runtime·f", List.of(), List.of("SP + 8 .. SP + 24"), List.of(), SourcePos.NONE);
    Routine r = routine("runtime·g").frame(128).instr(MOVQ, new Imm(9), Mem.reg(8, SP))
        .instr(MOVQ, new Imm(7), Mem.reg(100, SP)).instr(CALL, Mem.symbol("runtime·f", 0)).instr(RET)
        .property(PropertySpec.ENSURES, "load64(SP - 136 + 100) == 7").build();
    Verify.proved(verify(r, List.of(c)));
    Routine clobbered = routine("runtime·g").frame(128).instr(MOVQ, new Imm(9), Mem.reg(8, SP))
        .instr(CALL, Mem.symbol("runtime·f", 0)).instr(RET)
        .property(PropertySpec.ENSURES, "load64(SP - 136 + 8) == 9").build();
    Verify.violated(verify(clobbered, List.of(c)), Violation.Kind.EXPRESSION);
  }

  @Test
  void readOnlyGlobalsHoldTheirImageWritableOnesAnything() {
    Routine r = routine("·ReadId").instr(MOVQ, Mem.symbol("·Id", 0), AX).instr(RET)
        .property(PropertySpec.ENSURES, "AX == 9527").build();
    DataSymbol.Init init = new DataSymbol.Init(0, 8, new Imm(9527), SourcePos.NONE);
    DataSymbol rodata = new DataSymbol("·Id", TextFlags.RODATA | TextFlags.NOPTR, 8, List.of(init), SourcePos.NONE);
    Program ro = new Program(List.of(r), List.of(rodata), List.of());
    Verdict proved = new Verifier(VerifyOptions.defaults()).verify(ro, r, r.properties().get(0));
    Verify.proved(proved);
    assertTrue(proved.assumptions().contains("RODATA globals hold their DATA images: ·Id"), proved.assumptions().toString());
    DataSymbol writable = new DataSymbol("·Id", TextFlags.NOPTR, 8, List.of(init), SourcePos.NONE);
    Program rw = new Program(List.of(r), List.of(writable), List.of());
    Verify.violated(new Verifier(VerifyOptions.defaults()).verify(rw, r, r.properties().get(0)),
        Violation.Kind.EXPRESSION);
  }

  @Test
  void aReadOnlyGlobalHoldingAnAddressHoldsThatAddress() {
    // runtime·mainPC: DATA runtime·mainPC+0(SB)/8, $runtime·main(SB); GLOBL runtime·mainPC(SB), RODATA, $8
    Routine r = routine("·LoadMainPC").instr(MOVQ, Mem.symbol("runtime·mainPC", 0), AX).instr(RET)
        .property(PropertySpec.ENSURES, "AX == runtime·main").build();
    DataSymbol.Init init = new DataSymbol.Init(0, 8, new SymAddr("runtime·main", 0), SourcePos.NONE);
    DataSymbol mainPC = new DataSymbol("runtime·mainPC", TextFlags.RODATA, 8, List.of(init), SourcePos.NONE);
    Verify.proved(new Verifier(VerifyOptions.defaults())
        .verify(new Program(List.of(r), List.of(mainPC), List.of()), r, r.properties().get(0)));
  }
}
