package dev.rtproof.dsl.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Reg;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprParserTest {
  private final Names names = new Names(Target.GO1_19.profile().constants(), Set.of("_cgo_init"));

  private Expr parse(String s) throws ExprException {
    return ExprParser.parse(s, names);
  }

  @Test
  void goPrecedenceMakesMaskingThenComparingNatural() throws ExprException {
    Expr e = parse("SP & 15 == 0");
    Expr.Binary eq = assertInstanceOf(Expr.Binary.class, e);
    assertEquals(Expr.BinaryOp.EQ, eq.op());
    assertEquals(Expr.BinaryOp.AND, ((Expr.Binary) eq.left()).op());
  }

  @Test
  void namesBindToRegistersConstantsAndSymbols() throws ExprException {
    Expr e = parse("load64(runtime.g0 + g_m) == runtime·m0");
    Expr.Binary eq = (Expr.Binary) e;
    Expr.Load load = (Expr.Load) eq.left();
    Expr.Binary sum = (Expr.Binary) load.address();
    assertEquals(new Expr.SymbolAddress("runtime·g0"), sum.left());
    assertEquals(new Expr.Const("g_m", 48), sum.right());
    assertEquals(new Expr.SymbolAddress("runtime·m0"), eq.right());
    Expr.Binary fs = (Expr.Binary) parse("entry(DI) + 8 == FS");
    assertEquals(new Expr.RegValue(Reg.DI, true), ((Expr.Binary) fs.left()).left());
    assertEquals(new Expr.SegmentBase(Expr.Segment.FS, false), fs.right());
    assertEquals(new Expr.SymbolAddress("_cgo_init"), parse("_cgo_init"));
  }

  @Test
  void signedComparisonsAndImplication() throws ExprException {
    Expr e = parse("AX <s 0 ==> BX >=s 1 && !ZF");
    assertEquals(Expr.BinaryOp.IMPLIES, ((Expr.Binary) e).op());
    assertTrue(e.isBool());
    // "<s" followed by a name character is "<" and a name: stack_lo here, not a signed comparison.
    Expr.Binary lt = (Expr.Binary) parse("AX <stack_lo");
    assertEquals(Expr.BinaryOp.ULT, lt.op());
    assertEquals(new Expr.Const("stack_lo", 0), lt.right());
  }

  @Test
  void numbersAreUnsigned64Bit() throws ExprException {
    assertEquals(new Expr.Num(0xfffffffffffff001L), parse("0xfffffffffffff001"));
    assertEquals(new Expr.Num(-1L), parse("18446744073709551615"));
  }

  @Test
  void mistakesNameTheColumn() {
    ExprException unknown = assertThrows(ExprException.class, () -> parse("AX == nosuch"));
    assertTrue(unknown.getMessage().contains("unknown name 'nosuch'"), unknown.getMessage());
    assertEquals(7, unknown.column());
    ExprException typed = assertThrows(ExprException.class, () -> parse("AX && BX"));
    assertTrue(typed.getMessage().contains("needs conditions"), typed.getMessage());
    assertThrows(ExprException.class, () -> ExprParser.parseCondition("AX + 1", names));
    assertThrows(ExprException.class, () -> parse("load64(AX"));
    assertThrows(ExprException.class, () -> parse("entry(FOO)"));
    assertThrows(ExprException.class, () -> parse("0x1ffffffffffffffff"));
  }
}
