package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go116.*;

import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.StackGuard;
import dev.rtproof.dsl.Target;

/**
 * Seed 000's {@code main.test_FP_SP}: the compiler's huge-frame stack check of Go ≤ 1.16 (framesize 0x1018,
 * StackGuard 880 in the Go release the seed disassembled) spelled out by hand, instruction for instruction
 * from the seed's gdb listing ({@code objdump} order: Go writes {@code CMPQ SI, $StackPreempt} for
 * {@code cmp $0xfffffffffffffade,%rsi}), followed by the seed's body and the morestack stub.
 *
 * <p>The check computes {@code SP + 880 − stackguard0} and compares it with {@code framesize + 880 − 128}
 * (0x1308). The +880 bias keeps the left side positive while SP is at most 880 bytes below the guard;
 * further below, the subtraction wraps around to a huge value that passes the compare. So the check is
 * only right under the precondition {@code stackguard0 ≤ SP + StackGuard}, which the runtime keeps (SP is
 * "allowed to be slightly below stackguard", say obj6.go's comments) and which leaves only StackPreempt
 * among the poison values — hence its separate compare, and Go 1.17's switch to {@code SUBQ}/{@code JCS}.
 *
 * <p>The code is Go 1.16's (g comes from TLS, R14 is not g), so the target is GO1_16 and the stub calls Go 1.16's
 * morestack, {@code go116·morestack_noctxt}: the examples keep Go 1.16's runtime in the package {@code go116}
 * apart from Go 1.19's {@code runtime}, whose morestack (an example, with Go 1.19's requirements) is not this
 * routine's. morestack restarts the routine on a bigger stack, another entry, so the proof stops there.
 *
 * <p>Without the {@code @Requires}, rtproof reports {@code stackguard} VIOLATED at the body's first
 * instruction ({@code SUBQ $0x1018, SP}) with this counterexample (Z3 4.14.1): SP = 0x7fffeffff000 at
 * entry and stackguard0 = 0x80fc0000000000, a guard far above SP that is no poison value. Then
 * {@code LEAQ 880(SP), AX; SUBQ SI, AX} wraps around to AX = 0xff7f83ffeffff370, {@code CMPQ AX, $0x1308;
 * JLS} does not branch, and the body builds its 0x1018-byte frame below the guard. The emulator replays the
 * counterexample along exactly that path, get_tls through the JLS to the SUBQ ({@code HugeFramePrologueTest}
 * asserts it, and that the mutants {@code JLS}→{@code JCS} and 0x1308→0x1307 are VIOLATED even with the
 * precondition).
 */
@Routines(target = Target.GO1_16)
final class HugeFramePrologue {
  private HugeFramePrologue() {}

  @Routine(symbol = "main·test_FP_SP", flags = NOSPLIT | NOFRAME, frame = 0)
  @StackGuard(frame = 0x1018, body = "body")
  @Requires("load64(load64(FS - 8) + g_stackguard0) <= SP + 880")
  @StackBalanced
  static void testFpSp() {
    label("start");
    get_tls(CX);
    MOVQ(g(CX), CX);                          // mov %fs:0xfffffffffffffff8,%rcx
    MOVQ(mem(g_stackguard0, CX), SI);         // mov 0x10(%rcx),%rsi
    CMPQ(SI, $(0xfffffffffffffadeL));          // StackPreempt
    JEQ("more");
    LEAQ(mem(0x370, SP), AX);                 // SP + StackGuard (880)
    SUBQ(SI, AX);
    CMPQ(AX, $(0x1308));                      // framesize + StackGuard - StackSmall
    JLS("more");
    label("body");
    SUBQ($(0x1018), SP);
    MOVQ(BP, mem(0x1010, SP));
    LEAQ(mem(0x1010, SP), BP);
    LEAQ(mem(0x1010, SP), DI);
    MOVQ(DI, mem(0x1030, SP));
    MOVQ(SP, BP);
    ADDQ($(0x1000), SP);
    LEAQ(mem(0x1010, SP), SI);
    MOVQ(BP, SP);
    MOVQ(SI, mem(0x1038, SP));
    MOVQ(mem(0x1010, SP), BP);
    ADDQ($(0x1018), SP);
    RET();
    label("more");
    CALL(sym("go116·morestack_noctxt"));
    JMP("start");
  }
}
