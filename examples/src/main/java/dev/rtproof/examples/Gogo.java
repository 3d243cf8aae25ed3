package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Go;
import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·gogo} and {@code gogo<>} of Go 1.19's asm_amd64.s (reference §7.3): restore a goroutine
 * from its gobuf and jump into it, the longjmp of the scheduler.
 *
 * <p>The proofs resume g0 from {@code g0.sched}, as {@code goexit0} does with {@code gogo(&_g_.m.g0.sched)}
 * (proc.go): the verifier maps the stack, the globals and the current g, so the gobuf and its g are the
 * global {@code runtime·g0}. Both routines end in a tail jump, which is where their postconditions are
 * checked: {@code gogo} hands the gobuf in BX and its g in DX to {@code gogo<>}; {@code gogo<>} jumps to
 * {@code buf.pc} with SP, BP, DX (the closure context) and AX ({@code buf.ret}) loaded from the gobuf, the
 * gobuf's pointers cleared for the garbage collector, and g installed in both TLS and R14.
 *
 * <p>{@code gogo<>}'s claims: no fault; R14 = [FS−8] = g; the jump goes to buf.pc; SP, AX, DX and BP come
 * from the gobuf (checked before the first clearing store), and its sp, ret, ctxt and bp are cleared.
 */
@Routines(target = Target.GO1_19)
final class Gogo {
  private Gogo() {}

  /** gogo(buf *gobuf): restore state from gobuf; longjmp. */
  @Routine(symbol = "runtime·gogo", flags = NOSPLIT, args = 8)
  @Go("func gogo(buf *gobuf)")
  @Requires("load64(SP + 8) == runtime·g0 + g_sched")
  @Requires("load64(runtime·g0 + g_sched + gobuf_g) == runtime·g0")
  @Unreachable(faults = true)
  @Ensures("BX == load64(SP + 8) && DX == load64(BX + gobuf_g)")
  static void gogo() {
    MOVQ(arg("buf", 0), BX);                       // gobuf
    MOVQ(mem(gobuf_g, BX), DX);
    MOVQ(mem(0, DX), CX);                          // make sure g != nil
    JMP(sym("gogo<>"));
  }

  /** The second half of gogo, entered with the gobuf in BX and its g in DX. */
  @Routine(symbol = "gogo<>", flags = NOSPLIT)
  @Requires("BX == runtime·g0 + g_sched")
  @Requires("DX == load64(BX + gobuf_g)")
  @Unreachable(faults = true)
  @Ensures("R14 == entry(DX) && load64(FS - 8) == entry(DX)")
  @Ensures("BX == load64(entry(BX) + gobuf_pc)")
  @Ensures("load64(runtime·g0 + g_sched + gobuf_sp) == 0 && load64(runtime·g0 + g_sched + gobuf_ret) == 0"
      + " && load64(runtime·g0 + g_sched + gobuf_ctxt) == 0 && load64(runtime·g0 + g_sched + gobuf_bp) == 0")
  static void gogo_() {
    get_tls(CX);
    MOVQ(DX, g(CX));
    MOVQ(DX, R14);                                 // set the g register
    MOVQ(mem(gobuf_sp, BX), SP);                   // restore SP
    MOVQ(mem(gobuf_ret, BX), AX);
    MOVQ(mem(gobuf_ctxt, BX), DX);
    MOVQ(mem(gobuf_bp, BX), BP);
    ASSERT("SP == load64(BX + gobuf_sp) && AX == load64(BX + gobuf_ret) && DX == load64(BX + gobuf_ctxt)"
        + " && BP == load64(BX + gobuf_bp)");
    MOVQ($(0), mem(gobuf_sp, BX));                 // clear to help garbage collector
    MOVQ($(0), mem(gobuf_ret, BX));
    MOVQ($(0), mem(gobuf_ctxt, BX));
    MOVQ($(0), mem(gobuf_bp, BX));
    MOVQ(mem(gobuf_pc, BX), BX);
    JMP(BX);
  }
}
