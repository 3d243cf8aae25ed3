package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.rtproof.dsl.ir.Imm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Constant expressions fold with cmd/asm's grammar (not C's) and 64-bit wrapping. */
class AsmExprTest {
  private static AsmRoutine routine(String immediate) throws AsmException {
    return AsmParser.parse("t.s", "#include \"go_asm.h\"\n#define LOCAL 8\nTEXT ·f(SB), $0\n\tMOVQ $" + immediate
        + ", AX\n\tRET\n", AsmParser.Options.defaults()).routines().get(0);
  }

  private static long fold(String immediate) throws AsmException {
    return ((Imm) routine(immediate).routine().instrs().get(0).arg(0)).value();
  }

  @ParameterizedTest(name = "${0} = {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
      "0x123; 291", "017; 15", "0o17; 15", "0b101; 5", "1_000; 1000", "'a'; 97", "'\\n'; 10",
      "~15; -16", "-(2+2); -4", "(5*8); 40", "(4*8+7); 39", "(-64*1024+104); -65432",
      "2+3*4; 14", "1<<1|1<<2; 6", "(1 << 1 | 1 << 2); 6",
      // | and ^ bind like +, & like *: Go's grammar
      "6|1^3; 4", "1+6&3; 3", "(2+2)<<2; 16", "0xff>>4; 15", "2*3>>1; 3",
      "7/2; 3", "7%4; 3", "0x8000000000000000-1; 9223372036854775807", "0xfffffffffffff001; -4095",
      "const__StackGuard-const__StackSmall; 800", "(g_sched+gobuf_pc); 64", "LOCAL*LOCAL; 64"})
  void folds(String expression, long value) throws AsmException {
    assertEquals(value, fold(expression));
  }

  @Test
  void aMacroThatIsOneFactorKeepsItsName() throws AsmException {
    AsmExpr e = routine("(g_sched+gobuf_sp)").number(0, 0);
    AsmExpr.Binary sum = (AsmExpr.Binary) assertInstanceOf(AsmExpr.Paren.class, e).inner();
    assertEquals(new AsmExpr.Named("g_sched", "go_asm.h", new AsmExpr.Literal("56", 56)), sum.left());
    assertEquals("gobuf_sp", assertInstanceOf(AsmExpr.Named.class, sum.right()).name());
    assertEquals("LOCAL", assertInstanceOf(AsmExpr.Named.class, routine("LOCAL").number(0, 0)).name());
    assertEquals(null, assertInstanceOf(AsmExpr.Named.class, routine("LOCAL").number(0, 0)).header());
  }
}
