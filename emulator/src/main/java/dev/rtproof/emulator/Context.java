package dev.rtproof.emulator;

/**
 * What an executing routine sees besides the machine: where it is placed, the other symbols, and the
 * operating system. One per run; passed to {@link RoutineProgram#execute}.
 */
public final class Context {
  public final Machine m;
  final Emulator emulator;
  /** The code address of instruction 0 of the routine executing now. */
  public long base;

  Context(Machine m, Emulator emulator) {
    this.m = m;
    this.emulator = emulator;
  }

  /** The address of a code or data symbol. */
  public long symbol(String name) {
    return emulator.layout().address(name);
  }

  /** Executes SYSCALL at instruction {@code index}. */
  public void syscall(int index) {
    emulator.syscalls().execute(m, base + index + 1);
  }

  /** Executes CPUID from the configured model. */
  public void cpuid() {
    emulator.cpuid().execute(m);
  }

  /** Records the executing instruction (for trap locations) and counts it. */
  public void at(int index) {
    m.index = index;
    m.tick();
  }

  /** Stops the run with a trap of {@code kind}. */
  public RuntimeException trap(Trap.Kind kind, String message, long address) {
    throw new MachineFault(kind, message, address);
  }

  /** Control ran past the last instruction of the routine. */
  public long fellOffEnd(String routine) {
    throw new MachineFault(Trap.Kind.BAD_JUMP, "execution ran past the last instruction of " + routine, base);
  }
}
