package dev.rtproof.emulator;

/**
 * A Java model of a routine the DSL does not define (a runtime function, a C function), bound to its
 * symbol with {@link Emulator#bind}. Calls and jumps to the symbol run the model instead of trapping.
 *
 * <p>The model sees the machine as the CALL left it, through {@link ExternalCall}: the return address at
 * {@code 0(SP)}, ABI0 arguments above it ({@link ExternalCall#arg}), register arguments in registers. When
 * {@link #call} returns normally the emulator executes a RET for it; the model may instead end the run
 * with {@link ExternalCall#exit} or {@link ExternalCall#trap}. Models do not count as executed steps.
 *
 * <pre>{@code
 * emulator.bind("runtime·check", call -> call.result(8, call.arg(0) + 1));   // func check(x int) int
 * emulator.bind("runtime·exit", call -> call.exit(call.arg(0)));
 * emulator.bind("runtime·badmcall", call -> call.trap("badmcall: g is g0"));
 * }</pre>
 */
@FunctionalInterface
public interface External {
  void call(ExternalCall call);
}
