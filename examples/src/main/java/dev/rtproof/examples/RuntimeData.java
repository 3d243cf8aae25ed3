package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.DataSection;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.Target;

/**
 * The runtime globals the bootstrap reads and writes. {@code runtime·mainPC} is declared in asm_amd64.s;
 * the others are Go variables of the runtime (proc.go, runtime2.go, os_linux.go), declared here with
 * their Go 1.19 sizes so the emulator maps them; all start zero, as in a Go binary's BSS.
 */
@Routines(target = Target.GO1_19)
final class RuntimeData {
  private RuntimeData() {}

  @DataSection
  static void globals() {
    // asm_amd64.s: DATA runtime·mainPC+0(SB)/8,$runtime·main<ABIInternal>(SB); GLOBL runtime·mainPC(SB),RODATA,$8
    DATA(sym("runtime·mainPC", 0), 8, $(sym("runtime·main")));
    GLOBL(sym("runtime·mainPC"), RODATA, 8);

    GLOBL(sym("runtime·g0"), NOPTR, g__size);
    GLOBL(sym("runtime·m0"), NOPTR, m__size);
    GLOBL(sym("runtime·sched"), NOPTR, schedt__size);
    GLOBL(sym("runtime·allm"), NOPTR, 8);
    GLOBL(sym("runtime·allp"), NOPTR, 24);            // []*p: data, len, cap
    GLOBL(sym("runtime·gomaxprocs"), NOPTR, 4);
    GLOBL(sym("runtime·ncpu"), NOPTR, 4);
    GLOBL(sym("runtime·argc"), NOPTR, 4);
    GLOBL(sym("runtime·argv"), NOPTR, 8);
    GLOBL(sym("runtime·isIntel"), NOPTR, 1);
    GLOBL(sym("runtime·processorVersionInfo"), NOPTR, 4);
    GLOBL(sym("_cgo_init"), NOPTR, 8);               // nil: a binary without cgo
  }
}
