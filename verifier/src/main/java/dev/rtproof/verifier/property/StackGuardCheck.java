package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.SplitPrologue;
import dev.rtproof.dsl.target.TargetProfile;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stackguard}: entering the body implies {@code SP − framesize > stackguard0 − StackSmall}, computed
 * without wrap-around, and stackguard0 is not a poison value ({@code ≥ 0x…f000}, StackPreempt among them),
 * so a poisoned guard always reaches morestack. stackguard0 is the current g's, read through the g slot
 * at {@code -8(FS)} at entry. The body is where an inserted stack check falls through to and the frame is its
 * framesize (arguments: none, or "" each), or the framesize and label {@code @StackGuard(frame = …, body = …)}
 * names.
 */
final class StackGuardCheck implements PropertyCheck {
  private final CheckContext cx;

  StackGuardCheck(CheckContext cx) {
    this.cx = cx;
    if (!cx.env.threadModel()) {
      throw new IllegalArgumentException("stackguard needs the thread model (the routine reads g through TLS)");
    }
    boolean inserted = cx.spec.args().isEmpty() || cx.spec.args().get(0).isEmpty() || cx.spec.args().get(1).isEmpty();
    Lowered.Split split = cx.env.program.lowered(cx.entry().routine()).split();
    if (inserted && split == null && cx.env.frameSizeParameter() == null) {
      throw new IllegalArgumentException("stackguard without frame and body needs an inserted stack check, and "
          + cx.entry().routine() + " gets none (NOSPLIT, or a small leaf)");
    }
    TargetProfile profile = cx.env.program.profile();
    if (inserted && split != null && split.variant() == SplitPrologue.Variant.HUGE
        && SplitPrologue.Style.of(profile) == SplitPrologue.Style.G_IN_CX) {
      Go116HugeCheckInvariant.assume(cx.env, guard(), SplitPrologue.stackGuard(profile));
    }
  }

  /** The current g's stackguard0 at entry. */
  private BitVecExpr guard() {
    var smt = cx.smt;
    SymState entry = cx.entry();
    BitVecExpr g = smt.var(Environment.CURRENT_G_VAR);
    return smt.zext(entry.mem.load(entry.mem.resolve(smt.addConstant(g, SplitPrologue.G_STACKGUARD0), 8,
        smt.truth(), null), 8), 64);
  }

  @Override
  public String trigger() {
    return "the body entry";
  }

  /** Argument {@code i} of the explicit form, or "" (the inserted prologue's). */
  private String arg(int i) {
    return cx.spec.args().size() > i ? cx.spec.args().get(i) : "";
  }

  @Override
  public int bodyEntryIndex(Lowered code) {
    String label = arg(1);
    if (label.isEmpty()) {
      return code.bodyStart();
    }
    int source = code.source().labelIndex(label);
    if (source < 0) {
      throw new IllegalArgumentException("stackguard names body label '" + label + "', which "
          + code.source().symbol() + " does not define");
    }
    return code.sourceStart()[source];
  }

  private BitVecExpr framesize(SymState s) {
    BitVecExpr parameter = cx.env.frameSizeParameter();
    if (parameter != null) {
      return parameter;
    }
    long f = arg(0).isEmpty() ? s.code.frameSize() : Long.decode(arg(0));
    return cx.smt.bv(f);
  }

  @Override
  public void bodyEntry(SymState s) {
    var smt = cx.smt;
    BitVecExpr guard = guard();
    BitVecExpr frame = framesize(s);
    BoolExpr notPoisoned = smt.ult(guard, smt.bv(SplitPrologue.STACK_POISON_MIN));
    BoolExpr room = smt.ctx.mkBVUGT(
        smt.ctx.mkBVAdd(wide(s.sp()), wide(smt.bv(SplitPrologue.STACK_SMALL))),
        smt.ctx.mkBVAdd(wide(guard), wide(frame)));
    Map<String, BitVecExpr> w = new LinkedHashMap<>();
    w.put("SP", s.sp());
    w.put("stackguard0", guard);
    w.put("framesize", frame);
    cx.trigger(s.path());
    Long constant = Smt.numeral(frame);
    cx.obligation(s, smt.all(notPoisoned, room), s.code.at(s.index),
        "the body is entered with SP - framesize <= stackguard0 - StackSmall, or with a poisoned stackguard0", w,
        Violation.stackguard(s.routine(), s.index, constant == null ? -1 : constant));
  }

  /** {@code v} with one more bit, so sums of two 64-bit values do not wrap. */
  private BitVecExpr wide(BitVecExpr v) {
    return cx.smt.ctx.mkZeroExt(1, v);
  }
}
