package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.DataSection;
import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Go;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;

/**
 * Seed 003's Go assembly basics: a global defined byte by byte ({@code ·Id}, 9527), functions whose
 * arguments and results are addressed through the FP pseudo-register ({@code ·Swap}), and the argument
 * layout gc gives {@code func Foo(a bool, b int16) (c []byte)}: a at 0, one byte of padding, b at 2, c at
 * 8 (c_base), 16 (c_len) and 24 (c_cap).
 *
 * <p>The seed's own Foo reads every argument with 8-byte {@code MOVEQ}s; {@code MOVQ a+0(FP), AX} is an
 * 8-byte read of a 1-byte bool, which {@code go vet} rejects and rtproof reports as a {@code frame-layout}
 * violation ({@code Seed003Test} compiles it). The Foo here reads each argument with its own width and
 * returns a nil slice.
 */
@Routines(target = Target.GO1_19)
final class Seed003 {
  private Seed003() {}

  /** var Id = 9527, little-endian, one byte at a time. */
  @DataSection
  static void id() {
    GLOBL(sym("·Id"), NOPTR, 8);
    DATA(sym("·Id", 0), 1, $(0x37));
    DATA(sym("·Id", 1), 1, $(0x25));
    DATA(sym("·Id", 2), 1, $(0x00));
    DATA(sym("·Id", 3), 1, $(0x00));
    DATA(sym("·Id", 4), 1, $(0x00));
    DATA(sym("·Id", 5), 1, $(0x00));
    DATA(sym("·Id", 6), 1, $(0x00));
    DATA(sym("·Id", 7), 1, $(0x00));
  }

  /** Returns Id. */
  @Routine(symbol = "·GetId", flags = NOSPLIT, args = 8)
  @Go("func GetId() int")
  @Ensures("load64(SP + 8) == load64(·Id)")
  static void getId() {
    MOVQ(sym("·Id"), AX);
    MOVQ(AX, arg("ret", 0));
    RET();
  }

  /** func Swap(a, b int) (int, int): the results are the arguments swapped. */
  @Routine(symbol = "·Swap", flags = NOSPLIT, args = 32)
  @Go("func Swap(a, b int) (int, int)")
  @StackBalanced
  @Ensures("load64(SP + 24) == load64(SP + 16) && load64(SP + 32) == load64(SP + 8)")
  static void swap() {
    MOVQ(arg("a", 0), AX);
    MOVQ(arg("b", 8), BX);
    MOVQ(BX, arg("ret", 16));
    MOVQ(AX, arg("ret1", 24));
    RET();
  }

  /** func Foo(a bool, b int16) (c []byte): reads a and b at their offsets and widths, returns nil. */
  @Routine(symbol = "·Foo", args = 32)
  @Go("func Foo(a bool, b int16) (c []byte)")
  @Ensures("(AX & 0xff) == load8(SP + 8) && (BX & 0xffff) == load16(SP + 10)")
  @Ensures("load64(SP + 16) == 0 && load64(SP + 24) == 0 && load64(SP + 32) == 0")
  static void foo() {
    MOVB(arg("a", 0), AX);                         // a
    MOVW(arg("b", 2), BX);                         // b
    MOVQ($(0), arg("c_base", 8));                  // c.Data
    MOVQ($(0), arg("c_len", 16));                  // c.Len
    MOVQ($(0), arg("c_cap", 24));                  // c.Cap
    RET();
  }
}
