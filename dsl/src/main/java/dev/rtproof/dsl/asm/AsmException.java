package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.Objects;

/**
 * Go assembly text that cannot be read: where ({@code file:line:col}) and what is wrong. The message is
 * what a user sees; {@link #getMessage()} prefixes it with the position, as compilers do.
 */
public final class AsmException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SourcePos pos;
  private final String detail;

  public AsmException(SourcePos pos, String detail) {
    super(format(pos, detail));
    this.pos = Objects.requireNonNull(pos, "pos");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** Where the problem is: file as given, 1-based line and column. */
  public SourcePos pos() {
    return pos;
  }

  /** The message without the position. */
  public String detail() {
    return detail;
  }

  private static String format(SourcePos pos, String detail) {
    return pos.file() + ":" + pos.line() + ":" + pos.column() + ": " + detail;
  }
}
