package dev.rtproof.emulator;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A world to run routines in: the programs (generated or interpreted) placed at deterministic
 * addresses, Java models bound to other symbols, the Linux syscall model and CPUID. Control moves
 * between routines through a trampoline: each executor runs until control leaves its routine and
 * returns the next code address, so CALL, RET, tail JMPs and stack switches need no Java recursion.
 */
public final class Emulator {
  /** The symbol whose call is a trap when nothing is bound to it. */
  public static final String ABORT = "runtime·abort";

  private final TargetProfile profile;
  private final SymbolTable symbols;
  private final Layout layout;
  private final Map<Long, RoutineProgram> programsByBase = new HashMap<>();
  private final Map<String, RoutineProgram> programsBySymbol = new HashMap<>();
  private final Map<String, External> externals = new HashMap<>();
  private final LinuxSyscalls syscalls = new LinuxSyscalls();
  private CpuidModel cpuid = CpuidModel.genuineIntel();

  public Emulator(Collection<? extends RoutineProgram> programs) {
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
    this.symbols = SymbolTable.of(routines, profile);
    this.layout = new Layout(symbols);
    for (RoutineProgram p : programs) {
      programsByBase.put(layout.address(p.routine().symbol()), p);
    }
  }

  /** Builds an emulator that interprets {@code routines}. */
  public static Emulator interpreting(Collection<Routine> routines) {
    List<RoutineProgram> programs = new ArrayList<>();
    for (Routine r : routines) {
      programs.add(new Interpreter(r));
    }
    return new Emulator(programs);
  }

  /** Binds a Java model to {@code symbol}; calls to it run the model instead of trapping. */
  public Emulator bind(String symbol, External model) {
    if (!layout.textSymbols().containsKey(symbol)) {
      throw new IllegalArgumentException(symbol + " is not called by any routine here");
    }
    externals.put(symbol, model);
    return this;
  }

  public Emulator cpuid(CpuidModel model) {
    this.cpuid = model;
    return this;
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

  public LinuxSyscalls syscalls() {
    return syscalls;
  }

  CpuidModel cpuid() {
    return cpuid;
  }

  /** A fresh machine: the stack and every data symbol mapped (zeroed), SP at {@link Layout#INITIAL_SP}. */
  public Machine newMachine() {
    Memory memory = new Memory();
    memory.map("stack", Layout.STACK_TOP - Layout.STACK_SIZE, Layout.STACK_SIZE);
    for (Map.Entry<String, Long> e : layout.dataSymbols().entrySet()) {
      memory.map(e.getKey(), e.getValue(), layout.dataSize(e.getKey()));
    }
    Machine m = new Machine(memory);
    m.r[dev.rtproof.dsl.ir.Reg.SP.number()] = Layout.INITIAL_SP;
    return m;
  }

  /**
   * Calls {@code symbol} on {@code m}: pushes a return address that ends the run, then executes until
   * control returns there, the program exits, or it traps.
   */
  public RunResult run(Machine m, String symbol) {
    Context cx = new Context(m, this);
    long start = m.steps;
    try {
      m.push(Layout.HALT);
      return loop(cx, layout.address(symbol), start);
    } catch (MachineFault f) {
      return new RunResult(m, trap(m, f), null, m.steps - start);
    }
  }

  private RunResult loop(Context cx, long address, long start) {
    Machine m = cx.m;
    try {
      while (address != Layout.HALT) {
        address = step(cx, address);
      }
      return new RunResult(m, null, null, m.steps - start);
    } catch (MachineFault f) {
      return new RunResult(m, trap(m, f), null, m.steps - start);
    } catch (ProgramExit e) {
      return new RunResult(m, null, e.status, m.steps - start);
    }
  }

  private long step(Context cx, long address) {
    long base = address - Math.floorMod(address - Layout.TEXT_BASE, Layout.TEXT_STRIDE);
    RoutineProgram p = programsByBase.get(base);
    if (p != null) {
      int index = (int) (address - base);
      if (index >= p.lowered().size()) {
        throw new MachineFault(Trap.Kind.BAD_JUMP, "jump to " + Trap.hex(address) + ", past the end of "
            + p.routine().symbol(), address);
      }
      cx.base = base;
      cx.m.routine = p.routine().symbol();
      return p.execute(cx, index);
    }
    String symbol = layout.textSymbolAt(address);
    if (symbol != null && address == layout.address(symbol)) {
      External model = externals.get(symbol);
      if (model != null) {
        model.call(cx.m, this);
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
    RoutineProgram p = programsBySymbol.get(m.routine);
    if (p != null && m.index >= 0 && m.index < p.lowered().size()) {
      pos = p.lowered().at(m.index).pos();
    }
    return new Trap(f.kind, f.getMessage(), f.address, m.routine, m.index, pos);
  }
}
