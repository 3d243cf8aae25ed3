package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a routine into what the Go assembler emits for it ({@code obj6.go preprocess}, reference §6):
 * the split-stack check of a routine that is not NOSPLIT ({@link SplitPrologue}), the frame setup at
 * entry, the epilogue before each RET, pseudo-register operands rewritten to SP offsets
 * ({@link FrameOffsets}), the morestack stub after the body, and resolved branch targets.
 * Requires a routine without {@link RoutineChecks} problems.
 */
public final class Lowering {
  private Lowering() {}

  /** The size of the saved-BP slot the assembler adds to {@code r}'s frame: 8 or 0. */
  public static int bpsize(Routine r, TargetProfile profile) {
    if (profile.frameStyle() == TargetProfile.FrameStyle.PUSH_BP) {
      return PushBpFrame.bpsize(r);
    }
    int autoffset = Math.max(r.frame(), 0);
    boolean hasCall = r.instrs().stream().anyMatch(i -> i.op() == Op.CALL);
    // Go ≤ 1.20 saves BP unless NOFRAME, or frameless and NOSPLIT ("scary runtime internals"), or a
    // frameless leaf (obj6.go, the three cases before "Make room to save a base pointer").
    boolean saveBp = !r.hasFlag(TextFlags.NOFRAME)
        && !(autoffset == 0 && r.hasFlag(TextFlags.NOSPLIT))
        && !(autoffset == 0 && !hasCall);
    return saveBp ? 8 : 0;
  }

  /** The assembler's framesize of {@code r}: the declared frame (at least 0) plus the saved-BP slot. */
  public static int framesize(Routine r, TargetProfile profile) {
    return Math.max(r.frame(), 0) + bpsize(r, profile);
  }

  /** The morestack function {@code r}'s inserted stub calls, or null when it gets no stack check. */
  public static String morestackCallee(Routine r, TargetProfile profile) {
    return SplitPrologue.needed(r, framesize(r, profile)) ? SplitPrologue.morestack(r) : null;
  }

  public static Lowered lower(Routine r, TargetProfile profile) {
    int bpsize = bpsize(r, profile);
    int framesize = framesize(r, profile);
    boolean pushBp = profile.frameStyle() == TargetProfile.FrameStyle.PUSH_BP;

    Code out = new Code();
    SplitPrologue.Code check = SplitPrologue.needed(r, framesize) ? SplitPrologue.of(r, framesize, profile) : null;
    if (check != null) {
      for (Instr in : check.check()) {
        out.implicit(in, in.op().isBranch() ? Code.STUB : -1);
      }
    }
    int bodyStart = out.size();
    if (pushBp) {
      PushBpFrame.entry(framesize, bpsize, r.pos()).forEach(in -> out.implicit(in, -1));
    }
    if (framesize != 0 && !pushBp) {
      out.implicit(r.pos(), Op.SUBQ, new Imm(framesize), Reg.SP);
    }
    if (bpsize > 0 && !pushBp) {
      out.implicit(r.pos(), Op.MOVQ, Reg.BP, Mem.reg(framesize - 8, Reg.SP));
      out.implicit(r.pos(), Op.LEAQ, Mem.reg(framesize - 8, Reg.SP), Reg.BP);
    }
    long[] deltas = FrameOffsets.deltas(r, framesize);
    int[] sourceStart = new int[r.instrs().size()];
    for (int s = 0; s < r.instrs().size(); s++) {
      Instr in = r.instrs().get(s);
      sourceStart[s] = out.size();
      if (in.op() == Op.RET && pushBp) {
        PushBpFrame.exit(framesize, bpsize, in.pos()).forEach(e -> out.implicit(e, -1));
      } else if (in.op() == Op.RET && framesize != 0) {
        if (bpsize > 0) {
          out.implicit(in.pos(), Op.MOVQ, Mem.reg(framesize - 8, Reg.SP), Reg.BP);
        }
        out.implicit(in.pos(), Op.ADDQ, new Imm(framesize), Reg.SP);
      }
      out.source(FrameOffsets.rewrite(in, deltas[s], bpsize), s);
    }
    Lowered.Split split = null;
    if (check != null) {
      int stubStart = out.size();
      for (Instr in : check.stub()) {
        out.implicit(in, in.op() == Op.JMP ? 0 : -1);
      }
      out.resolveStub(stubStart);
      split = new Lowered.Split(check.variant(), bodyStart, stubStart);
    }

    int[] target = new int[out.size()];
    for (int i = 0; i < out.size(); i++) {
      target[i] = out.implicitTarget.get(i);
      Instr in = out.code.get(i);
      int s = out.sourceIndex.get(i);
      if (s < 0 || !in.op().isBranch() || in.args().size() != 1) {
        continue;
      }
      if (in.arg(0) instanceof LabelRef ref) {
        target[i] = sourceStart[r.labelIndex(ref.name())];
      } else if (in.arg(0) instanceof PcRel pc) {
        target[i] = sourceStart[s + pc.n()];
      }
    }
    return new Lowered(r, List.copyOf(out.code), target,
        out.sourceIndex.stream().mapToInt(Integer::intValue).toArray(), sourceStart, framesize, split);
  }

  /** The lowered code being built: instructions, their source index (-1: implicit), implicit branch targets. */
  private static final class Code {
    static final int STUB = -2;
    final List<Instr> code = new ArrayList<>();
    final List<Integer> sourceIndex = new ArrayList<>();
    final List<Integer> implicitTarget = new ArrayList<>();

    int size() {
      return code.size();
    }

    void implicit(SourcePos pos, Op op, Operand... args) {
      implicit(new Instr(op, List.of(args), pos, Instr.Origin.IMPLICIT), -1);
    }

    void implicit(Instr in, int target) {
      code.add(in);
      sourceIndex.add(-1);
      implicitTarget.add(target);
    }

    void source(Instr in, int index) {
      code.add(in);
      sourceIndex.add(index);
      implicitTarget.add(-1);
    }

    void resolveStub(int stubStart) {
      implicitTarget.replaceAll(t -> t == STUB ? stubStart : t);
    }
  }
}
