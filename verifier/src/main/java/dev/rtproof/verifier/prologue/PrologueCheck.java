package dev.rtproof.verifier.prologue;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.SplitPrologue;
import dev.rtproof.dsl.ir.SplitPrologue.Style;
import dev.rtproof.dsl.ir.SplitPrologue.Variant;
import dev.rtproof.verifier.property.CheckContext;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.property.PropertyChecks;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code stackguard} check of an emitted prologue plus exactness: the body is entered exactly when the
 * variant's condition for calling morestack (reference §6's table, written here independently of the
 * emitting code) is false, and morestack is called exactly when it is true.
 */
final class PrologueCheck implements PropertyCheck {
  /** Stands for the frame size in the condition's text until a replay knows it. */
  static final String FRAMESIZE = "FRAMESIZE";
  /** A numeral that stands for the symbolic frame size while the condition is translated. */
  private static final long SENTINEL = 0x5eedf4a3c0de0001L;
  private static final String GUARD = "load64(load64(FS - 8) + 16)";

  private final CheckContext cx;
  private final PropertyCheck stackguard;
  private final String condition;

  PrologueCheck(CheckContext cx, String condition) {
    this.cx = cx;
    this.stackguard = PropertyChecks.create(cx);
    this.condition = condition;
  }

  /** When the variant calls morestack, in the expression language ({@code FRAMESIZE} for the frame size). */
  static String condition(Variant variant, Style style, long stackGuard) {
    return switch (variant) {
      case SMALL -> "SP <= " + GUARD;
      case MEDIUM -> "SP - (FRAMESIZE - 128) <= " + GUARD;
      case HUGE -> style == Style.G_IN_R14
          ? "SP < FRAMESIZE - 128 || SP - (FRAMESIZE - 128) <= " + GUARD
          : GUARD + " == " + SplitPrologue.STACK_PREEMPT + " || SP + " + stackGuard + " - " + GUARD
              + " <= FRAMESIZE + " + (stackGuard - SplitPrologue.STACK_SMALL);
    };
  }

  @Override
  public String trigger() {
    return stackguard.trigger();
  }

  @Override
  public int bodyEntryIndex(Lowered code) {
    return stackguard.bodyEntryIndex(code);
  }

  /** The condition at {@code s}, with the symbolic frame size. */
  private BoolExpr calls(SymState s) {
    BoolExpr c = cx.condition(condition.replace(FRAMESIZE, Long.toUnsignedString(SENTINEL)), s);
    BitVecExpr f = cx.env.frameSizeParameter();
    return (BoolExpr) c.substitute(cx.smt.bv(SENTINEL), f);
  }

  private Map<String, BitVecExpr> witnesses(SymState s) {
    Map<String, BitVecExpr> w = new LinkedHashMap<>();
    w.put("SP", s.sp());
    w.put("framesize", cx.env.frameSizeParameter());
    return w;
  }

  @Override
  public void bodyEntry(SymState s) {
    stackguard.bodyEntry(s);
    cx.obligation(s, cx.smt.not(calls(s)), s.code.at(s.index),
        "the body is entered where the check should call morestack (" + condition + ")", witnesses(s),
        Violation.expression(s.routine(), s.index, "!(" + condition + ")"));
  }

  @Override
  public void call(SymState s, String symbol, BitVecExpr target, Instr in) {
    if (s.depth() == 0 && symbol != null && symbol.startsWith("runtime·morestack")) {
      cx.trigger(s.path());
      cx.obligation(s, calls(s), in, "morestack is called where the check should enter the body (" + condition + ")",
          witnesses(s), Violation.expression(s.routine(), s.index, condition));
    }
  }
}
