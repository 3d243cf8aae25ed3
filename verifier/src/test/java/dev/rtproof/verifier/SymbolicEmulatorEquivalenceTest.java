package dev.rtproof.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Flags;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.random.Feature;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.ExecutionObserver;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymMemory;
import dev.rtproof.verifier.symbolic.SymState;
import dev.rtproof.verifier.symbolic.SymbolicExecutor;
import dev.rtproof.verifier.symbolic.VerificationScope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Symbolic ≡ emulator: for random programs (the emulator's generator) and random initial states, the
 * symbolic final state, evaluated at that initial state, equals the state the emulator ends in: every
 * register, every flag the emulator defines, DF, and the scratch buffer. Cases:
 * {@code -Drtproof.equivalence.cases=N} (default 5,000, the CI count).
 */
class SymbolicEmulatorEquivalenceTest {
  private static final int CASES = Integer.getInteger("rtproof.equivalence.cases", 5_000);
  /** Everything the generator makes that starts and ends in the same machine model (no OS, no traps, no TLS). */
  private static final Set<Feature> FEATURES = EnumSet.of(Feature.MEMORY, Feature.STACK, Feature.BRANCHES,
      Feature.LOOPS, Feature.DIRECTION, Feature.HINTS, Feature.PCALIGN, Feature.SYMBOL_INDEX, Feature.ADDRESSES,
      Feature.CALLS);
  private static final String[] FLAG_NAMES = {"CF", "PF", "AF", "ZF", "SF", "OF"};
  private static final long[] FLAG_BITS = {Flags.CF, Flags.PF, Flags.AF, Flags.ZF, Flags.SF, Flags.OF};
  private static final int CASES_PER_CONTEXT = 100;
  private static final String INDEX_VAR = "index";
  private static final String DRIVER = "·driver";

  @Test
  void symbolicFinalStatesEqualTheEmulatorsOnRandomPrograms() {
    RandomPrograms programs = new RandomPrograms(20261122L, FEATURES, 24);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int generated = 0;
    while (compared < CASES && mismatches.size() < 5) {
      try (Context ctx = new Context()) {
        for (int i = 0; i < CASES_PER_CONTEXT && compared < CASES; i++) {
          RandomCase c = programs.next();
          generated++;
          String mismatch = compare(new Smt(ctx), c);
          if (mismatch == null) {
            continue;
          }
          if (!mismatch.isEmpty()) {
            mismatches.add(mismatch + "\n" + c);
          }
          compared++;
        }
      }
    }
    System.out.println("symbolic ≡ emulator: " + compared + " cases compared, " + mismatches.size() + " mismatches, "
        + (generated - compared) + " of " + generated + " generated not comparable");
    assertEquals(List.of(), mismatches);
    assertTrue(compared >= CASES, compared + " of " + generated + " generated cases compared");
    // Cases that cannot be compared read a flag the SDM leaves undefined (a helper's conditional jump on
    // flags its caller left undefined): the emulator picks a value, the verifier allows both.
    assertTrue(generated - compared <= generated / 20, (generated - compared) + " of " + generated
        + " cases could not be compared");
  }

  /** "" when the states agree, a description when not, null when the case cannot be compared. */
  private static String compare(Smt smt, RandomCase c) {
    // A driver calls the program, so a tail JMP at its end continues into the helper (inlined) and the
    // state is compared where the driver returns, as the emulator's run ends where the program returns.
    // Both executors get the driver, so code symbols have the same addresses.
    Routine driver = Routine.builder(DRIVER, c.entry().target()).flags(TextFlags.NOSPLIT | TextFlags.NOFRAME)
        .instr(Op.CALL, Mem.symbol(RandomPrograms.ENTRY, 0)).instr(Op.RET).build();
    List<Routine> routines = new ArrayList<>(c.routines());
    routines.add(driver);
    Emulator e = Emulator.interpreting(routines, c.data());
    Machine m = c.machine(e);
    long scratch = e.layout().address(RandomPrograms.SCRATCH);
    long[] entryRegs = m.r.clone();
    long entryFlags = m.rflags;
    long entryFs = m.fsBase;
    byte[] entryScratch = new byte[RandomPrograms.SCRATCH_SIZE];
    for (int i = 0; i < entryScratch.length; i++) {
      entryScratch[i] = (byte) m.load(scratch + i, 1);
    }
    RunResult run = e.run(m, RandomPrograms.ENTRY);
    if (!run.returned()) {
      return null;
    }

    Program program = new Program(routines, c.data(), List.of());
    Environment env = new Environment(smt, program, VerificationScope.whole(program, false));
    SymState entry = SymbolicExecutor.initial(env, driver);
    // The generator's input contract: the base register holds the buffer's address, the index register 0…7.
    entry.regs[RandomPrograms.BASE.number()] = env.address(RandomPrograms.SCRATCH);
    entry.regs[RandomPrograms.INDEX.number()] = smt.zext(smt.ctx.mkBVConst(INDEX_VAR, 3), 3);
    Findings findings = new Findings();
    List<SymState> exits = new ArrayList<>();
    ExecutionObserver collect = new ExecutionObserver() {
      @Override
      public void exit(SymState s, Instr in) {
        exits.add(s);
      }
    };
    new SymbolicExecutor(env, collect, findings, new PathOracle(env, Long.MAX_VALUE), Long.MAX_VALUE).run(entry);
    if (!findings.incomplete.isEmpty()) {
      return "the symbolic execution did not finish: " + findings.incomplete.get(0).reason();
    }

    Evaluation at = new Evaluation(smt, env, entryRegs, entryFlags, entryFs, scratch, entryScratch);
    BoolExpr[] paths = exits.stream().map(SymState::path).toArray(BoolExpr[]::new);
    boolean[] taken = at.truths(paths);
    if (taken == null) {
      return null;
    }
    SymState end = null;
    for (int i = 0; i < taken.length; i++) {
      if (taken[i]) {
        end = exits.get(i);
      }
    }
    if (end == null) {
      return "no symbolic exit path holds for the initial state";
    }
    // Registers and the buffer's bytes, evaluated in one substitution; the flags apart, since those the SDM
    // leaves undefined are variables that stay.
    int region = env.regionOfBase(RandomPrograms.SCRATCH);
    List<BitVecExpr> values = new ArrayList<>(List.of(end.regs));
    for (int k = 0; k < RandomPrograms.SCRATCH_SIZE; k++) {
      SymMemory.Piece piece = new SymMemory.Piece(smt.truth(), region, k, smt.bv(k));
      values.add(end.mem.load(new SymMemory.Resolution(List.of(piece), smt.truth()), 1));
    }
    long[] got = at.values(values);
    for (long v : got) {
      if (v == Evaluation.UNDEFINED) {
        return null; // a value selected by a branch on an undefined flag
      }
    }
    // Undefined flags are fresh variables: give them some value (those flags are not compared) so all the
    // flags evaluate in one substitution.
    List<BitVecExpr> flagBits = new ArrayList<>();
    for (BoolExpr f : end.flags) {
      flagBits.add(smt.ite(f, smt.bv(1, 8), smt.bv(0, 8)));
    }
    long[] flags = at.withUndefinedFalse(smt.freshBools()).values(flagBits);
    StringBuilder diff = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (got[i] != m.r[i]) {
        diff.append(Reg.gpr(i)).append(": symbolic ").append(Hex.of(got[i])).append(", emulator ")
            .append(Hex.of(m.r[i])).append('\n');
      }
    }
    for (int k = 0; k < FLAG_BITS.length; k++) {
      if ((m.undefinedFlags & FLAG_BITS[k]) == 0 && (flags[k] == Evaluation.UNDEFINED
          || (flags[k] != 0) != ((m.rflags & FLAG_BITS[k]) != 0))) {
        diff.append(FLAG_NAMES[k]).append(" differs\n");
      }
    }
    if (flags[SymState.DF] == Evaluation.UNDEFINED || (flags[SymState.DF] != 0) != m.df()) {
      diff.append("DF differs\n");
    }
    for (int k = 0; k < RandomPrograms.SCRATCH_SIZE; k++) {
      long sym = got[16 + k];
      long emu = m.load(scratch + k, 1);
      if (sym != emu) {
        diff.append("scratch+").append(k).append(": symbolic ").append(Hex.of(sym)).append(", emulator ")
            .append(Hex.of(emu)).append('\n');
      }
    }
    return diff.toString();
  }

  /** Terms evaluated at a concrete entry state: the entry variables replaced by numbers, then simplified. */
  private static final class Evaluation {
    /** Stands for a value that is not a number at the initial state (an undefined flag). */
    static final long UNDEFINED = 0x5eed_0000_0000_0001L;
    private final Smt smt;
    private final Expr<?>[] from;
    private final Expr<?>[] to;

    Evaluation(Smt smt, Environment env, long[] regs, long rflags, long fs, long scratch, byte[] scratchBytes) {
      this.smt = smt;
      List<Expr<?>> f = new ArrayList<>();
      List<Expr<?>> t = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        f.add(smt.var(Reg.gpr(i).name()));
        t.add(smt.bv(regs[i]));
      }
      for (int k = 0; k < FLAG_NAMES.length; k++) {
        f.add(smt.ctx.mkBoolConst(FLAG_NAMES[k]));
        t.add(smt.ctx.mkBool((rflags & FLAG_BITS[k]) != 0));
      }
      f.add(smt.ctx.mkBVConst(INDEX_VAR, 3));
      t.add(smt.bv(regs[RandomPrograms.INDEX.number()], 3));
      f.add(smt.var("FS"));
      t.add(smt.bv(fs));
      f.add(smt.var("GS"));
      t.add(smt.bv(0));
      f.add(smt.var(RandomPrograms.SCRATCH));
      t.add(smt.bv(scratch));
      // The emulator's stack is zero where the program does not write (the driver's own return address is
      // never read).
      f.add(smt.memory(Environment.initialArrayName("stack")));
      t.add(smt.ctx.mkConstArray(smt.ctx.mkBitVecSort(64), smt.bv(0, 8)));
      f.add(smt.memory(Environment.initialArrayName(RandomPrograms.SCRATCH)));
      ArrayExpr<BitVecSort, BitVecSort> s = smt.ctx.mkConstArray(smt.ctx.mkBitVecSort(64), smt.bv(0, 8));
      for (int i = 0; i < scratchBytes.length; i++) {
        s = smt.ctx.mkStore(s, smt.bv(i), smt.bv(scratchBytes[i] & 0xff, 8));
      }
      t.add(s);
      this.from = f.toArray(new Expr<?>[0]);
      this.to = t.toArray(new Expr<?>[0]);
    }

    /**
     * The values of {@code terms} at the initial state, in one substitution over their shared DAG: an undefined
     * flag (a fresh variable) may remain, so each term is checked to have become a number.
     */
    long[] values(List<BitVecExpr> terms) {
      long[] out = new long[terms.size()];
      // One application of an uninterpreted function to all the terms: substituted and simplified at once
      // over their shared DAG; its arguments come back as numbers.
      com.microsoft.z3.Sort[] sorts = new com.microsoft.z3.Sort[terms.size()];
      for (int i = 0; i < sorts.length; i++) {
        sorts[i] = terms.get(i).getSort();
      }
      com.microsoft.z3.FuncDecl<com.microsoft.z3.BoolSort> tuple = smt.ctx.mkFuncDecl("values", sorts,
          smt.ctx.getBoolSort());
      Expr<?> all = smt.ctx.mkApp(tuple, terms.toArray(new Expr<?>[0]));
      Expr<?>[] evaluated = all.substitute((Expr[]) from, (Expr[]) to).simplify().getArgs();
      for (int i = 0; i < out.length; i++) {
        out[i] = evaluated[i] instanceof BitVecNum k ? k.getBigInteger().longValue() : UNDEFINED;
      }
      return out;
    }

    /** This evaluation with {@code undefined} (fresh variables) false as well. */
    Evaluation withUndefinedFalse(List<BoolExpr> undefined) {
      Expr<?>[] f = java.util.Arrays.copyOf(from, from.length + undefined.size());
      Expr<?>[] t = java.util.Arrays.copyOf(to, to.length + undefined.size());
      for (int i = 0; i < undefined.size(); i++) {
        f[from.length + i] = undefined.get(i);
        t[from.length + i] = smt.falsity();
      }
      return new Evaluation(smt, f, t);
    }

    private Evaluation(Smt smt, Expr<?>[] from, Expr<?>[] to) {
      this.smt = smt;
      this.from = from;
      this.to = to;
    }

    /** The truth of each condition at the initial state, or null when one depends on an undefined flag. */
    boolean[] truths(BoolExpr[] conditions) {
      List<BitVecExpr> bits = new ArrayList<>();
      for (BoolExpr c : conditions) {
        bits.add(smt.ite(c, smt.bv(1, 8), smt.bv(0, 8)));
      }
      long[] v = bits.isEmpty() ? new long[0] : values(bits);
      boolean[] out = new boolean[v.length];
      for (int i = 0; i < v.length; i++) {
        if (v[i] == UNDEFINED) {
          return null;
        }
        out[i] = v[i] == 1;
      }
      return out;
    }
  }
}
