package dev.rtproof.dsl.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame Go 1.21+ assemblers build (reference §6, {@code FrameStyle.PUSH_BP}): at entry
 * {@code PUSHQ BP; MOVQ SP, BP; SUBQ $(framesize-8), SP}, before each RET
 * {@code ADDQ $(framesize-8), SP; POPQ BP}. The SUBQ/ADDQ pair is left out when the frame holds only the
 * saved BP; without a saved BP the frame is a plain SUBQ/ADDQ of framesize. Since Go 1.21 a NOSPLIT routine
 * with frame 0 that calls something saves BP too (the older "NOSPLIT and frameless" exception is gone).
 */
final class PushBpFrame {
  private PushBpFrame() {}

  /** The saved-BP slot: 8 unless NOFRAME or a frameless leaf. */
  static int bpsize(Routine r) {
    boolean hasCall = r.instrs().stream().anyMatch(i -> i.op() == Op.CALL);
    boolean saveBp = !r.hasFlag(TextFlags.NOFRAME) && !(Math.max(r.frame(), 0) == 0 && !hasCall);
    return saveBp ? 8 : 0;
  }

  static List<Instr> entry(int framesize, int bpsize, SourcePos pos) {
    List<Instr> out = new ArrayList<>();
    if (bpsize > 0) {
      out.add(implicit(pos, Op.PUSHQ, Reg.BP));
      out.add(implicit(pos, Op.MOVQ, Reg.SP, Reg.BP));
    }
    if (framesize - bpsize > 0) {
      out.add(implicit(pos, Op.SUBQ, new Imm(framesize - bpsize), Reg.SP));
    }
    return out;
  }

  static List<Instr> exit(int framesize, int bpsize, SourcePos pos) {
    List<Instr> out = new ArrayList<>();
    if (framesize - bpsize > 0) {
      out.add(implicit(pos, Op.ADDQ, new Imm(framesize - bpsize), Reg.SP));
    }
    if (bpsize > 0) {
      out.add(implicit(pos, Op.POPQ, Reg.BP));
    }
    return out;
  }

  private static Instr implicit(SourcePos pos, Op op, Operand... args) {
    return new Instr(op, List.of(args), pos, Instr.Origin.IMPLICIT);
  }
}
