package dev.rtproof.dsl.abi;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code frame-layout} checks of {@code go vet}'s asmdecl over a routine and its {@code @Go}
 * declaration: every {@code name+off(FP)} names a parameter, result or part of one at its offset, is
 * accessed at its width, the results are referenced before a RET, and {@code args} is the frame size.
 * Stricter than asmdecl in two places: extending moves ({@code MOVBLZX}, …) are checked at their source
 * width, and the RET check covers named results too.
 */
public final class FrameLayoutCheck {
  public static final String UNKNOWN_NAME = "frame-unknown-name";
  public static final String WRONG_OFFSET = "frame-wrong-offset";
  public static final String WRONG_WIDTH = "frame-wrong-width";
  public static final String ARGS_SIZE = "frame-args-size";
  public static final String RET_UNWRITTEN = "frame-ret-unwritten";

  private FrameLayoutCheck() {}

  /** The problems of {@code r} against {@code frame}, in source order; empty when the layout matches. */
  public static List<Problem> check(Routine r, ArgFrame frame) {
    List<Problem> problems = new ArrayList<>();
    String decl = "func " + frame.decl().name();
    int declared = r.args() == TextFlags.ARGS_UNKNOWN ? 0 : r.args();
    if (declared != frame.size() && (!r.hasFlag(TextFlags.NOSPLIT) || declared != 0)) {
      String given = r.args() == TextFlags.ARGS_UNKNOWN ? "no args" : "args = " + r.args();
      problems.add(new Problem(ARGS_SIZE, r.symbol() + ": @Routine has " + given + ", but " + decl + " has a "
          + frame.size() + "-byte argument frame (args = " + frame.size() + ")", r.pos()));
    }
    boolean resultReferenced = false;
    for (Instr in : r.instrs()) {
      for (int i = 0; i < in.args().size(); i++) {
        if (in.arg(i) instanceof Mem m && m.kind() == Mem.Kind.FP) {
          ArgFrame.Var v = frame.var(m.name());
          resultReferenced |= v != null && v.result();
          Problem p = checkReference(in, i, m, v, frame);
          if (p != null) {
            problems.add(p);
          }
        }
      }
    }
    if (frame.hasResults() && !resultReferenced) {
      ArgFrame.Var first = frame.var(frame.decl().results().get(0).name());
      for (Instr in : r.instrs()) {
        if (in.op() == Op.RET) {
          problems.add(new Problem(RET_UNWRITTEN, r.symbol() + ": RET without writing to " + first.size() + "-byte "
              + first.name() + "+" + first.offset() + "(FP)", in.pos()));
        }
      }
    }
    return problems;
  }

  private static Problem checkReference(Instr in, int operand, Mem m, ArgFrame.Var v, ArgFrame frame) {
    String expr = m.name() + (m.disp() < 0 ? "" : "+") + m.disp() + "(FP)";
    if (v == null) {
      if (m.name().equals("argframe") && m.disp() == 0) {
        return null;
      }
      ArgFrame.Var there = frame.varAt(m.disp());
      return new Problem(UNKNOWN_NAME, "unknown variable " + m.name() + " in " + in + (there == null ? ""
          : "; offset " + m.disp() + " is " + there.name() + "+" + there.offset() + "(FP)"), in.pos());
    }
    if (m.disp() != v.offset()) {
      return new Problem(WRONG_OFFSET, "invalid offset " + expr + " in " + in + "; expected " + v.name() + "+"
          + v.offset() + "(FP)", in.pos());
    }
    long width = accessWidth(in.op(), operand, in.args().size());
    if (width == 0) {
      return null;
    }
    long size = v.size();
    String type = v.type();
    switch (v.kind()) {
      case STRING, SLICE, INTERFACE, EMPTY_INTERFACE -> {
        // the first word (the pointer) may be accessed by the whole's name
        size = v.inner().get(0).size();
        type = v.inner().get(0).type();
      }
      case COMPLEX -> {
        if (width == size) {
          return null;
        }
      }
      case STRUCT, ARRAY -> {
        return new Problem(WRONG_WIDTH, "invalid " + in.op() + " of " + expr + "; " + type + " is " + size
            + "-byte value" + parts(v, " and"), in.pos());
      }
      case SCALAR -> { }
    }
    if (width != size) {
      return new Problem(WRONG_WIDTH, "invalid " + in.op() + " of " + expr + "; " + type + " is " + size
          + "-byte value", in.pos());
    }
    return null;
  }

  /**
   * The bytes instruction {@code op} accesses at operand {@code operand}: the source width for the first
   * of two operands, the operation width otherwise; 0 where no width applies (LEA takes an address,
   * branches and pseudo-instructions have none).
   */
  static long accessWidth(Op op, int operand, int operands) {
    if (op.form() == Op.Form.LEA) {
      return 0;
    }
    int bits = operand == 0 && operands > 1 ? op.sourceWidth() : op.width();
    return bits / 8;
  }

  private static String parts(ArgFrame.Var v, String conjunction) {
    if (v.inner().isEmpty()) {
      return "";
    }
    List<String> names = v.inner().stream().map(p -> p.name() + "+" + p.offset() + "(FP)").collect(Collectors.toList());
    String last = names.remove(names.size() - 1);
    return " containing " + (names.isEmpty() ? "" : String.join(", ", names) + conjunction + " ") + last;
  }
}
