package dev.rtproof.dsl.expr;

import dev.rtproof.dsl.expr.Expr.Binary;
import dev.rtproof.dsl.expr.Expr.BinaryOp;
import dev.rtproof.dsl.expr.Expr.UnaryOp;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the property expression language into a bound {@link Expr}.
 *
 * <p>Precedence is Go's, lowest first: {@code ==>} (right-associative), {@code ||}, {@code &&},
 * comparisons ({@code == != < <= > >=} unsigned, {@code <s <=s >s >=s} signed), {@code + - | ^},
 * {@code * / % << >> &}, then unary {@code - ~ !}. So {@code SP & 15 == 0} means {@code (SP & 15) == 0}.
 * Functions: {@code entry(R)}, {@code load8/16/32/64(addr)}.
 */
public final class ExprParser {
  private final String text;
  private final Names names;
  private final List<Token> tokens;
  private int at;

  private ExprParser(String text, Names names) throws ExprException {
    this.text = text;
    this.names = names;
    this.tokens = tokenize(text);
  }

  /** Parses a boolean expression (a requirement, postcondition or assertion). */
  public static Expr parseCondition(String text, Names names) throws ExprException {
    Expr e = parse(text, names);
    if (!e.isBool()) {
      throw new ExprException("expected a condition (a comparison or boolean), got a value", 1);
    }
    return e;
  }

  /** Parses any expression. */
  public static Expr parse(String text, Names names) throws ExprException {
    ExprParser p = new ExprParser(text, names);
    Expr e = p.implies();
    if (p.peek().kind != Kind.END) {
      throw p.error("unexpected '" + p.peek().text + "'", p.peek());
    }
    return e;
  }

  // ---- grammar ------------------------------------------------------------------------------------

  private Expr implies() throws ExprException {
    Expr left = or();
    if (accept("==>")) {
      Token t = previous();
      return bool(BinaryOp.IMPLIES, left, implies(), t);
    }
    return left;
  }

  private Expr or() throws ExprException {
    Expr left = and();
    while (accept("||")) {
      Token t = previous();
      left = bool(BinaryOp.LOR, left, and(), t);
    }
    return left;
  }

  private Expr and() throws ExprException {
    Expr left = comparison();
    while (accept("&&")) {
      Token t = previous();
      left = bool(BinaryOp.LAND, left, comparison(), t);
    }
    return left;
  }

  private static final String[] COMPARISONS = {"==", "!=", "<=s", ">=s", "<s", ">s", "<=", ">=", "<", ">"};
  private static final BinaryOp[] COMPARISON_OPS = {
    BinaryOp.EQ, BinaryOp.NE, BinaryOp.SLE, BinaryOp.SGE, BinaryOp.SLT, BinaryOp.SGT,
    BinaryOp.ULE, BinaryOp.UGE, BinaryOp.ULT, BinaryOp.UGT
  };

  private Expr comparison() throws ExprException {
    Expr left = additive();
    for (int i = 0; i < COMPARISONS.length; i++) {
      if (accept(COMPARISONS[i])) {
        Token t = previous();
        Expr right = additive();
        if (COMPARISON_OPS[i] == BinaryOp.EQ || COMPARISON_OPS[i] == BinaryOp.NE) {
          if (left.isBool() != right.isBool()) {
            throw error("'" + t.text + "' compares a condition with a value", t);
          }
          return new Binary(COMPARISON_OPS[i], left, right);
        }
        return value(COMPARISON_OPS[i], left, right, t);
      }
    }
    return left;
  }

  private Expr additive() throws ExprException {
    Expr left = multiplicative();
    while (true) {
      BinaryOp op = accept("+") ? BinaryOp.ADD : accept("-") ? BinaryOp.SUB
          : accept("|") ? BinaryOp.OR : accept("^") ? BinaryOp.XOR : null;
      if (op == null) {
        return left;
      }
      Token t = previous();
      left = value(op, left, multiplicative(), t);
    }
  }

  private Expr multiplicative() throws ExprException {
    Expr left = unary();
    while (true) {
      BinaryOp op = accept("*") ? BinaryOp.MUL : accept("/") ? BinaryOp.UDIV : accept("%") ? BinaryOp.UREM
          : accept("<<") ? BinaryOp.SHL : accept(">>") ? BinaryOp.SHR : accept("&") ? BinaryOp.AND : null;
      if (op == null) {
        return left;
      }
      Token t = previous();
      left = value(op, left, unary(), t);
    }
  }

  private Expr unary() throws ExprException {
    if (accept("-")) {
      return new Expr.Unary(UnaryOp.NEG, valueOperand(unary(), previous()));
    }
    if (accept("~")) {
      return new Expr.Unary(UnaryOp.BITNOT, valueOperand(unary(), previous()));
    }
    if (accept("!")) {
      Token t = previous();
      Expr e = unary();
      if (!e.isBool()) {
        throw error("'!' needs a condition; use '~' for bitwise not", t);
      }
      return new Expr.Unary(UnaryOp.NOT, e);
    }
    if (accept("+")) {
      return valueOperand(unary(), previous());
    }
    return primary();
  }

  private Expr primary() throws ExprException {
    Token t = advance();
    switch (t.kind) {
      case NUMBER:
        return new Expr.Num(t.value);
      case PUNCT:
        if (t.text.equals("(")) {
          Expr e = implies();
          expect(")");
          return e;
        }
        throw error("unexpected '" + t.text + "'", t);
      case IDENT:
        if (peek().text.equals("(") && peek().kind == Kind.PUNCT) {
          return call(t);
        }
        Expr bound = names.bind(t.text);
        if (bound == null) {
          throw error("unknown name '" + t.text + "': not a register, flag, layout constant or symbol"
              + " (write symbols with · or ., e.g. runtime·g0)", t);
        }
        return bound;
      default:
        throw error("expression ends too early", t);
    }
  }

  private Expr call(Token fn) throws ExprException {
    expect("(");
    Expr result;
    switch (fn.text) {
      case "entry" -> {
        Token arg = advance();
        Reg r = Reg.byName(arg.text);
        if (r != null && r.isGpr()) {
          result = new Expr.RegValue(r, true);
        } else if (arg.text.equals("FS") || arg.text.equals("GS")) {
          result = new Expr.SegmentBase(Expr.Segment.valueOf(arg.text), true);
        } else {
          throw error("entry(…) takes a register or FS/GS, not '" + arg.text + "'", arg);
        }
      }
      case "load8", "load16", "load32", "load64" -> {
        int width = Integer.parseInt(fn.text.substring(4));
        result = new Expr.Load(width, valueOperand(implies(), fn));
      }
      default -> throw error("unknown function '" + fn.text + "' (entry, load8, load16, load32, load64)", fn);
    }
    expect(")");
    return result;
  }

  private Expr value(BinaryOp op, Expr left, Expr right, Token t) throws ExprException {
    if (left.isBool() || right.isBool()) {
      throw error("'" + t.text + "' needs values, not conditions", t);
    }
    return new Binary(op, left, right);
  }

  private Expr bool(BinaryOp op, Expr left, Expr right, Token t) throws ExprException {
    if (!left.isBool() || !right.isBool()) {
      throw error("'" + t.text + "' needs conditions on both sides", t);
    }
    return new Binary(op, left, right);
  }

  private Expr valueOperand(Expr e, Token t) throws ExprException {
    if (e.isBool()) {
      throw error("'" + t.text + "' needs a value, not a condition", t);
    }
    return e;
  }

  // ---- tokens -------------------------------------------------------------------------------------

  private enum Kind { NUMBER, IDENT, PUNCT, END }

  private record Token(Kind kind, String text, long value, int column) {}

  private static final String[] PUNCTUATION = {
    "==>", "<=s", ">=s", "==", "!=", "<=", ">=", "<s", ">s", "&&", "||", "<<", ">>",
    "(", ")", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "<", ">", ","
  };

  private static List<Token> tokenize(String s) throws ExprException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isDigit(c)) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), number(s.substring(start, i), start + 1), start + 1));
        continue;
      }
      if (Character.isLetter(c) || c == '_' || c == '·') {
        while (i < s.length()) {
          char d = s.charAt(i);
          if (Character.isLetterOrDigit(d) || d == '_' || d == '·' || d == '.') {
            i++;
          } else if (d == '<' && s.startsWith("<>", i)) {
            i += 2;
          } else {
            break;
          }
        }
        out.add(new Token(Kind.IDENT, s.substring(start, i), 0, start + 1));
        continue;
      }
      String punct = null;
      for (String p : PUNCTUATION) {
        if (s.startsWith(p, i)) {
          // "<s"/">s" only when the s is not the start of a name: "a <s b" vs "a < sym".
          if ((p.endsWith("s")) && i + p.length() < s.length()
              && (Character.isLetterOrDigit(s.charAt(i + p.length())) || s.charAt(i + p.length()) == '_')) {
            continue;
          }
          punct = p;
          break;
        }
      }
      if (punct == null) {
        throw new ExprException("unexpected character '" + c + "'", start + 1);
      }
      i += punct.length();
      out.add(new Token(Kind.PUNCT, punct, 0, start + 1));
    }
    out.add(new Token(Kind.END, "end of expression", 0, s.length() + 1));
    return out;
  }

  private static long number(String digits, int column) throws ExprException {
    String d = digits.replace("_", "");
    try {
      if (d.startsWith("0x") || d.startsWith("0X")) {
        return Long.parseUnsignedLong(d.substring(2), 16);
      }
      return Long.parseUnsignedLong(d);
    } catch (NumberFormatException e) {
      throw new ExprException("bad number '" + digits + "' (decimal or 0x… hexadecimal, at most 64 bits)", column);
    }
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token previous() {
    return tokens.get(at - 1);
  }

  private Token advance() {
    Token t = tokens.get(at);
    if (t.kind != Kind.END) {
      at++;
    }
    return t;
  }

  private boolean accept(String punct) {
    Token t = peek();
    if (t.kind == Kind.PUNCT && t.text.equals(punct)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String punct) throws ExprException {
    if (!accept(punct)) {
      throw error("expected '" + punct + "' but found '" + peek().text + "'", peek());
    }
  }

  private ExprException error(String message, Token t) {
    return new ExprException(message + " in \"" + text + "\"", t.column);
  }
}
