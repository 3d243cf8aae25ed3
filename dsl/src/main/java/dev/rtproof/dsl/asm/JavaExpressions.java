package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.AsmExpr.Binary;
import dev.rtproof.dsl.asm.AsmExpr.Literal;
import dev.rtproof.dsl.asm.AsmExpr.Named;
import dev.rtproof.dsl.asm.AsmExpr.Paren;
import dev.rtproof.dsl.asm.AsmExpr.Unary;
import java.util.Locale;

/**
 * Spells a Go assembler constant expression as a Java expression with the same value: names Java knows
 * stay names, Go's grouping is kept with parentheses where Java's precedence differs, and literals become
 * {@code long} ({@code L}) when {@code int} arithmetic would give another value. If no spelling keeps the
 * value, the value itself is written.
 */
final class JavaExpressions {
  private final JavaNames names;

  JavaExpressions(JavaNames names) {
    this.names = names;
  }

  /** A Java expression for {@code e}, or for {@code value} alone when {@code e} is null. */
  String spell(AsmExpr e, long value) {
    // Outer parentheses (written, or from a macro Java has no name for) are not needed inside $(…) or mem(…).
    while (e instanceof Paren || e instanceof Named n && names.lookup(n.name(), n.value()) == null) {
      e = e instanceof Paren p ? p.inner() : ((Named) e).expansion();
    }
    if (e != null && e.value() == value) {
      for (boolean wide : new boolean[] {false, true}) {
        Spelling s = spell(e, wide);
        if (s != null && s.value() == value) {
          s.commit(names);
          return s.text();
        }
      }
    }
    return literal(value);
  }

  /** A plain Java literal for a 64-bit value: decimal when small, else hexadecimal. */
  static String literal(long value) {
    if (value == (int) value) {
      return value >= -4096 && value <= 4096 ? Long.toString(value) : (value < 0 ? "-0x" + Long.toHexString(-value)
          : "0x" + Long.toHexString(value));
    }
    return "0x" + Long.toHexString(value) + "L";
  }

  /** A spelling under construction: text, Java precedence, Java value, the names it uses. */
  private record Spelling(String text, int precedence, long value, boolean isLong, java.util.List<Class<?>> owners) {
    void commit(JavaNames names) {
      owners.forEach(names::use);
    }

    Spelling grouped() {
      return new Spelling("(" + text + ")", ATOM, value, isLong, owners);
    }
  }

  private static final int ATOM = 20;
  private static final int UNARY = 14;

  /** Null when {@code e} has no Java spelling in this width (an int literal that does not fit). */
  private Spelling spell(AsmExpr e, boolean wide) {
    if (e instanceof Literal l) {
      return number(l, wide);
    }
    if (e instanceof Named n) {
      JavaNames.Constant c = names.lookup(n.name(), n.value());
      if (c != null) {
        long v = c.isLong() ? c.value() : (int) c.value();
        return new Spelling(n.name(), ATOM, v, c.isLong(), java.util.List.of(c.owner()));
      }
      Spelling inner = spell(n.expansion(), wide);
      return inner == null || inner.precedence() >= UNARY ? inner : inner.grouped();
    }
    if (e instanceof Paren p) {
      Spelling inner = spell(p.inner(), wide);
      return inner == null ? null : inner.grouped();
    }
    if (e instanceof Unary u) {
      Spelling x = spell(u.operand(), wide);
      if (x == null) {
        return null;
      }
      if (u.op() == '+') {
        return x;
      }
      Spelling operand = x.precedence() >= UNARY ? x : x.grouped();
      long v = u.op() == '-' ? -x.value() : ~x.value();
      return new Spelling(u.op() + operand.text(), UNARY, x.isLong() ? v : (int) v, x.isLong(), operand.owners());
    }
    Binary b = (Binary) e;
    return binary(b, spell(b.left(), wide), spell(b.right(), wide));
  }

  private static Spelling binary(Binary b, Spelling l, Spelling r) {
    if (l == null || r == null) {
      return null;
    }
    int p = precedence(b.op());
    Spelling left = l.precedence() < p ? l.grouped() : l;
    Spelling right = r.precedence() <= p ? r.grouped() : r;
    boolean isLong = l.isLong() || r.isLong();
    long a = left.value();
    long c = right.value();
    long v = switch (b.op()) {
      case "+" -> a + c;
      case "-" -> a - c;
      case "*" -> a * c;
      case "/" -> c == 0 ? 0 : a / c;
      case "%" -> c == 0 ? 0 : a % c;
      case "&" -> a & c;
      case "|" -> a | c;
      case "^" -> a ^ c;
      case "<<" -> isLong ? a << c : (int) a << c;
      default -> isLong ? a >> c : (int) a >> c;
    };
    java.util.List<Class<?>> owners = new java.util.ArrayList<>(left.owners());
    owners.addAll(right.owners());
    return new Spelling(left.text() + " " + b.op() + " " + right.text(), p, isLong ? v : (int) v, isLong, owners);
  }

  private static int precedence(String op) {
    return switch (op) {
      case "*", "/", "%" -> 12;
      case "+", "-" -> 11;
      case "<<", ">>" -> 10;
      case "&" -> 7;
      case "^" -> 6;
      default -> 5;
    };
  }

  /** A Go literal in Java: the same digits where Java reads them the same; every literal is long when wide. */
  private static Spelling number(Literal l, boolean wide) {
    long v = l.value();
    String text = l.text().replace("_", "");
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("'")) {
      text = Long.toString(v);
    } else if (lower.startsWith("0o")) {
      text = "0" + Long.toOctalString(v);
    }
    boolean decimal = !lower.startsWith("0") || lower.equals("0");
    boolean fitsInt = decimal ? v >= 0 && v <= Integer.MAX_VALUE : (v >>> 32) == 0;
    if (!wide && !fitsInt) {
      return null;
    }
    return new Spelling(wide ? text + "L" : text, ATOM, wide ? v : (int) v, wide, java.util.List.of());
  }
}
