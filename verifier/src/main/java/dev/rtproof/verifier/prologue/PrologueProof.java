package dev.rtproof.verifier.prologue;

import com.microsoft.z3.BitVecExpr;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SplitPrologue;
import dev.rtproof.dsl.ir.SplitPrologue.Style;
import dev.rtproof.dsl.ir.SplitPrologue.Variant;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.dsl.target.TargetProfile;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.Go116HugeCheckInvariant;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.replay.ReplayResult;
import dev.rtproof.verifier.replay.Replayer;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Smt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameterized proof of a target's stack check, one per target and variant: for every frame size in
 * the variant's range — the frame size a symbolic constant in the emitted instructions — the code
 * {@link SplitPrologue} emits keeps the {@code stackguard} guarantee at the body entry, and calls morestack
 * exactly when reference §6 says the variant does ({@link PrologueCheck}). {@link Mutation}s turn it into
 * a mutant prologue generator for negative tests; a violation is replayed on the code emitted for the
 * counterexample's frame size.
 */
public final class PrologueProof {
  /** Frame sizes above this do not fit the 32-bit immediates and displacements the check uses. */
  public static final long MAX_FRAME = 0x7fff0000L;

  /** A change to the emitted check, for negative tests. */
  public enum Mutation {
    NONE,
    /** The final {@code JLS} to the stub becomes {@code JCS} (equality no longer calls morestack). */
    JLS_TO_JCS,
    /**
     * {@code framesize−128} becomes {@code framesize−127} wherever the check computes it; the small variant,
     * which computes nothing from the frame size, is used one frame size past StackSmall instead.
     */
    FRAME_MINUS_127
  }

  private final Target target;
  private final Variant variant;
  private final Mutation mutation;

  public PrologueProof(Target target, Variant variant, Mutation mutation) {
    this.target = target;
    this.variant = variant;
    this.mutation = mutation;
  }

  /** The frame sizes the proof covers: {@code [lo, hi]}. */
  public long[] range() {
    return switch (variant) {
      case SMALL -> new long[] {0, mutation == Mutation.FRAME_MINUS_127 ? SplitPrologue.STACK_SMALL + 1
          : SplitPrologue.STACK_SMALL};
      case MEDIUM -> new long[] {SplitPrologue.STACK_SMALL + 1, SplitPrologue.STACK_BIG};
      case HUGE -> new long[] {SplitPrologue.STACK_BIG + 1, MAX_FRAME};
    };
  }

  /** Proves (or refutes) the check of this target and variant. */
  public Verdict verify(VerifyOptions options) {
    Emitted e = emit(range()[0]);
    Program program = new Program(List.of(e.routine()));
    return new Verifier(options).verify(program, e.routine(), e.routine().properties().get(0), new Setup(e));
  }

  private String symbol() {
    return "prologue·" + target.name().toLowerCase(java.util.Locale.ROOT) + "_" + variant.name().toLowerCase(
        java.util.Locale.ROOT) + (mutation == Mutation.NONE ? "" : "_" + mutation.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The routine around a check emitted for {@code framesize}: {@code start: check; body: RET; morestack: stub}. */
  record Emitted(Routine routine, List<SplitPrologue.FrameTerm> terms, List<Instr> check, long framesize) {}

  Emitted emit(long framesize) {
    TargetProfile p = target.profile();
    Style style = Style.of(p);
    SplitPrologue.Code code = SplitPrologue.emit(style, framesize, SplitPrologue.stackGuard(p),
        "runtime·morestack_noctxt", SourcePos.NONE);
    if (SplitPrologue.Variant.of(framesize) != variant && mutation != Mutation.FRAME_MINUS_127) {
      throw new IllegalArgumentException("framesize " + framesize + " is not in the " + variant + " variant");
    }
    List<Instr> check = new ArrayList<>(code.check());
    List<SplitPrologue.FrameTerm> terms = new ArrayList<>();
    for (SplitPrologue.FrameTerm t : code.terms()) {
      SplitPrologue.FrameTerm m = mutation == Mutation.FRAME_MINUS_127
          ? new SplitPrologue.FrameTerm(t.index(), t.operand(), t.sign(), t.bias() + t.sign()) : t;
      terms.add(m);
      check.set(t.index(), withConstant(check.get(t.index()), t.operand(), m.sign() * framesize + m.bias()));
    }
    if (mutation == Mutation.JLS_TO_JCS) {
      int last = check.size() - 1;
      check.set(last, new Instr(Op.JCS, check.get(last).args(), SourcePos.NONE, Instr.Origin.SOURCE));
    }
    Routine.Builder b = Routine.builder(symbol(), target.name()).flags(TextFlags.NOSPLIT | TextFlags.NOFRAME)
        .label(SplitPrologue.START_LABEL);
    check.forEach(b::add);
    b.label("body").instr(Op.RET).label(SplitPrologue.STUB_LABEL);
    code.stub().forEach(b::add);
    Routine r = b.property(PropertySpec.STACKGUARD, "", "body").build();
    return new Emitted(r, terms, check, framesize);
  }

  private static Instr withConstant(Instr in, int operand, long value) {
    List<Operand> args = new ArrayList<>(in.args());
    Operand o = args.get(operand);
    args.set(operand, o instanceof Mem m ? new Mem(m.kind(), m.base(), m.index(), m.scale(), value, m.name())
        : new Imm(value));
    return new Instr(in.op(), args, in.pos(), in.origin());
  }

  /** Makes the frame size symbolic, checks exactness, and replays on concretely emitted code. */
  private final class Setup implements Verifier.Setup {
    private final Emitted emitted;

    Setup(Emitted emitted) {
      this.emitted = emitted;
    }

    @Override
    public void prepare(Environment env) {
      Smt smt = env.smt;
      BitVecExpr f = smt.var("framesize");
      long[] range = range();
      env.constrain(smt.all(smt.ule(smt.bv(range[0]), f), smt.ule(f, smt.bv(range[1]))),
          "the frame size is any value in [" + range[0] + ", " + range[1] + "] (" + variant + " variant)");
      Map<Instr, Map<Integer, BitVecExpr>> terms = new IdentityHashMap<>();
      for (SplitPrologue.FrameTerm t : emitted.terms()) {
        BitVecExpr term = t.sign() > 0 ? smt.addConstant(f, t.bias()) : smt.sub(smt.bv(t.bias()), f);
        terms.computeIfAbsent(emitted.check().get(t.index()), k -> new HashMap<>()).put(t.operand(), term);
      }
      env.parameterizeFrameSize(f, terms);
      if (Style.of(target.profile()) == Style.G_IN_CX && variant == Variant.HUGE) {
        BitVecExpr guard = smt.load(smt.memory(Environment.initialArrayName(Environment.CURRENT_G)),
            smt.bv(SplitPrologue.G_STACKGUARD0), 8);
        Go116HugeCheckInvariant.assume(env, guard, SplitPrologue.stackGuard(target.profile()));
      }
    }

    @Override
    public PropertyCheck check(CheckContext cx) {
      return new PrologueCheck(cx, PrologueCheck.condition(variant, Style.of(target.profile()),
          SplitPrologue.stackGuard(target.profile())));
    }

    @Override
    public ReplayResult replay(Program program, Routine routine, Counterexample cex) {
      long f = cex.witnesses().get("framesize");
      // The small check does not depend on the frame size (its mutant covers one size past the variant).
      Emitted concrete = emit(variant == Variant.SMALL ? range()[0] : f);
      Violation v = cex.violation();
      Violation replayed = new Violation(v.kind(), concrete.routine().symbol(), v.index(), v.modulus(), v.symbol(),
          v.expression().replace(PrologueCheck.FRAMESIZE, Long.toString(f)), v.kind() == Violation.Kind.STACKGUARD
              ? f : v.number());
      return Replayer.interpreting(List.of(concrete.routine()), List.of())
          .replay(concrete.routine().symbol(), cex.initial(), replayed);
    }
  }

  /** Verdicts for every variant of {@code target} with {@code mutation}. */
  public static List<Verdict> all(Target target, Mutation mutation, VerifyOptions options) {
    List<Verdict> out = new ArrayList<>();
    for (Variant v : Variant.values()) {
      out.add(new PrologueProof(target, v, mutation).verify(options));
    }
    return out;
  }
}
