package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.target.TargetProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a routine into what the Go assembler emits for it ({@code obj6.go preprocess}, reference §6):
 * the frame setup at entry, the epilogue before each RET, and resolved branch targets.
 * Requires a routine without {@link RoutineChecks} problems.
 */
public final class Lowering {
  private Lowering() {}

  public static Lowered lower(Routine r, TargetProfile profile) {
    int autoffset = Math.max(r.frame(), 0);
    boolean hasCall = r.instrs().stream().anyMatch(i -> i.op() == Op.CALL);
    // Go ≤ 1.20 saves BP unless NOFRAME, or frameless and NOSPLIT ("scary runtime internals"), or a
    // frameless leaf (obj6.go, the three cases before "Make room to save a base pointer").
    boolean saveBp = !r.hasFlag(TextFlags.NOFRAME)
        && !(autoffset == 0 && r.hasFlag(TextFlags.NOSPLIT))
        && !(autoffset == 0 && !hasCall);
    int bpsize = saveBp ? 8 : 0;
    int framesize = autoffset + bpsize;

    List<Instr> code = new ArrayList<>();
    List<Integer> sourceIndex = new ArrayList<>();
    int[] sourceStart = new int[r.instrs().size()];

    if (profile.frameStyle() != TargetProfile.FrameStyle.STORE_BP) {
      throw new UnsupportedOperationException("frame style " + profile.frameStyle() + " of " + profile);
    }
    if (framesize != 0) {
      implicit(code, sourceIndex, r.pos(), Op.SUBQ, new Imm(framesize), Reg.SP);
    }
    if (bpsize > 0) {
      implicit(code, sourceIndex, r.pos(), Op.MOVQ, Reg.BP, Mem.reg(framesize - 8, Reg.SP));
      implicit(code, sourceIndex, r.pos(), Op.LEAQ, Mem.reg(framesize - 8, Reg.SP), Reg.BP);
    }
    for (int s = 0; s < r.instrs().size(); s++) {
      Instr in = r.instrs().get(s);
      sourceStart[s] = code.size();
      if (in.op() == Op.RET && framesize != 0) {
        if (bpsize > 0) {
          implicit(code, sourceIndex, in.pos(), Op.MOVQ, Mem.reg(framesize - 8, Reg.SP), Reg.BP);
        }
        implicit(code, sourceIndex, in.pos(), Op.ADDQ, new Imm(framesize), Reg.SP);
      }
      code.add(in);
      sourceIndex.add(s);
    }

    int[] target = new int[code.size()];
    for (int i = 0; i < code.size(); i++) {
      target[i] = -1;
      Instr in = code.get(i);
      if (!in.op().isBranch() || in.args().size() != 1) {
        continue;
      }
      int s = sourceIndex.get(i);
      if (in.arg(0) instanceof LabelRef ref) {
        target[i] = sourceStart[r.labelIndex(ref.name())];
      } else if (in.arg(0) instanceof PcRel pc) {
        target[i] = sourceStart[s + pc.n()];
      }
    }
    return new Lowered(r, List.copyOf(code), target,
        sourceIndex.stream().mapToInt(Integer::intValue).toArray(), sourceStart, framesize);
  }

  private static void implicit(List<Instr> code, List<Integer> sourceIndex, SourcePos pos, Op op, Operand... args) {
    code.add(new Instr(op, List.of(args), pos, Instr.Origin.IMPLICIT));
    sourceIndex.add(-1);
  }
}
