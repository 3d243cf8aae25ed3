package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.verifier.replay.Violation;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CALL, RET and tail JMP for {@link SymbolicExecutor}: a call to a routine of the program is inlined (its
 * {@code @Requires} become obligations at the call), any other follows {@link CallEffects}; a return or a
 * tail call from an inlined routine checks the return address it goes through.
 */
final class ControlTransfers {
  private final Smt smt;
  private final Environment env;
  private final ExecutionObserver observer;
  private final SymSemantics semantics;
  private final PathOracle oracle;
  private final Consumer<Obligation> obligation;
  private final CallEffects calls;

  ControlTransfers(Environment env, ExecutionObserver observer, SymSemantics semantics, PathOracle oracle,
      Consumer<Obligation> obligation) {
    this.smt = env.smt;
    this.env = env;
    this.observer = observer;
    this.semantics = semantics;
    this.oracle = oracle;
    this.obligation = obligation;
    this.calls = new CallEffects(env);
  }

  /** The calls whose effects are variables, in the order they were met. */
  List<CallEffects.Event> callEvents() {
    return calls.events();
  }

  /** A branch target: the symbol when it is known, and the address. */
  private record Target(String symbol, BitVecExpr address) {}

  private Target target(SymState s, Instr in) {
    if (in.arg(0) instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null && m.disp() == 0) {
      return new Target(m.name(), env.address(m.name()));
    }
    BitVecExpr address = semantics.read(s, in.arg(0), 64, in);
    Long constant = Smt.constant(address);
    if (constant != null) {
      String symbol = env.layout.textSymbolAt(constant);
      if (symbol != null && env.layout.address(symbol) == constant) {
        return new Target(symbol, address);
      }
    }
    return new Target(null, address);
  }

  /** A CALL; false when the path ends there (abort, morestack). */
  boolean call(SymState s, Instr in) {
    Target t = target(s, in);
    observer.call(s, t.symbol(), t.address(), in);
    if (t.symbol() != null && Environment.isMorestack(t.symbol())
        && env.program.routine(t.symbol()) == null) {
      env.assume(t.symbol() + " moves the goroutine to a bigger stack and restarts the routine: that restart is"
          + " another entry, covered by the proof of the entry");
      return false;
    }
    if (Emulator.ABORT.equals(t.symbol()) && env.program.routine(t.symbol()) == null) {
      return false;
    }
    long returnAddress = s.address() + 1;
    semantics.push(s, smt.bv(returnAddress), in);
    if (t.symbol() != null && inlined(t.symbol())) {
      s.frames.add(new SymState.Frame(s.code, s.base, s.index + 1, returnAddress, null));
      enter(s, t.symbol(), in);
      return true;
    }
    calls.apply(s, t.symbol(), t.address(), describe(t, in), oracle);
    s.index++;
    return true;
  }

  private static String describe(Target t, Instr in) {
    return t.symbol() == null ? "an indirect target (" + in + ")" : t.symbol();
  }

  private boolean inlined(String symbol) {
    return env.program.routine(symbol) != null && env.program.contract(symbol) == null;
  }

  /** A JMP out of the routine; false when the path ends there (the routine's own exit, abort). */
  boolean tailJump(SymState s, Instr in) {
    Target t = target(s, in);
    observer.tailJump(s, t.symbol(), t.address(), in);
    if (s.depth() == 0) {
      observer.exit(s, in);
      return false;
    }
    if (Emulator.ABORT.equals(t.symbol()) && env.program.routine(t.symbol()) == null) {
      return false;
    }
    if (t.symbol() != null && inlined(t.symbol())) {
      enter(s, t.symbol(), in);
      return true;
    }
    // The callee returns through the return address the inlined routine was called with.
    SymState.Frame f = s.frames.get(s.frames.size() - 1);
    BitVecExpr slot = semantics.read(s, Mem.reg(0, Reg.SP), 64, in);
    if (!returnAddressIntact(s, slot, f, in)) {
      return false;
    }
    calls.apply(s, t.symbol(), t.address(), describe(t, in), oracle);
    s.frames.remove(s.frames.size() - 1);
    continueAt(s, f);
    return true;
  }

  /**
   * Enters routine {@code symbol} inlined, below the frame on top (pushed by a CALL, or kept by a tail JMP):
   * that frame's entry state becomes this one, and the callee's requirements become obligations here.
   */
  private void enter(SymState s, String symbol, Instr call) {
    SymState.Frame f = s.frames.remove(s.frames.size() - 1);
    s.frames.add(new SymState.Frame(f.code(), f.base(), f.returnIndex(), f.returnAddress(), Snapshot.of(s)));
    s.code = env.program.lowered(symbol);
    s.base = env.layout.address(symbol);
    s.index = 0;
    Routine callee = env.program.routine(symbol);
    for (Condition c : callee.requires()) {
      BoolExpr holds = env.condition(c.expression(), "@Requires of " + symbol, s, Snapshot.of(s), oracle);
      obligation.accept(new Obligation(s.path(), holds, call.pos(),
          symbol + "'s @Requires(\"" + c.expression() + "\") does not hold at " + call, Map.of(),
          Violation.requirement(symbol, c.expression())));
    }
  }

  /** RET from an inlined routine: pops and continues at the return site if the return address is intact. */
  boolean returnToCaller(SymState s, Instr in) {
    SymState.Frame f = s.frames.get(s.frames.size() - 1);
    BitVecExpr popped = semantics.pop(s, in);
    if (!returnAddressIntact(s, popped, f, in)) {
      return false;
    }
    s.frames.remove(s.frames.size() - 1);
    continueAt(s, f);
    return true;
  }

  /** Reports a return to an address other than {@code f}'s; false when that certainly happens. */
  private boolean returnAddressIntact(SymState s, BitVecExpr address, SymState.Frame f, Instr in) {
    BoolExpr intact = smt.eq(address, smt.bv(f.returnAddress()));
    Boolean known = oracle.decide(s.path(), intact);
    if (known == null || !known) {
      observer.badJump(s, smt.not(intact), "RET in " + s.routine() + " to an address other than its return address",
          in);
      if (known != null) {
        return false;
      }
      s.assume(intact);
    }
    return true;
  }

  private static void continueAt(SymState s, SymState.Frame f) {
    s.code = f.code();
    s.base = f.base();
    s.index = f.returnIndex();
  }
}
