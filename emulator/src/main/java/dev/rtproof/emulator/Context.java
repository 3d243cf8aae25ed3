package dev.rtproof.emulator;

/**
 * What an executing routine sees besides the machine: where it is placed, the addresses of the symbols
 * it uses, the operating system, and the tracer. One per run; passed to {@link RoutineProgram#execute}.
 * Generated programs call these methods; they are public for that reason, not for users.
 */
public final class Context {
  public final Machine m;
  final Emulator emulator;
  final Tracer tracer;
  private RoutineProgram program;
  /** The code address of instruction 0 of the routine executing now. */
  public long base;
  /** The addresses of {@link RoutineProgram#symbolsUsed()} of the routine executing now, in that order. */
  public long[] addresses;
  /** Where control goes when a generated program's part hands back -1: the code address it leaves to. */
  public long leaveTo;

  Context(Machine m, Emulator emulator, Tracer tracer) {
    this.m = m;
    this.emulator = emulator;
    this.tracer = tracer;
  }

  void enter(Emulator.Placed p) {
    program = p.program();
    base = p.base();
    addresses = p.addresses();
    m.routine = program.routine().symbol();
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

  /** Executes XGETBV from the configured model. */
  public void xgetbv() {
    emulator.cpuid().xgetbv(m);
  }

  /** True while a trace is recorded or an observer watches: executors must then run instruction by instruction. */
  public boolean tracing() {
    return tracer != null || emulator.observer != null;
  }

  /**
   * Starts instruction {@code index}: records where execution is (for trap locations), counts it
   * against the step limit, and reports it to the tracer.
   */
  public void at(int index) {
    m.index = index;
    m.tick();
    if (tracer != null) {
      tracer.begin(program, index);
    }
    if (emulator.observer != null) {
      emulator.observer.before(m, m.routine, index);
    }
  }

  /**
   * Records the state a fast executor kept to itself: {@code steps} executed so far and the index of
   * the instruction executing (for trap locations) or last executed (when control leaves the routine).
   */
  public void sync(long steps, int index) {
    m.steps = steps;
    m.index = index;
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
