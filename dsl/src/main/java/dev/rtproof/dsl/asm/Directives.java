package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;

/** Operands of the TEXT, GLOBL and DATA pseudo-instructions that are not ordinary operands. */
final class Directives {
  /** {@code $frame} or {@code $frame-args}: two integer literals, only the frame may be negative. */
  record FrameSize(int frame, int args) {}

  private Directives() {}

  /** Operand {@code operand} of {@code s} as a whole constant expression (flags: {@code NOSPLIT|NOFRAME}). */
  static long constant(Statement s, int operand, String what) throws AsmException {
    List<Token> tokens = s.operands().get(operand);
    Cursor c = new Cursor(tokens, s.endOf(operand));
    AsmExpr e = AsmExprParser.parse(c);
    if (!c.atEnd()) {
      throw c.error("unexpected " + c.peek().describe() + " in " + what);
    }
    return e.value();
  }

  /** The TEXT frame operand, as {@code cmd/asm asmText} reads it: no expressions, just numbers. */
  static FrameSize frameSize(Statement s, int operand, String symbol) throws AsmException {
    List<Token> op = s.operands().get(operand);
    int i = 0;
    if (!op.get(i).is("$")) {
      throw new AsmException(op.get(0).pos(), "asm-text", "TEXT " + symbol + ": the frame size is an immediate, as in $16 or $16-8");
    }
    i++;
    boolean negative = i < op.size() && op.get(i).is("-");
    if (negative) {
      i++;
    }
    if (i >= op.size() || op.get(i).kind() != Kind.INT) {
      throw new AsmException(i < op.size() ? op.get(i).pos() : s.endOf(operand), "asm-text",
          "TEXT " + symbol + ": the frame size must be an integer literal, as in $16 or $16-8");
    }
    long frame = size(op.get(i), symbol, "frame");
    i++;
    long args = TextFlags.ARGS_UNKNOWN;
    if (i < op.size()) {
      if (i + 2 != op.size() || !op.get(i).is("-") || op.get(i + 1).kind() != Kind.INT) {
        throw new AsmException(op.get(i).pos(), "asm-text", "TEXT " + symbol + ": the argument size must be -integer, as in $16-8");
      }
      args = size(op.get(i + 1), symbol, "argument");
    }
    return new FrameSize((int) (negative ? -frame : frame), (int) args);
  }

  private static long size(Token t, String symbol, String which) throws AsmException {
    long v = Numbers.parseInt(t);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new AsmException(t.pos(), "asm-text", "TEXT " + symbol + ": the " + which + " size " + t.text() + " is too large");
    }
    return v;
  }
}
