package dev.rtproof.emulator.random;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic generator of random programs over the instructions the emulator executes, for
 * differential tests: CPU ≡ emulator (with {@link Feature#cpu()}), generated program ≡ interpreter, and
 * symbolic ≡ emulator. The same seed, features and length always give the same cases.
 *
 * <p>Programs are well-behaved by construction: they terminate (branches go forward; loops count down
 * R12), keep the stack balanced (no branch crosses a PUSH, POP or ADJSP), touch memory only inside the
 * {@value #SCRATCH_SIZE}-byte global {@link #SCRATCH} (based at {@link #BASE}, indexed by {@link #INDEX}
 * holding 0…7) and pushed stack words, never branch on a flag an earlier instruction may have left
 * undefined, and use addresses as data only with {@link Feature#ADDRESSES} or the OS features. Only
 * {@link Feature#TRAPS} adds deliberate faults.
 */
public final class RandomPrograms {
  /** The scratch buffer's symbol. */
  public static final String SCRATCH = "·scratch";
  public static final int SCRATCH_SIZE = 256;
  /** Holds the scratch buffer's address; never written or used as data by random code. */
  public static final Reg BASE = Reg.R15;
  /** Holds a small index, 0…7, for indexed operands; read but never written. */
  public static final Reg INDEX = Reg.R13;
  /** The loop counter; written only by loops. */
  public static final Reg COUNTER = Reg.R12;
  /** The symbol of the entry routine of every case. */
  public static final String ENTRY = "·random";
  /** The symbol of the helper routine that {@link Feature#CALLS} programs call. */
  public static final String HELPER = "·helper";

  private final long seed;
  private final Set<Feature> features;
  private final int length;
  private long count;

  /**
   * Cases from {@code seed}, with {@code features}, each routine about {@code length} instructions long.
   */
  public RandomPrograms(long seed, Set<Feature> features, int length) {
    this.seed = seed;
    this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    this.length = length;
  }

  /** The next case of the sequence. */
  public RandomCase next() {
    return generate(mix(seed + 0x9e3779b97f4a7c15L * ++count));
  }

  /** The case of {@code caseSeed} (as printed by {@link RandomCase#toString()}). */
  public RandomCase generate(long caseSeed) {
    SplittableRandom rnd = new SplittableRandom(caseSeed);
    RandomOperands o = new RandomOperands(rnd, features);
    List<Routine> routines = new ArrayList<>();
    boolean helper = features.contains(Feature.CALLS);
    Set<Feature> helperFeatures = EnumSet.copyOf(features.isEmpty() ? EnumSet.noneOf(Feature.class) : features);
    helperFeatures.remove(Feature.CALLS);
    helperFeatures.remove(Feature.LOOPS);
    TrapBudget traps = new TrapBudget(features.contains(Feature.TRAPS) && o.chance(30));
    RoutineWriter main = new RoutineWriter(ENTRY, 0, o, features, helper ? HELPER : null, traps);
    routines.add(FlagGuard.apply(main.write(length)));
    if (helper) {
      int frame = new int[] {0, 8, 24}[rnd.nextInt(3)];
      RoutineWriter h = new RoutineWriter(HELPER, frame, o, helperFeatures, null, traps);
      routines.add(FlagGuard.apply(h.write(Math.max(4, length / 3))));
    }
    DataSymbol scratch = new DataSymbol(SCRATCH, TextFlags.NOPTR, SCRATCH_SIZE, List.of(), SourcePos.NONE);
    return new RandomCase(caseSeed, routines, List.of(scratch), state(rnd, o));
  }

  /** Another initial state for any case, from {@code stateSeed}: to run one program from many states. */
  public InitialState state(long stateSeed) {
    SplittableRandom rnd = new SplittableRandom(stateSeed);
    return state(rnd, new RandomOperands(rnd, features));
  }

  private static InitialState state(SplittableRandom rnd, RandomOperands o) {
    long[] regs = new long[16];
    for (int i = 0; i < 16; i++) {
      regs[i] = o.value();
    }
    regs[INDEX.number()] = rnd.nextInt(8);
    regs[BASE.number()] = 0;
    regs[Reg.SP.number()] = 0;
    byte[] scratch = new byte[SCRATCH_SIZE];
    rnd.nextBytes(scratch);
    return new InitialState(regs, rnd.nextLong(), scratch);
  }

  /** Whether a case may still contain its one deliberate trap. */
  static final class TrapBudget {
    private boolean available;

    TrapBudget(boolean available) {
      this.available = available;
    }

    boolean take() {
      boolean was = available;
      available = false;
      return was;
    }
  }

  /** True when no conditional jump of {@code r} may read a flag an earlier instruction left undefined. */
  public static boolean readsOnlyDefinedFlags(Routine r) {
    return FlagGuard.apply(r) == r;
  }

  /** A routine as Go assembly text: the TEXT line, then labels and tab-indented instructions. */
  public static String listing(Routine r) {
    StringBuilder sb = new StringBuilder("TEXT ").append(r.symbol()).append("(SB), ")
        .append(TextFlags.format(r.flags())).append(", $").append(r.frame()).append('\n');
    for (int i = 0; i < r.instrs().size(); i++) {
      for (LabelDef l : r.labels()) {
        if (l.index() == i) {
          sb.append(l.name()).append(":\n");
        }
      }
      Instr in = r.instrs().get(i);
      sb.append('\t').append(in).append('\n');
    }
    return sb.toString();
  }

  /** SplitMix64's finaliser: spreads consecutive seeds over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
