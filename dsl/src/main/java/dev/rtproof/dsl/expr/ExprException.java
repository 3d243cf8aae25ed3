package dev.rtproof.dsl.expr;

/** A malformed or ill-typed property expression; {@link #column} is 1-based within the expression text. */
public final class ExprException extends Exception {
  private final int column;

  public ExprException(String message, int column) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
