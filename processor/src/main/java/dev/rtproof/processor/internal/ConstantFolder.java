package dev.rtproof.processor.internal;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Folds constant expressions the way javac does, without running user code: int/long/char literals,
 * unary and binary operators with Java's int/long promotion and overflow, comparisons and boolean operators,
 * {@code ?:} with a constant condition, casts, parentheses, string concatenation, and {@code static final}
 * constants from any class. Anything else is an error on that expression. Note Java's rules: the int literal
 * {@code 0x80000000} is negative and widens to {@code 0xffffffff80000000}; write {@code 0x80000000L}.
 */
final class ConstantFolder {
  private final NameResolver names;
  private final Bindings bindings;

  ConstantFolder(NameResolver names, Bindings bindings) {
    this.names = names;
    this.bindings = bindings;
  }

  /** True when {@code name} is a parameter of the macro being expanded. */
  boolean isBound(String name) {
    return bindings.has(name);
  }

  /** True when {@code e} folds to a String (a literal, a String constant or a concatenation). */
  boolean isStringExpression(ExpressionTree e) {
    if (e instanceof LiteralTree lit) {
      return lit.getValue() instanceof String;
    }
    if (!(e instanceof IdentifierTree || e instanceof MemberSelectTree || e instanceof BinaryTree
        || e instanceof ParenthesizedTree)) {
      return false;
    }
    try {
      return fold(e) instanceof String;
    } catch (ReadError notConstant) {
      return false;
    }
  }

  /** Folds an integral expression to its 64-bit value (int results sign-extended, as Java widens them). */
  long integral(ExpressionTree e) throws ReadError {
    Object v = fold(e);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Character c) {
      return c;
    }
    throw new ReadError("not-integral", "expected an integer constant, not " + describe(v) + ": " + e, e);
  }

  /** Folds a String expression. */
  String string(ExpressionTree e) throws ReadError {
    Object v = fold(e);
    if (v instanceof String s) {
      return s;
    }
    throw new ReadError("not-a-string", "expected a string constant, not " + describe(v) + ": " + e, e);
  }

  Object fold(ExpressionTree e) throws ReadError {
    if (e instanceof ParenthesizedTree p) {
      return fold(p.getExpression());
    }
    if (e instanceof LiteralTree lit) {
      Object v = lit.getValue();
      if (v instanceof Integer || v instanceof Long || v instanceof Character || v instanceof String
          || v instanceof Boolean) {
        return v;
      }
      throw new ReadError("non-constant", "a " + (v == null ? "null" : v.getClass().getSimpleName().toLowerCase())
          + " literal is not an operand value: " + e, e);
    }
    if (e instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (bindings.has(name)) {
        return bindings.constant(name, e);
      }
      return constant(names.field(name, e), e);
    }
    if (e instanceof MemberSelectTree ms) {
      TypeElement owner = names.type(ms.getExpression());
      if (owner == null) {
        throw new ReadError("unknown-name", "cannot find a class named " + ms.getExpression(), ms.getExpression());
      }
      return constant(names.fieldOf(owner, ms.getIdentifier().toString()), e);
    }
    if (e instanceof UnaryTree u) {
      return unary(u);
    }
    if (e instanceof BinaryTree b) {
      return binary(b);
    }
    if (e instanceof TypeCastTree c) {
      return cast(c);
    }
    if (e instanceof ConditionalExpressionTree c) {
      Object condition = fold(c.getCondition());
      if (!(condition instanceof Boolean b)) {
        throw new ReadError("not-integral", "the condition of ?: must be a boolean constant: " + c.getCondition(),
            c.getCondition());
      }
      return fold(b ? c.getTrueExpression() : c.getFalseExpression());
    }
    throw new ReadError("non-constant", "cannot be folded to a constant: " + e
        + " (literals, operators, casts and static final constants only)", e);
  }

  private static Object constant(VariableElement f, ExpressionTree e) throws ReadError {
    if (f == null) {
      throw new ReadError("unknown-name", "cannot find a constant named " + e, e);
    }
    Object v = f.getConstantValue();
    if (v == null) {
      throw new ReadError("non-constant", e + " is not a compile-time constant (it must be a static final primitive"
          + " or String with a constant initializer)", e);
    }
    return v;
  }

  private Object unary(UnaryTree u) throws ReadError {
    Object v = fold(u.getExpression());
    if (u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT && v instanceof Boolean b) {
      return !b;
    }
    boolean wide = v instanceof Long;
    long x = toLong(v, u);
    long r = switch (u.getKind()) {
      case UNARY_MINUS -> -x;
      case UNARY_PLUS -> x;
      case BITWISE_COMPLEMENT -> ~x;
      default -> throw new ReadError("non-constant", "operator " + u.getKind() + " cannot be folded: " + u, u);
    };
    return wide ? (Object) r : (Object) (int) r;
  }

  private Object binary(BinaryTree b) throws ReadError {
    Object l = fold(b.getLeftOperand());
    Object r = fold(b.getRightOperand());
    if (b.getKind() == Tree.Kind.PLUS && (l instanceof String || r instanceof String)) {
      return String.valueOf(l) + r;
    }
    if (l instanceof Boolean x && r instanceof Boolean y) {
      return switch (b.getKind()) {
        case CONDITIONAL_AND, AND -> x && y;
        case CONDITIONAL_OR, OR -> x || y;
        case XOR, NOT_EQUAL_TO -> x ^ y;
        case EQUAL_TO -> x == y;
        default -> throw new ReadError("non-constant", "operator " + b.getKind() + " cannot be folded on booleans: " + b,
            b);
      };
    }
    Boolean comparison = compare(b, l, r);
    if (comparison != null) {
      return comparison;
    }
    boolean shift = b.getKind() == Tree.Kind.LEFT_SHIFT || b.getKind() == Tree.Kind.RIGHT_SHIFT
        || b.getKind() == Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    boolean wide = shift ? l instanceof Long : (l instanceof Long || r instanceof Long);
    long x = toLong(l, b.getLeftOperand());
    long y = toLong(r, b.getRightOperand());
    if ((b.getKind() == Tree.Kind.DIVIDE || b.getKind() == Tree.Kind.REMAINDER) && y == 0) {
      throw new ReadError("division-by-zero", "division by zero in " + b, b);
    }
    if (wide) {
      return switch (b.getKind()) {
        case PLUS -> x + y;
        case MINUS -> x - y;
        case MULTIPLY -> x * y;
        case DIVIDE -> x / y;
        case REMAINDER -> x % y;
        case AND -> x & y;
        case OR -> x | y;
        case XOR -> x ^ y;
        case LEFT_SHIFT -> x << y;
        case RIGHT_SHIFT -> x >> y;
        case UNSIGNED_RIGHT_SHIFT -> x >>> y;
        default -> throw new ReadError("non-constant", "operator " + b.getKind() + " cannot be folded: " + b, b);
      };
    }
    int xi = (int) x;
    int yi = (int) y;
    return switch (b.getKind()) {
      case PLUS -> xi + yi;
      case MINUS -> xi - yi;
      case MULTIPLY -> xi * yi;
      case DIVIDE -> xi / yi;
      case REMAINDER -> xi % yi;
      case AND -> xi & yi;
      case OR -> xi | yi;
      case XOR -> xi ^ yi;
      case LEFT_SHIFT -> xi << yi;
      case RIGHT_SHIFT -> xi >> yi;
      case UNSIGNED_RIGHT_SHIFT -> xi >>> yi;
      default -> throw new ReadError("non-constant", "operator " + b.getKind() + " cannot be folded: " + b, b);
    };
  }

  /** The value of a numeric comparison, or null when {@code b} is not one. */
  private static Boolean compare(BinaryTree b, Object l, Object r) throws ReadError {
    return switch (b.getKind()) {
      case EQUAL_TO -> toLong(l, b) == toLong(r, b);
      case NOT_EQUAL_TO -> toLong(l, b) != toLong(r, b);
      case LESS_THAN -> toLong(l, b) < toLong(r, b);
      case LESS_THAN_EQUAL -> toLong(l, b) <= toLong(r, b);
      case GREATER_THAN -> toLong(l, b) > toLong(r, b);
      case GREATER_THAN_EQUAL -> toLong(l, b) >= toLong(r, b);
      default -> null;
    };
  }

  private Object cast(TypeCastTree c) throws ReadError {
    Object v = fold(c.getExpression());
    if (!(c.getType() instanceof PrimitiveTypeTree p)) {
      throw new ReadError("non-constant", "only casts to primitive types can be folded: " + c, c);
    }
    long x = toLong(v, c.getExpression());
    return switch (p.getPrimitiveTypeKind()) {
      case LONG -> x;
      case INT -> (int) x;
      case SHORT -> (int) (short) x;
      case BYTE -> (int) (byte) x;
      case CHAR -> (char) x;
      default -> throw new ReadError("non-constant", "cannot fold a cast to " + p + ": " + c, c);
    };
  }

  private static long toLong(Object v, Tree at) throws ReadError {
    if (v instanceof Character ch) {
      return ch;
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return n.longValue();
    }
    throw new ReadError("not-integral", "expected an integer, not " + describe(v) + ": " + at, at);
  }

  private static String describe(Object v) {
    return v instanceof String ? "a string" : v instanceof Boolean ? "a boolean" : String.valueOf(v);
  }
}
