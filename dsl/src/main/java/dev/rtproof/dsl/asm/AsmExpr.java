package dev.rtproof.dsl.asm;

/**
 * A folded constant expression of Go assembly, kept as written so the importer can spell it again:
 * {@code (g_sched+gobuf_sp)} stays two names and a plus. Values are Go's: 64-bit, wrapping.
 */
public sealed interface AsmExpr {
  /** The 64-bit value (two's complement). */
  long value();

  /** A number or character constant as written. */
  record Literal(String text, long value) implements AsmExpr {}

  /** A macro name whose expansion is one factor, e.g. {@code g_m} from go_asm.h or a local #define. */
  record Named(String name, String header, AsmExpr expansion) implements AsmExpr {
    @Override
    public long value() {
      return expansion.value();
    }
  }

  /** {@code +x}, {@code -x}, {@code ~x}. */
  record Unary(char op, AsmExpr operand, long value) implements AsmExpr {}

  /** {@code (x)} as written: parentheses the user wrote are kept. */
  record Paren(AsmExpr inner) implements AsmExpr {
    @Override
    public long value() {
      return inner.value();
    }
  }

  /** {@code a op b}; {@code op} is one of {@code + - | ^ * / % << >> &}. */
  record Binary(String op, AsmExpr left, AsmExpr right, long value) implements AsmExpr {}
}
