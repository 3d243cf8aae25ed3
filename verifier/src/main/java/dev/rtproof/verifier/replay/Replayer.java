package dev.rtproof.verifier.replay;

import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SplitPrologue;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.emulator.CpuidModel;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.ExprEvaluator;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Layout;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.Memory;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.Trap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Replays a counterexample in the emulator: builds the machine of an {@link InitialState}, runs the
 * routine, and checks the {@link Violation} concretely at its instruction. No Z3: generated playback
 * tests use it as well.
 */
public final class Replayer {
  /** Steps a replay may take before it counts as not reaching the violation. */
  public static final long STEP_LIMIT = 1_000_000;
  /** Trace lines a result keeps: the last ones before the violation. */
  public static final int TRACE_LINES = 200;

  private final List<? extends RoutineProgram> programs;
  private final List<DataSymbol> data;
  private final Map<String, Lowered> lowered = new HashMap<>();

  /** A replayer running {@code programs} with the globals {@code data}. */
  public Replayer(List<? extends RoutineProgram> programs, Collection<DataSymbol> data) {
    this.programs = List.copyOf(programs);
    this.data = List.copyOf(data);
    programs.forEach(p -> lowered.put(p.routine().symbol(), p.lowered()));
  }

  /** A replayer interpreting {@code routines} (the reference semantics) with the globals {@code data}. */
  public static Replayer interpreting(Collection<dev.rtproof.dsl.ir.Routine> routines, Collection<DataSymbol> data) {
    return new Replayer(routines.stream().map(Interpreter::new).collect(Collectors.toList()), data);
  }

  /** A replayer running the generated programs on the classpath that are written for {@code target}. */
  public static Replayer onClasspath(String target) {
    List<RoutineProgram> found = new ArrayList<>();
    for (RoutineProgram p : java.util.ServiceLoader.load(RoutineProgram.class)) {
      if (p.routine().target().equals(target)) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no rtproof programs for " + target + " on the classpath");
    }
    List<DataSymbol> data = new ArrayList<>();
    for (DataSection d : java.util.ServiceLoader.load(DataSection.class)) {
      data.addAll(d.symbols());
    }
    return new Replayer(found, data);
  }

  /** Runs {@code routine} from {@code init}; the result says whether {@code violation} was observed. */
  public ReplayResult replay(String routine, InitialState init, Violation violation) {
    Emulator emulator = new Emulator(programs, data, init.placement());
    Machine m = machine(init);
    CpuidModel cpuid = new CpuidModel();
    init.cpuid().forEach((leaf, v) -> cpuid.leaf((int) (long) leaf, v[0], v[1], v[2], v[3]));
    emulator.cpuid(cpuid);
    bindCalls(emulator, init);
    Check check = new Check(emulator, violation, init);
    emulator.observe(check);
    m.stepLimit(STEP_LIMIT);
    RunResult result;
    try {
      result = emulator.run(m, routine);
    } catch (Stop stop) {
      return new ReplayResult(true, check.trace, "violation observed: " + violation.describe(), check.steps);
    }
    Trap trap = result.trap();
    boolean trapped = trap != null && trap.routine().equals(violation.routine()) && trap.index() == violation.index()
        && ((violation.kind() == Violation.Kind.FAULT && trap.kind() == Trap.Kind.FAULT)
            || (violation.kind() == Violation.Kind.BAD_JUMP && trap.kind() == Trap.Kind.BAD_JUMP));
    String end = trap != null ? trap.toString() : result.exitStatus() != null ? "exit " + result.exitStatus()
        : "returned";
    if (trap != null) {
      check.trace.add("  => " + trap);
    }
    return new ReplayResult(trapped, check.trace, (trapped ? "violation observed: " : "the run ended without it ("
        + end + "): ") + violation.describe(), check.steps);
  }

  private static Machine machine(InitialState init) {
    Memory memory = new Memory();
    for (InitialState.Region r : init.regions()) {
      memory.map(r.name(), r.start(), r.size());
    }
    Machine m = new Machine(memory);
    fillAndWrite(m, init.fills(), init.bytes());
    for (int i = 0; i < 16; i++) {
      m.r[i] = init.register(Reg.gpr(i));
    }
    // The emulator pushes the return address itself: it lands at the entry SP.
    m.r[Reg.SP.number()] = init.register(Reg.SP) + 8;
    m.rflags = init.rflags();
    m.fsBase = init.fs();
    m.gsBase = init.gs();
    return m;
  }

  private static void fillAndWrite(Machine m, List<InitialState.Fill> fills, Map<Long, Integer> bytes) {
    for (InitialState.Fill f : fills) {
      for (long a = f.start(); a < f.start() + f.size(); a++) {
        if (m.memory.find(a, 1) != null) {
          m.store(a, 1, f.value());
        }
      }
    }
    bytes.forEach((a, v) -> {
      if (m.memory.find(a, 1) != null) {
        m.store(a, 1, v);
      }
    });
  }

  private void bindCalls(Emulator emulator, InitialState init) {
    Map<Long, List<InitialState.CallAnswer>> bySite = new HashMap<>();
    for (InitialState.CallAnswer c : init.calls()) {
      bySite.computeIfAbsent(c.site(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Map<Long, Integer>> visits = new HashMap<>();
    for (String symbol : emulator.layout().textSymbols().keySet()) {
      if (!lowered.containsKey(symbol) && !symbol.equals(Emulator.ABORT) && !symbol.startsWith("runtime·morestack")) {
        emulator.bind(symbol, call -> answer(call.machine(), bySite,
            visits.computeIfAbsent(symbol, k -> new HashMap<>())));
      }
    }
  }

  private static void answer(Machine m, Map<Long, List<InitialState.CallAnswer>> bySite, Map<Long, Integer> visits) {
    long site = m.load(m.sp(), 8) - 1;
    int visit = visits.merge(site, 1, Integer::sum);
    for (InitialState.CallAnswer c : bySite.getOrDefault(site, List.of())) {
      if (c.visit() == visit) {
        c.registers().forEach((r, v) -> {
          if (r != Reg.SP) {
            m.set(r, v);
          }
        });
        m.setFlags(Flags.STATUS | Flags.DF, c.statusFlags(), 0);
        fillAndWrite(m, c.fills(), c.bytes());
      }
    }
  }

  /** Ends a replay as soon as the violation is observed. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** Records the trace and checks the violation before each instruction. */
  private final class Check implements dev.rtproof.emulator.StepObserver {
    final List<String> trace = new ArrayList<>();
    final Emulator emulator;
    final Violation v;
    final Layout layout;
    Machine entry;
    long entryReturnAddress;
    long entryGuard;
    long steps;
    boolean fsSet;
    Instr previous;
    long previousAx;
    long previousDi;

    Check(Emulator emulator, Violation v, InitialState init) {
      this.emulator = emulator;
      this.v = v;
      this.layout = emulator.layout();
    }

    @Override
    public void before(Machine m, String routine, int index) {
      steps++;
      if (entry == null) {
        entry = new Machine(m.memory);
        entry.copyRegisters(m);
        entryReturnAddress = m.load(m.sp(), 8);
        entryGuard = guard(m);
      }
      if (previous != null && previous.op() == Op.SYSCALL && previousAx == Linux.SYS_arch_prctl
          && previousDi == Linux.ARCH_SET_FS && m.get(Reg.AX) == 0) {
        fsSet = true;
      }
      Lowered code = lowered.get(routine);
      Instr in = code == null ? null : code.at(index);
      previous = in;
      previousAx = m.get(Reg.AX);
      previousDi = m.get(Reg.DI);
      if (trace.size() == TRACE_LINES) {
        trace.remove(0);
      }
      trace.add(routine + "[" + index + "] " + (in == null ? "?" : in.pos() + "  " + in));
      if (routine.equals(v.routine()) && index == v.index() && violated(m, in)) {
        trace.add("  => " + v.describe());
        throw new Stop();
      }
    }

    private long guard(Machine m) {
      long slot = m.fsBase - 8;
      if (m.memory.find(slot, 8) == null) {
        return 0;
      }
      long g = m.load(slot, 8) + SplitPrologue.G_STACKGUARD0;
      return m.memory.find(g, 8) == null ? 0 : m.load(g, 8);
    }

    private boolean violated(Machine m, Instr in) {
      return switch (v.kind()) {
        case MISALIGNED -> Long.remainderUnsigned(m.sp(), v.modulus()) != 0;
        case UNBALANCED -> m.sp() != entry.sp() || m.load(m.sp(), 8) != entryReturnAddress;
        case REACHED -> v.symbol().isEmpty() || (in != null && reaches(m, in));
        case FAULT, BAD_JUMP -> false;
        case TLS_MISMATCH -> fsSet && m.fsBase - 8 != layout.address(v.symbol()) + v.number();
        case STACKGUARD -> Long.compareUnsigned(entryGuard, SplitPrologue.STACK_POISON_MIN) >= 0
            || BigInteger.valueOf(m.sp()).and(MASK).add(BigInteger.valueOf(SplitPrologue.STACK_SMALL))
                .compareTo(BigInteger.valueOf(entryGuard).and(MASK).add(BigInteger.valueOf(v.number()))) <= 0;
        case EXPRESSION -> fails(m, entry);
        case REQUIREMENT -> {
          Machine here = new Machine(m.memory);
          here.copyRegisters(m);
          yield fails(m, here);
        }
      };
    }

    private boolean reaches(Machine m, Instr in) {
      if (in.arg(0) instanceof Mem mem && mem.kind() == Mem.Kind.SYMBOL && mem.index() == null) {
        return mem.name().equals(v.symbol());
      }
      if (!layout.textSymbols().containsKey(v.symbol())) {
        return false;
      }
      long target;
      if (in.arg(0) instanceof Reg r) {
        target = m.get(r);
      } else if (in.arg(0) instanceof Mem mem && mem.kind() == Mem.Kind.REG) {
        long a = (mem.base() == null ? 0 : m.get(mem.base())) + (mem.index() == null ? 0 : m.get(mem.index()) * mem.scale())
            + mem.disp();
        if (m.memory.find(a, 8) == null) {
          return false;
        }
        target = m.load(a, 8);
      } else {
        return false;
      }
      return target == layout.address(v.symbol());
    }

    private boolean fails(Machine now, Machine at) {
      Names names = new Names(emulator.profile().constants(),
          emulator.symbols().all().stream().map(SymbolTable.Symbol::name).collect(Collectors.toSet()));
      try {
        return !new ExprEvaluator(now, at, layout).holds(ExprParser.parseCondition(v.expression(), names));
      } catch (ExprException | IllegalStateException e) {
        return false;
      }
    }
  }

  private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
}
