package dev.rtproof.emulator;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A world to run routines in: the programs (generated or interpreted) placed at deterministic
 * addresses, Java models bound to other symbols, the globals and declared regions, the Linux syscall
 * model and CPUID. Control moves between routines through a trampoline: each executor runs until
 * control leaves its routine and returns the next code address, so CALL, RET, tail JMPs and stack
 * switches need no Java recursion.
 */
public final class Emulator {
  /** The symbol whose call is a trap when nothing is bound to it. */
  public static final String ABORT = "runtime·abort";

  private final TargetProfile profile;
  private final SymbolTable symbols;
  private final Layout layout;
  /** Programs by text slot ({@code (base − TEXT_BASE) / TEXT_STRIDE}), with their resolved symbols. */
  private final Placed[] placed;
  private final Map<String, RoutineProgram> programsBySymbol = new HashMap<>();
  private final Map<String, External> externals = new HashMap<>();
  private final List<DataSymbol> data;
  private final List<Region> userRegions = new ArrayList<>();
  private final LinuxSyscalls syscalls = new LinuxSyscalls();
  private CpuidModel cpuid = CpuidModel.genuineIntel();
  private boolean tracing;
  StepObserver observer;

  /** A program at its base address, with the addresses of the symbols its code uses. */
  record Placed(RoutineProgram program, long base, long[] addresses) {}

  public Emulator(Collection<? extends RoutineProgram> programs) {
    this(programs, List.of());
  }

  /**
   * An emulator for {@code programs} with the globals {@code data} ({@code GLOBL}/{@code DATA}): each is
   * mapped at its symbol's address with its declared size, and its {@code DATA} image is loaded into every
   * new machine.
   */
  public Emulator(Collection<? extends RoutineProgram> programs, Collection<DataSymbol> data) {
    this(programs, data, Map.of());
  }

  /**
   * Like {@link #Emulator(Collection, Collection)}, with the data symbols of {@code placement} at the given
   * addresses (see {@link Layout}): a replayed counterexample places them where the solver did.
   */
  public Emulator(Collection<? extends RoutineProgram> programs, Collection<DataSymbol> data,
      Map<String, Long> placement) {
    this.data = List.copyOf(data);
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("no programs");
    }
    List<Routine> routines = new ArrayList<>();
    String target = null;
    for (RoutineProgram p : programs) {
      Routine r = p.routine();
      if (target != null && !target.equals(r.target())) {
        throw new IllegalArgumentException("routines for different targets: " + target + " and " + r.target());
      }
      target = r.target();
      if (programsBySymbol.put(r.symbol(), p) != null) {
        throw new IllegalArgumentException("two programs for " + r.symbol());
      }
      routines.add(r);
    }
    this.profile = Target.valueOf(target).profile();
    this.symbols = SymbolTable.of(routines, this.data, profile);
    this.layout = new Layout(symbols, placement);
    this.placed = new Placed[layout.textSymbols().size()];
    for (RoutineProgram p : programs) {
      long base = layout.address(p.routine().symbol());
      List<String> used = p.symbolsUsed();
      long[] addresses = new long[used.size()];
      for (int i = 0; i < addresses.length; i++) {
        addresses[i] = layout.address(used.get(i));
      }
      placed[(int) ((base - Layout.TEXT_BASE) / Layout.TEXT_STRIDE)] = new Placed(p, base, addresses);
    }
  }

  /** Builds an emulator that interprets {@code routines}. */
  public static Emulator interpreting(Collection<Routine> routines) {
    return interpreting(routines, List.of());
  }

  /** Builds an emulator that interprets {@code routines}, with the globals {@code data}. */
  public static Emulator interpreting(Collection<Routine> routines, Collection<DataSymbol> data) {
    List<RoutineProgram> programs = new ArrayList<>();
    for (Routine r : routines) {
      programs.add(new Interpreter(r));
    }
    return new Emulator(programs, data);
  }

  /** Binds a Java model to {@code symbol}; calls and jumps to it run the model instead of trapping. */
  public Emulator bind(String symbol, External model) {
    if (!layout.textSymbols().containsKey(symbol)) {
      throw new IllegalArgumentException(symbol + " is not called by any routine here");
    }
    if (programsBySymbol.containsKey(symbol)) {
      throw new IllegalArgumentException(symbol + " is a routine of this program; it cannot also be a model");
    }
    externals.put(symbol, model);
    return this;
  }

  /** Calls {@code o} before every instruction (null: nobody). */
  public Emulator observe(StepObserver o) {
    this.observer = o;
    return this;
  }

  public Emulator cpuid(CpuidModel model) {
    this.cpuid = model;
    return this;
  }

  /** Records a {@link Trace} of every following run ({@link RunResult#trace()}). */
  public Emulator tracing(boolean on) {
    this.tracing = on;
    return this;
  }

  /**
   * Declares a region of memory that every new machine maps (zeroed) besides the stack and the symbols,
   * e.g. a heap or a second stack a test hands to a routine. It must not overlap them.
   */
  public Emulator region(String name, long start, long size) {
    userRegions.add(new Region(name, start, size, false));
    try {
      memory();
    } catch (IllegalArgumentException e) {
      userRegions.remove(userRegions.size() - 1);
      throw e;
    }
    return this;
  }

  /** The regions declared with {@link #region}. */
  public List<Region> regions() {
    return Collections.unmodifiableList(userRegions);
  }

  public Layout layout() {
    return layout;
  }

  public SymbolTable symbols() {
    return symbols;
  }

  public TargetProfile profile() {
    return profile;
  }

  /** The program of routine {@code symbol}, or null. */
  public RoutineProgram program(String symbol) {
    return programsBySymbol.get(symbol);
  }

  LinuxSyscalls syscalls() {
    return syscalls;
  }

  CpuidModel cpuid() {
    return cpuid;
  }

  /**
   * A fresh machine: the stack (with an unmapped guard page below it), every data symbol at its address
   * with its {@code DATA} image (others zeroed), the declared regions, and SP at {@link Layout#INITIAL_SP}.
   */
  public Machine newMachine() {
    Machine m = new Machine(memory());
    for (DataSymbol d : data) {
      DataImage.load(m, d, layout);
    }
    m.r[Reg.SP.number()] = Layout.INITIAL_SP;
    return m;
  }

  private Memory memory() {
    Memory memory = new Memory();
    memory.map(Layout.STACK, Layout.STACK_TOP - Layout.STACK_SIZE, Layout.STACK_SIZE);
    memory.guard(Layout.STACK_GUARD, Layout.STACK_TOP - Layout.STACK_SIZE - Region.PAGE_SIZE, Region.PAGE_SIZE);
    for (Map.Entry<String, Long> e : layout.dataSymbols().entrySet()) {
      memory.map(e.getKey(), e.getValue(), layout.dataSize(e.getKey()));
    }
    for (Region r : userRegions) {
      memory.map(r.name(), r.start(), r.size());
    }
    return memory;
  }

  /**
   * Calls {@code symbol} on {@code m}: pushes a return address that ends the run, then executes until
   * control returns there, the program exits, or it traps.
   */
  public RunResult run(Machine m, String symbol) {
    return execute(m, symbol, true);
  }

  /**
   * Starts executing at {@code symbol} as a process entry point does: nothing is pushed, so SP is what the
   * caller set up (for {@code _rt0_amd64_linux}, the kernel's stack with argc at {@code 0(SP)}).
   */
  public RunResult enter(Machine m, String symbol) {
    return execute(m, symbol, false);
  }

  private RunResult execute(Machine m, String symbol, boolean call) {
    Tracer tracer = tracing ? new Tracer(m) : null;
    Context cx = new Context(m, this, tracer);
    long start = m.steps;
    RunResult result;
    try {
      if (call) {
        m.push(Layout.HALT);
      }
      long address = layout.address(symbol);
      while (address != Layout.HALT) {
        address = step(cx, address);
      }
      result = new RunResult(m, null, null, m.steps - start, null);
    } catch (MachineFault f) {
      result = new RunResult(m, trap(m, f), null, m.steps - start, null);
    } catch (ProgramExit e) {
      result = new RunResult(m, null, e.status, m.steps - start, null);
    }
    if (tracer != null) {
      result = result.withTrace(tracer.finish(result.trap(), result.exitStatus()));
    }
    return result;
  }

  private long step(Context cx, long address) {
    long slot = (address - Layout.TEXT_BASE) / Layout.TEXT_STRIDE;
    if (address >= Layout.TEXT_BASE && slot < placed.length && placed[(int) slot] != null) {
      Placed p = placed[(int) slot];
      int index = (int) (address - p.base);
      if (index >= p.program.lowered().size()) {
        throw new MachineFault(Trap.Kind.BAD_JUMP, "jump to " + Trap.hex(address) + ", past the end of "
            + p.program.routine().symbol(), address);
      }
      cx.enter(p);
      return cx.tracing() ? p.program.executePrecise(cx, index) : p.program.execute(cx, index);
    }
    String symbol = layout.textSymbolAt(address);
    if (symbol != null && address == layout.address(symbol)) {
      External model = externals.get(symbol);
      if (model != null) {
        if (cx.tracer != null) {
          cx.tracer.external(symbol);
        }
        model.call(new ExternalCall(cx.m, this, symbol));
        return cx.m.pop();
      }
      if (symbol.equals(ABORT)) {
        throw new MachineFault(Trap.Kind.ABORT, "call to " + ABORT, address);
      }
      throw new MachineFault(Trap.Kind.UNBOUND_SYMBOL, "call or jump to " + symbol
          + ", which has no routine and no bound model", address);
    }
    throw new MachineFault(Trap.Kind.BAD_JUMP, "control transfer to " + Trap.hex(address)
        + ", which is not code", address);
  }

  private Trap trap(Machine m, MachineFault f) {
    SourcePos pos = SourcePos.NONE;
    String instruction = "";
    RoutineProgram p = programsBySymbol.get(m.routine);
    if (p != null && m.index >= 0 && m.index < p.lowered().size()) {
      pos = p.lowered().at(m.index).pos();
      instruction = p.lowered().at(m.index).toString();
    }
    return new Trap(f.kind, f.getMessage(), f.address, f.access, f.width, m.routine, m.index, instruction, pos);
  }
}
