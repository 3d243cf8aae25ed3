package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The split-stack prologue and morestack stub the Go assembler inserts into a routine that is not NOSPLIT
 * ({@code obj6.go stacksplit}, reference §6), per target: Go ≤ 1.16 loads g from TLS into CX and its huge
 * variant compares against {@code StackPreempt}; Go 1.17+ loads g into R14 (ABI0 asm), uses R12 as the
 * scratch register and guards the huge variant's subtraction with {@code JCS}.
 */
public final class SplitPrologue {
  public static final long STACK_SMALL = 128;
  public static final long STACK_BIG = 4096;
  /** {@code stackPreempt}: uintptrMask &amp; −1314. */
  public static final long STACK_PREEMPT = 0xfffffffffffffadeL;
  /** {@code stackPoisonMin}: every poison value stored in stackguard0 is at least this. */
  public static final long STACK_POISON_MIN = 0xfffffffffffff000L;
  /** Offset of {@code g.stackguard0}, hard-coded by the compiler as 2*PtrSize. */
  public static final long G_STACKGUARD0 = 16;

  /** Calls that keep a small frameless function a leaf ({@code isZeroArgRuntimeCall}, Go 1.19). */
  private static final Set<String> ZERO_ARG_RUNTIME_CALLS =
      Set.of("runtime·panicdivide", "runtime·panicwrap", "runtime·panicshift");

  /** Where g comes from and which registers the check uses. */
  public enum Style {
    /** Go ≤ 1.16: {@code MOVQ (TLS), CX}; AX (SI for the huge variant) as temporaries. */
    G_IN_CX,
    /** Go 1.17+: {@code MOVQ (TLS), R14} in ABI0 asm; R12 as the temporary. */
    G_IN_R14;

    /** The style of a target, from its profile's prologue. */
    public static Style of(TargetProfile profile) {
      return profile.prologue() == TargetProfile.Prologue.G_IN_CX ? G_IN_CX : G_IN_R14;
    }

    /** The register holding g after the prologue's load. */
    public Reg g() {
      return this == G_IN_CX ? Reg.CX : Reg.R14;
    }
  }

  /** Small (framesize ≤ 128), medium (≤ 4096) or huge. */
  public enum Variant {
    SMALL, MEDIUM, HUGE;

    public static Variant of(long framesize) {
      return framesize <= STACK_SMALL ? SMALL : framesize <= STACK_BIG ? MEDIUM : HUGE;
    }
  }

  /**
   * An operand of the check whose constant depends on the frame size: it equals
   * {@code sign * framesize + bias}, with {@code sign} ±1. Lets a proof treat the frame size as symbolic.
   */
  public record FrameTerm(int index, int operand, int sign, long bias) {}

  /**
   * The inserted code: the check run at entry (its conditional jumps go to the stub), the stub placed after
   * the body ({@code CALL morestack} then a {@code JMP} back to the first check instruction), and the
   * operands that depend on the frame size.
   */
  public record Code(Variant variant, List<Instr> check, List<Instr> stub, List<FrameTerm> terms) {
    public Code {
      check = List.copyOf(check);
      stub = List.copyOf(stub);
      terms = List.copyOf(terms);
    }
  }

  /** The label a prologue's conditional jumps name: the stub. */
  public static final String STUB_LABEL = "morestack";
  /** The label the stub's JMP names: the first prologue instruction. */
  public static final String START_LABEL = "start";

  private SplitPrologue() {}

  /**
   * True when the assembler inserts a stack check: the routine is not NOSPLIT and not a leaf that the
   * automatic rule marks NOSPLIT (framesize &lt; StackSmall and no CALL but to a zero-argument panic helper,
   * and then framesize &lt; StackSmall − 8).
   */
  public static boolean needed(Routine r, long framesize) {
    if (r.hasFlag(TextFlags.NOSPLIT)) {
      return false;
    }
    if (framesize >= STACK_SMALL) {
      return true;
    }
    for (Instr in : r.instrs()) {
      if (in.op() != Op.CALL) {
        continue;
      }
      String callee = in.arg(0) instanceof Mem m && m.kind() == Mem.Kind.SYMBOL ? m.name() : null;
      if (callee == null || !zeroArgRuntimeCall(callee) || framesize >= STACK_SMALL - 8) {
        return true;
      }
    }
    return false;
  }

  private static boolean zeroArgRuntimeCall(String symbol) {
    return ZERO_ARG_RUNTIME_CALLS.contains(symbol) || symbol.startsWith("runtime·panicIndex")
        || symbol.startsWith("runtime·panicSlice");
  }

  /** The function the stub calls: {@code runtime·morestack} for NEEDCTXT routines, else the no-context entry. */
  public static String morestack(Routine r) {
    return r.hasFlag(TextFlags.NEEDCTXT) ? "runtime·morestack" : "runtime·morestack_noctxt";
  }

  /** The stack check and stub for {@code r} with the given framesize (declared frame plus the saved-BP slot). */
  public static Code of(Routine r, long framesize, TargetProfile profile) {
    return emit(Style.of(profile), framesize, stackGuard(profile), morestack(r), r.pos());
  }

  /** The target's {@code StackGuard} (928 on linux from Go 1.15 on), used by the Go ≤ 1.16 huge variant. */
  public static long stackGuard(TargetProfile profile) {
    return profile.stack().guard();
  }

  /** Emits the check of {@code style} for {@code framesize}, calling {@code morestack} from the stub. */
  public static Code emit(Style style, long framesize, long stackGuard, String morestack, SourcePos pos) {
    Variant variant = Variant.of(framesize);
    List<Instr> c = new ArrayList<>();
    List<FrameTerm> terms = new ArrayList<>();
    Reg g = style.g();
    Mem guard = Mem.reg(G_STACKGUARD0, g);
    LabelRef stub = new LabelRef(STUB_LABEL);
    add(c, pos, Op.MOVQ, Mem.tls(0, g), g);
    Reg tmp = style == Style.G_IN_CX ? Reg.AX : Reg.R12;
    switch (variant) {
      case SMALL -> add(c, pos, Op.CMPQ, Reg.SP, guard);
      case MEDIUM -> {
        terms.add(new FrameTerm(c.size(), 0, -1, STACK_SMALL));
        add(c, pos, Op.LEAQ, Mem.reg(-(framesize - STACK_SMALL), Reg.SP), tmp);
        add(c, pos, Op.CMPQ, tmp, guard);
      }
      case HUGE -> {
        if (style == Style.G_IN_CX) {
          add(c, pos, Op.MOVQ, guard, Reg.SI);
          add(c, pos, Op.CMPQ, Reg.SI, new Imm(STACK_PREEMPT));
          add(c, pos, Op.JEQ, stub);
          add(c, pos, Op.LEAQ, Mem.reg(stackGuard, Reg.SP), Reg.AX);
          add(c, pos, Op.SUBQ, Reg.SI, Reg.AX);
          terms.add(new FrameTerm(c.size(), 1, 1, stackGuard - STACK_SMALL));
          add(c, pos, Op.CMPQ, Reg.AX, new Imm(framesize + stackGuard - STACK_SMALL));
        } else {
          add(c, pos, Op.MOVQ, Reg.SP, tmp);
          terms.add(new FrameTerm(c.size(), 0, 1, -STACK_SMALL));
          add(c, pos, Op.SUBQ, new Imm(framesize - STACK_SMALL), tmp);
          add(c, pos, Op.JCS, stub);
          add(c, pos, Op.CMPQ, tmp, guard);
        }
      }
    }
    add(c, pos, Op.JLS, stub);
    List<Instr> s = new ArrayList<>();
    add(s, pos, Op.CALL, Mem.symbol(morestack, 0));
    add(s, pos, Op.JMP, new LabelRef(START_LABEL));
    return new Code(variant, c, s, terms);
  }

  private static void add(List<Instr> code, SourcePos pos, Op op, Operand... args) {
    code.add(new Instr(op, List.of(args), pos, Instr.Origin.IMPLICIT));
  }
}
