package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.emulator.Emulator;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Explores every path of a routine symbolically, depth first: branches fork, CALLs to routines of the
 * program are inlined, other CALLs follow the default contract, each path stops at the routine's exit,
 * a trap, or the unroll bound. Property checks observe the events ({@link ExecutionObserver}).
 */
public final class SymbolicExecutor {
  private final Smt smt;
  private final Environment env;
  private final ExecutionObserver observer;
  private final Findings findings;
  private final SymSemantics semantics;
  private final PathOracle oracle;
  private final int unroll;
  private final Deque<SymState> work = new ArrayDeque<>();

  public SymbolicExecutor(Environment env, ExecutionObserver observer, Findings findings, int unroll, PathOracle oracle) {
    this.smt = env.smt;
    this.env = env;
    this.observer = observer;
    this.findings = findings;
    this.oracle = oracle;
    this.semantics = new SymSemantics(smt, env, observer, oracle);
    this.unroll = unroll;
  }

  /** The state at entry of {@code routine}: every register, flag, segment base and byte of memory free. */
  public static SymState initial(Environment env, Routine routine) {
    Smt smt = env.smt;
    SymState s = new SymState();
    for (int i = 0; i < 16; i++) {
      s.regs[i] = i == Reg.SP.number() ? env.sp0 : smt.var(Reg.gpr(i).name());
    }
    String[] names = {"CF", "PF", "AF", "ZF", "SF", "OF"};
    for (int i = 0; i < names.length; i++) {
      s.flags[i] = smt.ctx.mkBoolConst(names[i]);
    }
    s.flags[SymState.DF] = smt.falsity();
    env.assume("DF is clear at entry (Go ABI)");
    s.fs = smt.var("FS");
    s.gs = smt.var("GS");
    s.mem = new SymMemory(env, "mem");
    s.path = smt.truth();
    s.fsSet = smt.falsity();
    s.code = env.program.lowered(routine.symbol());
    s.base = env.layout.address(routine.symbol());
    s.index = 0;
    return s;
  }

  /** Explores all paths from {@code start}, which stays unchanged (it is the entry state checks refer to). */
  public void run(SymState start) {
    observer.entry(start);
    work.push(start.copy());
    while (!work.isEmpty()) {
      runPath(work.pop());
    }
  }

  private void runPath(SymState s) {
    while (true) {
      if (s.index >= s.code.size()) {
        observer.badJump(s, smt.truth(), "execution runs past the last instruction of " + s.routine(),
            s.code.at(s.code.size() - 1));
        return;
      }
      Instr in = s.code.at(s.index);
      if (s.visits.merge(s.base + s.index, 1, Integer::sum) > unroll + 1) {
        findings.incomplete.add(new Findings.Incomplete("bound reached: a loop at " + in.pos()
            + " runs more than " + unroll + " times (raise @Routine(unroll = …))", s.path));
        return;
      }
      try {
        if (!step(s, in)) {
          return;
        }
      } catch (SymSemantics.PathEnds end) {
        return;
      } catch (SymSemantics.Unsupported u) {
        findings.incomplete.add(new Findings.Incomplete("not modelled: " + u.getMessage() + " at " + in.pos(), s.path));
        return;
      }
    }
  }

  /** Executes one instruction; false when the path ends. */
  private boolean step(SymState s, Instr in) {
    switch (in.op().form()) {
      case JCC -> {
        int t = s.code.target()[s.index];
        if (t < 0) {
          throw new SymSemantics.Unsupported("conditional jump out of the routine: " + in);
        }
        BoolExpr c = condition(s, in.op().cond());
        Boolean known = oracle.decide(s.path, c);
        if (known == null) {
          SymState taken = s.copy();
          taken.path = smt.all(s.path, c);
          taken.index = t;
          work.push(taken);
          s.path = smt.all(s.path, smt.not(c));
          s.index++;
        } else {
          s.index = known ? t : s.index + 1;
        }
        return true;
      }
      case JMP -> {
        int t = s.code.target()[s.index];
        if (t >= 0) {
          s.index = t;
          return true;
        }
        return tailJump(s, in);
      }
      case CALL -> {
        return call(s, in);
      }
      case RET -> {
        if (s.depth() == 0) {
          observer.exit(s, in);
          return false;
        }
        return returnToCaller(s, in);
      }
      case INT -> {
        return false; // a trap: the path ends here
      }
      default -> {
        if (in.op() == Op.SYSCALL) {
          return syscall(s, in);
        }
        if (in.op() == Op.UNDEF) {
          return false;
        }
        semantics.exec(s, in);
        s.index++;
        return true;
      }
    }
  }

  // ---- calls, returns, tail jumps -------------------------------------------------------------

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

  private boolean call(SymState s, Instr in) {
    Target t = target(s, in);
    observer.call(s, t.symbol(), t.address(), in);
    long returnAddress = s.base + s.index + 1;
    if (t.symbol() != null && env.program.routine(t.symbol()) != null) {
      semantics.push(s, smt.bv(returnAddress), in);
      s.frames.add(new SymState.Frame(s.code, s.base, s.index + 1, returnAddress));
      enter(s, t.symbol());
      return true;
    }
    if (Emulator.ABORT.equals(t.symbol())) {
      return false;
    }
    semantics.push(s, smt.bv(returnAddress), in);
    unknownCallee(s, t, in);
    s.regs[Reg.SP.number()] = smt.add(s.sp(), smt.bv(8));
    s.index++;
    return true;
  }

  private boolean tailJump(SymState s, Instr in) {
    Target t = target(s, in);
    observer.tailJump(s, t.symbol(), t.address(), in);
    if (s.depth() == 0) {
      observer.exit(s, in);
      return false;
    }
    if (t.symbol() != null && env.program.routine(t.symbol()) != null) {
      enter(s, t.symbol());
      return true;
    }
    if (Emulator.ABORT.equals(t.symbol())) {
      return false;
    }
    unknownCallee(s, t, in);
    return returnToCaller(s, in);
  }

  private void enter(SymState s, String symbol) {
    s.code = env.program.lowered(symbol);
    s.base = env.layout.address(symbol);
    s.index = 0;
  }

  private boolean returnToCaller(SymState s, Instr in) {
    BitVecExpr popped = semantics.pop(s, in);
    SymState.Frame f = s.frames.remove(s.frames.size() - 1);
    BoolExpr intact = smt.eq(popped, smt.bv(f.returnAddress()));
    Boolean known = oracle.decide(s.path, intact);
    if (known == null || !known) {
      observer.badJump(s, smt.not(intact), "RET in " + s.routine() + " to an address other than its return address", in);
      if (known != null) {
        return false;
      }
      s.path = smt.all(s.path, intact);
    }
    s.code = f.code();
    s.base = f.base();
    s.index = f.returnIndex();
    return true;
  }

  /**
   * The default contract of a callee without a routine here: every register but SP, the flags, and
   * memory below the call-site SP may change; DF is clear on return; control returns.
   */
  @SuppressWarnings("unchecked")
  private void unknownCallee(SymState s, Target t, Instr in) {
    String who = t.symbol() == null ? "an indirect target (" + in + ")" : t.symbol();
    env.assume("CALL to " + who + ", which has no routine here: it may change every register but SP, the flags, and"
        + " memory below the call-site SP, and it returns");
    BitVecExpr callSp = smt.add(s.sp(), smt.bv(8));
    for (int i = 0; i < 16; i++) {
      if (i != Reg.SP.number()) {
        s.regs[i] = smt.freshBv("after_call_" + Reg.gpr(i), 64);
      }
    }
    for (int i = 0; i < SymState.DF; i++) {
      s.flags[i] = smt.freshBool("after_call_flag");
    }
    s.flags[SymState.DF] = smt.falsity();
    // Only the stack holds memory below the call-site SP: its bytes below that offset become arbitrary.
    ArrayExpr<BitVecSort, BitVecSort> clobbered = smt.freshMemory("after_call_stack");
    BitVecExpr below = smt.sub(callSp, env.regions().get(0).start());
    BitVecExpr o = smt.ctx.mkBVConst("lambda!offset", 64);
    Expr<BitVecSort> body = smt.ctx.mkITE(smt.ult(o, below),
        smt.ctx.mkSelect(clobbered, o), smt.ctx.mkSelect(s.mem.array(0), o));
    s.mem = s.mem.with(0, (ArrayExpr<BitVecSort, BitVecSort>) (Object) smt.ctx.mkLambda(new Expr<?>[] {o}, body));
  }

  // ---- syscalls -----------------------------------------------------------------------------------

  private boolean syscall(SymState s, Instr in) {
    observer.syscall(s, in);
    Long nr = Smt.constant(s.reg(Reg.AX));
    if (nr == null) {
      throw new SymSemantics.Unsupported("SYSCALL with a number that is not a constant");
    }
    if (nr == Linux.SYS_exit || nr == Linux.SYS_exit_group) {
      return false;
    }
    BitVecExpr result;
    if (nr == Linux.SYS_arch_prctl) {
      result = archPrctl(s);
    } else if (nr == Linux.SYS_gettid) {
      env.assume("gettid returns an arbitrary positive thread id");
      result = smt.zext(smt.freshBv("tid", 31), 31);
    } else if (nr == Linux.SYS_write) {
      env.assume("write succeeds and writes every byte");
      result = s.reg(Reg.DX);
    } else {
      throw new SymSemantics.Unsupported("syscall " + nr + " (modelled: arch_prctl SET_FS/SET_GS, gettid, write, exit)");
    }
    s.regs[Reg.CX.number()] = smt.bv(s.base + s.index + 1);
    s.regs[Reg.R11.number()] = rflags(s);
    s.regs[Reg.AX.number()] = result;
    s.index++;
    return true;
  }

  private BitVecExpr archPrctl(SymState s) {
    Long code = Smt.constant(s.reg(Reg.DI));
    if (code == null || (code != Linux.ARCH_SET_FS && code != Linux.ARCH_SET_GS)) {
      throw new SymSemantics.Unsupported("arch_prctl with code " + (code == null ? "not a constant" : Long.toHexString(code))
          + " (modelled: ARCH_SET_FS, ARCH_SET_GS)");
    }
    env.assume("arch_prctl(ARCH_SET_FS/GS, a) sets the base and returns 0 iff a < 0x7ffffffff000 (Linux TASK_SIZE_MAX,"
        + " 4-level paging), else returns -EPERM");
    BitVecExpr addr = s.reg(Reg.SI);
    BoolExpr ok = smt.ult(addr, smt.bv(Linux.TASK_SIZE_MAX));
    if (code == Linux.ARCH_SET_FS) {
      s.fs = smt.ite(ok, addr, s.fs);
      s.fsSet = smt.any(s.fsSet, ok);
    } else {
      s.gs = smt.ite(ok, addr, s.gs);
    }
    return smt.ite(ok, smt.bv(0), smt.bv(-Linux.EPERM));
  }

  private BitVecExpr rflags(SymState s) {
    int[] bits = {0, 2, 4, 6, 7, 11, 10};
    int[] flags = {SymState.CF, SymState.PF, SymState.AF, SymState.ZF, SymState.SF, SymState.OF, SymState.DF};
    BitVecExpr v = smt.bv(0x202);
    for (int i = 0; i < bits.length; i++) {
      v = smt.or(v, smt.ite(s.flags[flags[i]], smt.bv(1L << bits[i]), smt.bv(0)));
    }
    return v;
  }

  // ---- conditions -------------------------------------------------------------------------------

  BoolExpr condition(SymState s, Cond c) {
    BoolExpr cf = s.flags[SymState.CF];
    BoolExpr zf = s.flags[SymState.ZF];
    BoolExpr sf = s.flags[SymState.SF];
    BoolExpr of = s.flags[SymState.OF];
    BoolExpr pf = s.flags[SymState.PF];
    BoolExpr sfNeOf = smt.ctx.mkXor(sf, of);
    return switch (c) {
      case EQ -> zf;
      case NE -> smt.not(zf);
      case LS -> smt.any(cf, zf);
      case HI -> smt.all(smt.not(cf), smt.not(zf));
      case CS -> cf;
      case CC -> smt.not(cf);
      case LT -> sfNeOf;
      case GE -> smt.not(sfNeOf);
      case GT -> smt.all(smt.not(zf), smt.not(sfNeOf));
      case LE -> smt.any(zf, sfNeOf);
      case MI -> sf;
      case PL -> smt.not(sf);
      case OS -> of;
      case OC -> smt.not(of);
      case PS -> pf;
      case PC -> smt.not(pf);
    };
  }
}
