package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One symbolic path: register, flag, segment-base and memory values as Z3 terms, the path condition,
 * where execution is, and the inlined calls it is inside.
 */
public final class SymState {
  public static final int CF = 0;
  public static final int PF = 1;
  public static final int AF = 2;
  public static final int ZF = 3;
  public static final int SF = 4;
  public static final int OF = 5;
  public static final int DF = 6;

  /** An inlined call: where to continue when the callee returns. */
  public record Frame(Lowered code, long base, int returnIndex, long returnAddress) {}

  public BitVecExpr[] regs = new BitVecExpr[16];
  public BoolExpr[] flags = new BoolExpr[7];
  public BitVecExpr fs;
  public BitVecExpr gs;
  public SymMemory mem;
  /** The path condition. */
  public BoolExpr path;
  /** When FS was set by a successful {@code arch_prctl(ARCH_SET_FS)} on this path. */
  public BoolExpr fsSet;
  public List<Frame> frames = new ArrayList<>();
  public Lowered code;
  public long base;
  public int index;
  public Map<Long, Integer> visits = new HashMap<>();

  public SymState copy() {
    SymState s = new SymState();
    s.regs = regs.clone();
    s.flags = flags.clone();
    s.fs = fs;
    s.gs = gs;
    s.mem = mem;
    s.path = path;
    s.fsSet = fsSet;
    s.frames = new ArrayList<>(frames);
    s.code = code;
    s.base = base;
    s.index = index;
    s.visits = new HashMap<>(visits);
    return s;
  }

  /** How many inlined calls deep execution is; 0 in the routine being verified. */
  public int depth() {
    return frames.size();
  }

  public BitVecExpr reg(Reg r) {
    return regs[r.number()];
  }

  public BitVecExpr sp() {
    return regs[Reg.SP.number()];
  }

  /** The symbol of the routine executing now. */
  public String routine() {
    return code.source().symbol();
  }
}
