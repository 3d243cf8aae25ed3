package dev.rtproof.examples;

import static dev.rtproof.dsl.Amd64.*;

import dev.rtproof.dsl.Ensures;
import dev.rtproof.dsl.Routine;
import dev.rtproof.dsl.Routines;
import dev.rtproof.dsl.StackBalanced;
import dev.rtproof.dsl.Target;

/**
 * The entry point of a linux/amd64 Go 1.19 binary (rt0_linux_amd64.s and asm_amd64.s): the kernel starts
 * the process at {@code _rt0_amd64_linux} with SP at argc, then argv, envp and the auxiliary vector.
 * Both tail-call on with the stack as the kernel left it; {@code _rt0_amd64} hands rt0_go argc in DI and
 * argv (the address of argv[0]) in SI.
 */
@Routines(target = Target.GO1_19)
final class Rt0Linux {
  private Rt0Linux() {}

  @Routine(symbol = "_rt0_amd64_linux", flags = NOSPLIT, frame = -8)
  @StackBalanced
  static void rt0_amd64_linux() {
    JMP(sym("_rt0_amd64"));
  }

  /**
   * _rt0_amd64 is common startup code for most amd64 systems when using internal linking. The stack
   * holds the number of arguments and the C-style argv.
   */
  @Routine(symbol = "_rt0_amd64", flags = NOSPLIT, frame = -8)
  @StackBalanced
  @Ensures("DI == load64(SP) && SI == SP + 8")
  static void rt0_amd64() {
    MOVQ(mem(0, SP), DI);                          // argc
    LEAQ(mem(8, SP), SI);                          // argv
    JMP(sym("runtime·rt0_go"));
  }
}
