package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.AsmExpr.Binary;
import dev.rtproof.dsl.asm.AsmExpr.Literal;
import dev.rtproof.dsl.asm.AsmExpr.Named;
import dev.rtproof.dsl.asm.AsmExpr.Paren;
import dev.rtproof.dsl.asm.AsmExpr.Unary;
import dev.rtproof.dsl.asm.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Go assembler constant expressions, with {@code cmd/asm}'s grammar and 64-bit unsigned arithmetic
 * ({@code parse.go expr/term/factor}): {@code + - | ^} bind loosest, then {@code * / % << >> &}, then unary
 * {@code + - ~} and parentheses. {@code |} binds like {@code +} and {@code &} like {@code *}, and a left shift
 * ends its term: Go's rules, not C's or Java's.
 *
 * <p>Macros are already expanded; when a run of tokens is one macro's expansion and forms one factor, the
 * factor is kept as {@link Named} so the importer can write the name again.
 */
final class AsmExprParser {
  private final Cursor in;
  private final Expansion context;

  private AsmExprParser(Cursor in, Expansion context) {
    this.in = in;
    this.context = context;
  }

  /** Parses one expression at the cursor; stops at the first token that cannot continue it. */
  static AsmExpr parse(Cursor in) throws AsmException {
    return new AsmExprParser(in, null).expr();
  }

  private AsmExpr expr() throws AsmException {
    AsmExpr value = term();
    while (true) {
      Token t = in.peek();
      if (t == null || !(t.is("+") || t.is("-") || t.is("|") || t.is("^"))) {
        return value;
      }
      in.next();
      AsmExpr right = term();
      long l = value.value();
      long r = right.value();
      long v = switch (t.text()) {
        case "+" -> l + r;
        case "-" -> l - r;
        case "|" -> l | r;
        default -> l ^ r;
      };
      value = new Binary(t.text(), value, right, v);
    }
  }

  private AsmExpr term() throws AsmException {
    AsmExpr value = factor();
    while (true) {
      Token t = in.peek();
      if (t == null || t.kind() != Kind.PUNCT) {
        return value;
      }
      switch (t.text()) {
        case "*", "&" -> {
          in.next();
          AsmExpr right = factor();
          long v = t.text().equals("*") ? value.value() * right.value() : value.value() & right.value();
          value = new Binary(t.text(), value, right, v);
        }
        case "/", "%" -> {
          in.next();
          AsmExpr right = factor();
          String what = t.text().equals("/") ? "division" : "modulo";
          if (value.value() < 0) {
            throw new AsmException(t.pos(), "asm-constant", what + " of a value with the high bit set (" + Long.toUnsignedString(value.value()) + ")");
          }
          if (right.value() == 0) {
            throw new AsmException(t.pos(), "asm-constant", what + " by zero");
          }
          long v = t.text().equals("/") ? Long.divideUnsigned(value.value(), right.value())
              : Long.remainderUnsigned(value.value(), right.value());
          value = new Binary(t.text(), value, right, v);
        }
        case "<<" -> {
          in.next();
          AsmExpr shift = factor();
          checkShift(t, shift, "left");
          // cmd/asm returns here: a left shift ends the term.
          return new Binary("<<", value, shift, shift.value() >= 64 ? 0 : value.value() << shift.value());
        }
        case ">>" -> {
          in.next();
          AsmExpr shift = term();
          checkShift(t, shift, "right");
          if (value.value() < 0) {
            throw new AsmException(t.pos(), "asm-constant", "right shift of a value with the high bit set (" + Long.toUnsignedString(value.value()) + ")");
          }
          value = new Binary(">>", value, shift, shift.value() >= 64 ? 0 : value.value() >>> shift.value());
        }
        default -> {
          return value;
        }
      }
    }
  }

  private static void checkShift(Token op, AsmExpr shift, String which) throws AsmException {
    if (shift.value() < 0) {
      throw new AsmException(op.pos(), "asm-constant", "negative " + which + " shift count " + shift.value());
    }
  }

  private AsmExpr factor() throws AsmException {
    Token t = in.peek();
    if (t == null) {
      throw in.error("expected a constant, found end of operand");
    }
    Expansion unit = unit(t);
    if (unit != null) {
      AsmExpr named = named(unit);
      if (named != null) {
        return named;
      }
    }
    in.next();
    switch (t.kind()) {
      case INT:
        return new Literal(t.text(), Numbers.parseInt(t));
      case CHAR:
        return new Literal(t.text(), Numbers.parseChar(t));
      case PUNCT:
        switch (t.text()) {
          case "+":
            AsmExpr plus = factor();
            return new Unary('+', plus, plus.value());
          case "-":
            AsmExpr minus = factor();
            return new Unary('-', minus, -minus.value());
          case "~":
            AsmExpr not = factor();
            return new Unary('~', not, ~not.value());
          case "(":
            AsmExpr inner = expr();
            in.expect(")");
            return new Paren(inner);
          default:
            break;
        }
        break;
      case IDENT:
        throw new AsmException(t.pos(), "asm-constant", "'" + t.text() + "' is not a constant: no #define or go_asm.h constant has that name");
      default:
        break;
    }
    throw new AsmException(t.pos(), "asm-constant", "expected a constant, found " + t.describe());
  }

  /**
   * The run of tokens {@code unit} produced, read as one factor and named after its macro; null when the
   * run is not exactly one factor (then its tokens are read one by one, as the assembler would).
   */
  private AsmExpr named(Expansion unit) throws AsmException {
    int start = in.index();
    int end = start;
    List<Token> tokens = in.tokens();
    while (end < tokens.size() && unit(tokens.get(end)) == unit) {
      end++;
    }
    List<Token> run = new ArrayList<>(tokens.subList(start, end));
    Cursor sub = new Cursor(run, tokens.get(end - 1).pos());
    AsmExpr value;
    try {
      value = new AsmExprParser(sub, unit).factor();
    } catch (AsmException e) {
      return null;
    }
    if (!sub.atEnd()) {
      return null;
    }
    in.seek(end);
    return new Named(unit.macro().name(), unit.macro().header(), value);
  }

  /**
   * The macro use a token stands for at this level: the outermost object-like expansion in its chain
   * inside {@link #context}, skipping function-like ones (their bodies are instructions, not names).
   */
  private Expansion unit(Token t) {
    List<Expansion> chain = new ArrayList<>();
    for (Expansion e = t.expansion(); e != null && e != context; e = e.parent()) {
      chain.add(0, e);
    }
    for (Expansion e : chain) {
      if (!e.macro().isFunctionLike()) {
        return e;
      }
    }
    return null;
  }
}
