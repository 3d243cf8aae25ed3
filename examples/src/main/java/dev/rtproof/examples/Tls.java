package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;
import static dev.rtproof.dsl.Linux.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Requires;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.Unreachable;

/**
 * {@code runtime·settls} of {@code sys_linux_amd64.s}, Go 1.19 (reference §3): sets the FS base to
 * {@code DI + 8}, so that {@code -8(FS)} is {@code m.tls[0]}.
 *
 * <p>The no-fault requirement is {@code DI + 8 < 0x7ffffffff000}, not {@code < 2^47}: Linux refuses an FS
 * base at or above TASK_SIZE_MAX = 2^47 − 4096 with -EPERM, and settls then takes its crash path.
 */
@Routines(target = Target.GO1_19)
final class Tls {
  private Tls() {}

  @Routine(symbol = "runtime·settls", flags = NOSPLIT, frame = 32)
  @StackBalanced
  @Requires("DI + 8 < 0x7ffffffff000")
  @Unreachable(faults = true)
  @Ensures("FS == entry(DI) + 8")
  static void settls() {
    ADDQ($(8), DI);                    // ELF wants to use -8(FS)
    MOVQ(DI, SI);
    MOVQ($(0x1002), DI);               // ARCH_SET_FS
    MOVQ($(SYS_arch_prctl), AX);
    SYSCALL();
    CMPQ(AX, $(0xfffffffffffff001L));
    JLS(pc(2));
    MOVL($(0xf1), abs(0xf1));          // crash
    RET();
  }
}
