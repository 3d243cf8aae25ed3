package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.Unreachable;

/** The small routines of Go 1.19's asm_amd64.s that start and end goroutines: mstart, goexit, abort. */
@Routines(target = Target.GO1_19)
final class Mstart {
  private Mstart() {}

  /** mstart is the entry-point for new Ms. It is written in assembly, uses ABI0, is marked TOPFRAME. */
  @Routine(symbol = "runtime·mstart", flags = NOSPLIT | TOPFRAME)
  static void mstart() {
    CALL(sym("runtime·mstart0"));
    RET();                                         // not reached
  }

  /**
   * The top-most function running on a goroutine: newproc makes goexit+1 (its CALL) the return address
   * of the goroutine's function, so a returning goroutine calls goexit1.
   */
  @Routine(symbol = "runtime·goexit", flags = NOSPLIT | TOPFRAME, args = 0)
  static void goexit() {
    BYTE($(0x90));                                 // NOP
    CALL(sym("runtime·goexit1"));                  // does not return
    // traceback from goexit1 must hit code range of goexit
    BYTE($(0x90));                                 // NOP
  }

  @Routine(symbol = "runtime·abort", flags = NOSPLIT, args = 0)
  @Unreachable(faults = true)
  static void abort() {
    INT($(3));
    label("loop");
    JMP("loop");
  }
}
