package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explores a routine symbolically: branches fork, and paths that meet again at a join point are merged
 * ({@link Worklist}), so k sequential branches cost k states rather than 2^k paths. CALLs to routines of
 * the program are inlined (their {@code @Requires} become obligations at the call site) unless the callee
 * has a {@code @Contract}; other CALLs follow their contract or the default ({@link ControlTransfers},
 * {@link CallEffects}); a path stops at the routine's exit, a trap, a call to morestack, or the unroll
 * bound. Property checks observe the events ({@link ExecutionObserver}).
 */
public final class SymbolicExecutor {
  private final Smt smt;
  private final Environment env;
  private final ExecutionObserver observer;
  /** Where obligations and unfinished paths go: every property's findings when one run serves several. */
  private final List<Findings> findings;
  private final SymSemantics semantics;
  private final PathOracle oracle;
  private final ControlTransfers transfers;
  private final Syscalls syscalls;
  private final Worklist work;
  private final long deadline;
  private final Map<Lowered, boolean[]> joins = new IdentityHashMap<>();
  private final Map<Lowered, Map<Integer, List<Assertion>>> assertions = new IdentityHashMap<>();
  private Snapshot entry;
  private int bodyIndex;

  public SymbolicExecutor(Environment env, ExecutionObserver observer, Findings findings, PathOracle oracle,
      long deadlineNanos) {
    this(env, observer, List.of(findings), oracle, deadlineNanos);
  }

  /** An execution whose obligations and unfinished paths go to each of {@code findings}. */
  public SymbolicExecutor(Environment env, ExecutionObserver observer, List<Findings> findings, PathOracle oracle,
      long deadlineNanos) {
    this.smt = env.smt;
    this.env = env;
    this.observer = observer;
    this.findings = List.copyOf(findings);
    this.oracle = oracle;
    this.semantics = new SymSemantics(smt, env, observer, oracle);
    this.transfers = new ControlTransfers(env, observer, semantics, oracle, this::obligation);
    this.syscalls = new Syscalls(env);
    this.work = new Worklist(smt);
    this.deadline = deadlineNanos;
  }

  /** The state at entry of {@code routine}: every register, flag, segment base and byte of memory free. */
  public static SymState initial(Environment env, Routine routine) {
    Smt smt = env.smt;
    SymState s = new SymState(smt);
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
    if (env.threadModel()) {
      // The g slot holds the current g (a constraint on its bytes); storing it makes loads read the variable.
      s.mem.store(s.mem.resolve(smt.sub(s.fs, smt.bv(8)), 8, smt.truth(), null), 8, smt.var(Environment.CURRENT_G_VAR));
    }
    s.pc = PathCondition.empty(smt);
    s.fsSet = smt.falsity();
    s.code = env.program.lowered(routine.symbol());
    s.base = env.layout.address(routine.symbol());
    s.index = 0;
    return s;
  }

  /** The calls whose effects are variables, in the order they were met. */
  public List<CallEffects.Event> callEvents() {
    return transfers.callEvents();
  }

  /** Explores all paths from {@code start}, which stays unchanged (it is the entry state checks refer to). */
  public void run(SymState start) {
    entry = Snapshot.of(start);
    bodyIndex = observer.bodyEntryIndex(start.code);
    SymState first = start.copy();
    observer.entry(first);
    work.add(first);
    while (!work.isEmpty()) {
      SymState s = work.next();
      if (System.nanoTime() > deadline) {
        cutShort(new Findings.Incomplete("timeout: exploration did not finish within the budget",
            s.path()));
        continue;
      }
      runPath(s);
    }
  }

  private void cutShort(Findings.Incomplete why) {
    findings.forEach(f -> f.incomplete.add(why));
  }

  private void obligation(Obligation o) {
    findings.forEach(f -> f.obligations.add(o));
  }

  /** How many times paths were merged. */
  public int merges() {
    return work.merges();
  }

  /** Whether paths that meet are merged (the default); off only to measure what merging saves. */
  public SymbolicExecutor merging(boolean on) {
    work.merging(on);
    return this;
  }

  private void runPath(SymState s) {
    boolean first = true;
    while (true) {
      if (s.index >= s.code.size()) {
        s.index = s.code.size() - 1;
        observer.badJump(s, smt.truth(), "execution runs past the last instruction of " + s.routine(),
            s.code.at(s.code.size() - 1));
        return;
      }
      if (!first && joinPoint(s.code, s.index)) {
        work.add(s);
        return;
      }
      first = false;
      Instr in = s.code.at(s.index);
      int bound = s.code.source().unroll();
      if (s.visits.merge(s.address(), 1, Integer::sum) > bound + 1) {
        cutShort(new Findings.Incomplete("bound reached: a loop at " + in.pos()
            + " runs more than " + bound + " times (raise @Routine(unroll = …))", s.path()));
        return;
      }
      try {
        if (s.depth() == 0 && s.index == bodyIndex) {
          observer.bodyEntry(s);
        }
        if (!assertions(s, in)) {
          return;
        }
        observer.instruction(s, in);
        if (!step(s, in)) {
          return;
        }
      } catch (SymSemantics.PathEnds end) {
        return;
      } catch (SymSemantics.Unsupported u) {
        cutShort(new Findings.Incomplete("not modelled: " + u.getMessage() + " at " + in.pos(), s.path()));
        return;
      }
    }
  }

  /** True at the targets of branches and the return sites of calls: where paths may meet. */
  private boolean joinPoint(Lowered code, int index) {
    return joins.computeIfAbsent(code, c -> {
      boolean[] j = new boolean[c.size() + 1];
      for (int i = 0; i < c.size(); i++) {
        if (c.target()[i] >= 0) {
          j[c.target()[i]] = true;
        }
        if (c.at(i).op() == Op.CALL) {
          j[i + 1] = true;
        }
      }
      return j;
    })[index];
  }

  /** Applies the ASSUMEs and reports the ASSERTs before instruction {@code in}; false when the path ends. */
  private boolean assertions(SymState s, Instr in) {
    List<Assertion> here = assertions.computeIfAbsent(s.code, c -> {
      Map<Integer, List<Assertion>> byIndex = new java.util.HashMap<>();
      for (Assertion a : c.source().assertions()) {
        if (a.index() < c.sourceStart().length) {
          byIndex.computeIfAbsent(c.sourceStart()[a.index()], k -> new ArrayList<>()).add(a);
        }
      }
      return byIndex;
    }).get(s.index);
    if (here == null) {
      return true;
    }
    for (Assertion a : here) {
      if (a.assume()) {
        env.assume("ASSUME(\"" + a.expression() + "\") at " + a.pos());
        s.assume(env.condition(a.expression(), "ASSUME", s, s.entryOf(entry), oracle));
      } else if (s.depth() == 0) {
        observer.assertion(s, a, in);
      }
    }
    return !s.pc.expr(smt).isFalse();
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
        // A backward branch closes a loop: asking Z3 which way it goes is what ends the loop. A forward branch
        // is decided only when its condition simplifies to a constant; otherwise both sides go on (an
        // infeasible one carries a false path condition) and meet again where the paths join.
        Boolean known = t <= s.index ? oracle.decide(s.path(), c) : constant(c);
        if (known == null) {
          SymState taken = s.copy();
          taken.assume(c);
          taken.index = t;
          work.add(taken);
          s.assume(smt.not(c));
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
        return transfers.tailJump(s, in);
      }
      case CALL -> {
        return transfers.call(s, in);
      }
      case RET -> {
        if (s.depth() == 0) {
          observer.exit(s, in);
          return false;
        }
        return transfers.returnToCaller(s, in);
      }
      case INT -> {
        return false; // a trap: the path ends here
      }
      case UNSUPPORTED -> throw new SymSemantics.Unsupported(in.toString());
      default -> {
        if (in.op() == Op.SYSCALL) {
          observer.syscall(s, in);
          return syscalls.execute(s);
        }
        if (in.op() == Op.UNDEF) {
          return false;
        }
        BitVecExpr unaligned = alignedDown(s, in);
        semantics.exec(s, in);
        s.index++;
        if (unaligned != null) {
          splitAlignment(s, in, unaligned);
        }
        return true;
      }
    }
  }

  /** Largest alignment whose cases are split: 2^6, eight states. */
  private static final int MAX_SPLIT_BITS = 6;

  /**
   * For {@code ANDQ $-2^n, R} (4 ≤ n ≤ 6) with R = base + k, the base an 8-aligned region base (the entry SP,
   * a data symbol): R's value before; else null.
   */
  private BitVecExpr alignedDown(SymState s, Instr in) {
    if (in.op() != Op.ANDQ || !(in.arg(0) instanceof dev.rtproof.dsl.ir.Imm mask)
        || !(in.arg(1) instanceof Reg r) || r.kind() != Reg.Kind.GPR || env.operandTerm(in, 0) != null) {
      return null;
    }
    long low = -mask.value();
    int bits = Long.numberOfTrailingZeros(low);
    if (Long.bitCount(low) != 1 || bits < 4 || bits > MAX_SPLIT_BITS) {
      return null;
    }
    BitVecExpr before = s.regs[r.number()];
    Smt.Affine a = Smt.affine(before);
    return a != null && env.regionOfBase(a.variable()) >= 0 ? before : null;
  }

  /**
   * Aligning base + k down to 2^n subtracts (k mod 8) + 8p, where p is bits 3..n-1 of base + k (the base is
   * 8-aligned): one state per p, each with the register at base + a constant, so that the stack accesses
   * after rt0_go's {@code ANDQ $~15, SP} keep concrete offsets. The cases cover every value; the states meet
   * again at the next join point.
   */
  private void splitAlignment(SymState s, Instr in, BitVecExpr before) {
    int bits = Long.numberOfTrailingZeros(-((dev.rtproof.dsl.ir.Imm) in.arg(0)).value());
    int r = ((Reg) in.arg(1)).number();
    long k = Smt.affine(before).constant();
    BitVecExpr middle = smt.extract(bits - 1, 3, before);
    List<SymState> cases = new ArrayList<>();
    for (long p = (1L << (bits - 3)) - 1; p >= 0; p--) {
      SymState c = p == 0 ? s : s.copy();
      c.assume(smt.eq(middle, smt.bv(p, bits - 3)));
      c.regs[r] = smt.addConstant(before, -(k & 7) - 8 * p);
      cases.add(c);
    }
    for (SymState c : cases) {
      if (c != s) {
        work.add(c);
      }
    }
  }

  private static Boolean constant(BoolExpr c) {
    BoolExpr v = (BoolExpr) c.simplify();
    return v.isTrue() ? Boolean.TRUE : v.isFalse() ? Boolean.FALSE : null;
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
