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
 * The symbolic machine on one path (or on several merged ones): register, flag, segment-base and memory
 * values as Z3 terms, the path condition, where execution is, the inlined calls it is inside, and how
 * often it passed each instruction (for the unroll bound and for naming the values of each visit).
 */
public final class SymState {
  public static final int CF = 0;
  public static final int PF = 1;
  public static final int AF = 2;
  public static final int ZF = 3;
  public static final int SF = 4;
  public static final int OF = 5;
  public static final int DF = 6;

  /** An inlined call: where to continue when the callee returns, and the callee's entry state. */
  public record Frame(Lowered code, long base, int returnIndex, long returnAddress, Snapshot entry) {}

  final Smt smt;
  public BitVecExpr[] regs = new BitVecExpr[16];
  public BoolExpr[] flags = new BoolExpr[7];
  public BitVecExpr fs;
  public BitVecExpr gs;
  public SymMemory mem;
  /** The path condition. */
  public PathCondition pc;
  /** When FS was set by a successful {@code arch_prctl(ARCH_SET_FS)} on this path. */
  public BoolExpr fsSet;
  public List<Frame> frames = new ArrayList<>();
  public Lowered code;
  public long base;
  public int index;
  public Map<Long, Integer> visits = new HashMap<>();

  SymState(Smt smt) {
    this.smt = smt;
  }

  public SymState copy() {
    SymState s = new SymState(smt);
    s.regs = regs.clone();
    s.flags = flags.clone();
    s.fs = fs;
    s.gs = gs;
    s.mem = mem.copy();
    s.pc = pc;
    s.fsSet = fsSet;
    s.frames = new ArrayList<>(frames);
    s.code = code;
    s.base = base;
    s.index = index;
    s.visits = new HashMap<>(visits);
    return s;
  }

  /** The path condition as one formula. */
  public BoolExpr path() {
    return pc.expr(smt);
  }

  /** Restricts the path to where {@code c} holds. */
  public void assume(BoolExpr c) {
    pc = pc.and(smt, c);
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

  /** The code address of the instruction about to execute. */
  public long address() {
    return base + index;
  }

  /** How many times this path has been at the current instruction, counting the current visit. */
  public int visit() {
    return visits.getOrDefault(address(), 0);
  }

  /** The entry of the routine executing now: the callee's when inlined, else {@code entry}. */
  public Snapshot entryOf(Snapshot entry) {
    return frames.isEmpty() ? entry : frames.get(frames.size() - 1).entry();
  }

  /** The symbol of the routine executing now. */
  public String routine() {
    return code.source().symbol();
  }
}
