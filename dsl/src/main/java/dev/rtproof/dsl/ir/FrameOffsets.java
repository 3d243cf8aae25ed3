package dev.rtproof.dsl.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the pseudo-registers to hardware-SP offsets as {@code obj6.go preprocess} does: an argument
 * {@code name+off(FP)} becomes {@code (off + deltasp + 8)(SP)} and a local {@code name-off(SP)} becomes
 * {@code (-off + deltasp - bpsize)(SP)}, where {@code deltasp} is the framesize plus the PUSH/POP/ADJSP
 * adjustments of the source instructions before it, counted in source order (the assembler's linear SP
 * tracking, not the control flow).
 */
public final class FrameOffsets {
  private FrameOffsets() {}

  /** The SP delta the assembler assumes at each source instruction of {@code r}. */
  public static long[] deltas(Routine r, long framesize) {
    long[] d = new long[r.instrs().size()];
    long delta = framesize;
    for (int i = 0; i < d.length; i++) {
      d[i] = delta;
      Instr in = r.instrs().get(i);
      switch (in.op()) {
        case PUSHQ -> delta += 8;
        case POPQ -> delta -= 8;
        case ADJSP -> delta += ((Imm) in.arg(0)).value();
        default -> { }
      }
    }
    return d;
  }

  /** {@code in} with every FP and LOCAL operand rewritten for SP delta {@code deltasp}; {@code in} itself if none. */
  public static Instr rewrite(Instr in, long deltasp, int bpsize) {
    List<Operand> args = null;
    for (int i = 0; i < in.args().size(); i++) {
      if (in.arg(i) instanceof Mem m && (m.kind() == Mem.Kind.FP || m.kind() == Mem.Kind.LOCAL)) {
        if (args == null) {
          args = new ArrayList<>(in.args());
        }
        long disp = m.kind() == Mem.Kind.FP ? m.disp() + deltasp + 8 : m.disp() + deltasp - bpsize;
        args.set(i, new Mem(Mem.Kind.REG, Reg.SP, m.index(), m.scale(), disp, null));
      }
    }
    return args == null ? in : new Instr(in.op(), args, in.pos(), in.origin(), in.raw());
  }
}
