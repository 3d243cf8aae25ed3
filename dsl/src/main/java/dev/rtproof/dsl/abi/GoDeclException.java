package dev.rtproof.dsl.abi;

/** A Go declaration rtproof cannot read; {@link #column()} is 1-based within the declaration text. */
public final class GoDeclException extends Exception {
  private final int column;

  public GoDeclException(String message, int column) {
    super(message, null, false, false);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
