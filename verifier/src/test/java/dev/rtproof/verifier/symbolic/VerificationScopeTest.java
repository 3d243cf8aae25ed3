package dev.rtproof.verifier.symbolic;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which data symbols become regions of a verification: those it can name, nothing else. */
class VerificationScopeTest {
  private static Routine.Builder routine(String symbol) {
    return Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT);
  }

  private static final Routine READS_G0 = routine("·readsG0").instr(MOVQ, Mem.symbol("runtime·g0", 0), AX)
      .instr(CALL, new SymAddr("·helper", 0)).instr(RET).property(PropertySpec.STACK_BALANCE).build();
  private static final Routine HELPER = routine("·helper").instr(MOVQ, AX, Mem.symbol("·counter", 0)).instr(RET).build();
  private static final Routine REQUIRES_G0 = routine("·requiresG0").requires("load64(runtime.g0) == AX")
      .instr(RET).property(PropertySpec.STACK_BALANCE).build();
  private static final Routine READS_TABLE = routine("·readsTable").instr(MOVQ, Mem.symbol("·table", 0), AX)
      .instr(RET).property(PropertySpec.ENSURES, "FS == entry(FS)").build();
  private static final Routine UNCALLED = routine("·uncalled").instr(MOVQ, Mem.symbol("·unused", 0), AX)
      .instr(MOVQ, Mem.tls(0, CX), AX).instr(RET).property(PropertySpec.STACK_BALANCE).build();
  /** ·table holds the address of ·target. */
  private static final DataSymbol TABLE = new DataSymbol("·table", TextFlags.RODATA, 8,
      List.of(new DataSymbol.Init(0, 8, new SymAddr("·target", 0), SourcePos.NONE)), SourcePos.NONE);
  private static final DataSymbol TARGET = new DataSymbol("·target", TextFlags.NOPTR, 8, List.of(), SourcePos.NONE);
  private static final Program PROGRAM = new Program(List.of(READS_G0, HELPER, REQUIRES_G0, READS_TABLE, UNCALLED),
      List.of(TABLE, TARGET), List.of());

  private static VerificationScope scope(Routine r) {
    return VerificationScope.of(PROGRAM, r, r.properties().get(0));
  }

  @Test
  void symbolsOfTheRoutineAndOfWhatItCalls() {
    assertEquals(Set.of("runtime·g0", "·counter"), scope(READS_G0).dataSymbols());
    assertFalse(scope(READS_G0).threadModel());
  }

  @Test
  void symbolsTheRequirementsNameInEitherSpelling() {
    assertEquals(Set.of("runtime·g0"), scope(REQUIRES_G0).dataSymbols());
  }

  @Test
  void symbolsWhoseAddressesAnImageHoldsAndTheThreadModelForAnExpressionOnFs() {
    VerificationScope s = scope(READS_TABLE);
    assertEquals(Set.of("·table", "·target"), s.dataSymbols());
    assertTrue(s.threadModel(), "the property reads FS");
  }

  @Test
  void aRoutineThatUsesTlsGetsTheThreadModel() {
    assertEquals(Set.of("·unused"), scope(UNCALLED).dataSymbols());
    assertTrue(scope(UNCALLED).threadModel());
  }

  @Test
  void theEnvironmentHasRegionsForTheScopeOnly() {
    try (com.microsoft.z3.Context ctx = new com.microsoft.z3.Context()) {
      Environment env = new Environment(new Smt(ctx), PROGRAM, scope(READS_G0));
      assertEquals(Set.of("stack", "runtime·g0", "·counter"),
          env.regions().stream().map(Environment.Region::name).collect(java.util.stream.Collectors.toSet()));
      assertTrue(env.knows("runtime·g0"));
      assertFalse(env.knows("·unused"), "a symbol nothing in this verification names has no region");
    }
  }

  @Test
  void everyVerdictSaysWhichMemoryIsMapped() {
    dev.rtproof.verifier.Verdict v = new dev.rtproof.verifier.Verifier(dev.rtproof.verifier.VerifyOptions.defaults())
        .verify(PROGRAM, READS_G0, READS_G0.properties().get(0));
    assertTrue(v.assumptions().contains("mapped memory is only stack, runtime·g0, ·counter; an access anywhere else"
        + " faults"), v.assumptions().toString());
  }
}
