package dev.rtproof.dsl.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ABI0 argument frames of Go declarations, with asmdecl's names, sizes and offsets. */
class ArgFrameTest {
  private static ArgFrame frame(String decl) throws GoDeclException {
    return ArgFrame.of(GoDecl.parse(decl));
  }

  /** name → "offset/size" for every name of the frame. */
  private static Map<String, String> layout(String decl) throws GoDeclException {
    return frame(decl).vars().values().stream()
        .collect(Collectors.toMap(ArgFrame.Var::name, v -> v.offset() + "/" + v.size()));
  }

  @Test
  void theSeedsFooHasHolesForAlignment() throws GoDeclException {
    ArgFrame f = frame("func Foo(a bool, b int16) (c []byte)");
    assertEquals(Map.of("a", "0/1", "b", "2/2", "c", "8/24", "c_base", "8/8", "c_len", "16/8", "c_cap", "24/8"),
        layout("func Foo(a bool, b int16) (c []byte)"));
    assertEquals(32, f.size());
    assertTrue(f.var("c").result());
    assertEquals("b", f.varAt(3).name());
    assertNull(f.varAt(1), "the hole after a");
  }

  @Test
  void theSeedsSwapNamesItsResultsRetAndRet1() throws GoDeclException {
    assertEquals(Map.of("a", "0/8", "b", "8/8", "ret", "16/8", "ret1", "24/8"),
        layout("func Swap(a, b int) (int, int)"));
    assertEquals(32, frame("func Swap(a, b int) (int, int)").size());
  }

  @Test
  void unnamedParametersAreArgArg1() throws GoDeclException {
    assertEquals(Map.of("arg", "0/4", "arg1", "8/8", "ret", "16/1"), layout("func f(int32, uintptr) bool"));
  }

  @Test
  void resultsStartAtAMultipleOfEightAndTheFrameIsNotRoundedUp() throws GoDeclException {
    assertEquals(Map.of("x", "0/1", "r", "8/1"), layout("func f(x uint8) (r uint8)"));
    // go vet (Go 1.19) on TEXT ·g(SB),NOSPLIT,$0-16: "wrong argument size 16; expected $...-9"
    assertEquals(9, frame("func f(x uint8) (r uint8)").size());
  }

  @Test
  void stringsInterfacesAndComplexNumbersHaveNamedParts() throws GoDeclException {
    Map<String, String> l = layout("func f(s string, e interface{}, i error, z complex64, w complex128, p unsafe.Pointer)");
    assertEquals("0/16", l.get("s"));
    assertEquals("0/8", l.get("s_base"));
    assertEquals("8/8", l.get("s_len"));
    assertEquals("16/8", l.get("e_type"));
    assertEquals("24/8", l.get("e_data"));
    assertEquals("32/8", l.get("i_itable"));
    assertEquals("40/8", l.get("i_data"));
    assertEquals("48/8", l.get("z"));
    assertEquals("48/4", l.get("z_real"));
    assertEquals("52/4", l.get("z_imag"));
    assertEquals("56/16", l.get("w"));
    assertEquals("64/8", l.get("w_imag"));
    assertEquals("72/8", l.get("p"));
  }

  @Test
  void arraysAndStructsAreLaidOutLikeGc() throws GoDeclException {
    Map<String, String> l = layout("func f(a [3]uint16, s struct{ x bool; y int64; z [2]byte }) (ok bool)");
    assertEquals("0/6", l.get("a"));
    assertEquals("4/2", l.get("a_2"));
    assertEquals("8/24", l.get("s"));
    assertEquals("16/8", l.get("s_y"));
    assertEquals("24/1", l.get("s_z_0"));
    assertEquals("25/1", l.get("s_z_1"));
    assertEquals("32/1", l.get("ok"));
  }

  @Test
  void pointersMapsChannelsFuncsAndVariadicsAreWordShaped() throws GoDeclException {
    Map<String, String> l = layout("func f(g *g, m map[string]int, c <-chan int, fn func(int) bool, b *[]byte,"
        + " gp guintptr, rest ...int)");
    assertEquals("0/8", l.get("g"));
    assertEquals("8/8", l.get("m"));
    assertEquals("16/8", l.get("c"));
    assertEquals("24/8", l.get("fn"));
    assertEquals("32/8", l.get("b"));
    assertEquals("40/8", l.get("gp"));
    assertEquals("48/24", l.get("rest"));
    assertEquals("64/8", l.get("rest_cap"));
  }

  @Test
  void aStructEndingInAnEmptyFieldGetsPadding() throws GoDeclException {
    assertEquals("0/16", layout("func f(s struct{ a int64; e struct{} })").get("s"));
  }

  @Test
  void aFuncWithoutParametersHasAnEmptyFrame() throws GoDeclException {
    assertEquals(0, frame("func abort()").size());
  }

  @Test
  void unknownNamedTypesNeedAPointer() {
    GoDeclException e = assertThrows(GoDeclException.class, () -> frame("func gogo(buf gobuf)"));
    assertTrue(e.getMessage().startsWith("unknown type gobuf"), e.getMessage());
    assertEquals(15, e.column());
  }

  @Test
  void malformedDeclarationsSayWhere() {
    assertEquals(1, assertThrows(GoDeclException.class, () -> frame("fun f()")).column());
    assertEquals(11, assertThrows(GoDeclException.class, () -> frame("func f(a, b)")).column() + 3);
    assertThrows(GoDeclException.class, () -> frame("func f(a int, []byte)"));
    assertThrows(GoDeclException.class, () -> frame("func f(a [n]int)"));
    assertThrows(GoDeclException.class, () -> frame("func f(a int"));
    assertThrows(GoDeclException.class, () -> frame("func f() int int"));
    assertThrows(GoDeclException.class, () -> frame("func f(a unsafe.Foo)"));
    assertThrows(GoDeclException.class, () -> frame("func f(a int) # x"));
  }
}
