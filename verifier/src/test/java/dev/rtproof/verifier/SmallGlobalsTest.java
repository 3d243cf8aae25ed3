package dev.rtproof.verifier;

import static dev.rtproof.dsl.ir.Op.*;
import static dev.rtproof.dsl.ir.Reg.*;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.verifier.replay.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A global smaller than an access (a 1-byte bool, a 4-byte int32 read with MOVQ) holds no part of it: the
 * region check {@code offset <= size - bytes} must not wrap around and admit every address.
 */
class SmallGlobalsTest {
  /** Like runtime·isIntel: GLOBL runtime·isIntel(SB), NOPTR, $1. */
  private static final DataSymbol FLAG = new DataSymbol("runtime·isIntel", TextFlags.NOPTR, 1, List.of(),
      SourcePos.NONE);

  private static Verdict noFault(Routine.Builder b) {
    Routine r = b.property(PropertySpec.NO_FAULT).build();
    return new Verifier(VerifyOptions.defaults()).verify(new Program(List.of(r), List.of(FLAG), List.of()), r,
        r.properties().get(0));
  }

  @Test
  void aOneByteGlobalDoesNotMapEveryFourByteStore() {
    Verify.violated(noFault(AlignmentAndBalanceTest.routine("runtime·crash")
        .instr(MOVL, new Imm(0xf1), Mem.absolute(0xf1)).instr(RET)), Violation.Kind.FAULT);
  }

  @Test
  void aFourByteLoadOfAOneByteGlobalRunsPastItsEnd() {
    Verify.violated(noFault(AlignmentAndBalanceTest.routine("runtime·wide")
        .instr(MOVL, Mem.symbol("runtime·isIntel", 0), AX).instr(RET)), Violation.Kind.FAULT);
  }

  @Test
  void aOneByteLoadOfItIsFine() {
    Verify.proved(noFault(AlignmentAndBalanceTest.routine("runtime·narrow")
        .instr(MOVB, Mem.symbol("runtime·isIntel", 0), AL).instr(RET)));
  }
}
