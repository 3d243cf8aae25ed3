package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.Objects;

/**
 * Go assembly text that cannot be read: where ({@code file:line:col}), a stable ID ({@code asm-syntax},
 * {@code bad-scale}, …) and what is wrong. {@link #getMessage()} is what a user sees:
 * {@code file:line:col: [rtproof/id] message}, the way compilers report.
 */
public final class AsmException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SourcePos pos;
  private final String id;
  private final String detail;

  public AsmException(SourcePos pos, String id, String detail) {
    super(pos.file() + ":" + pos.line() + ":" + pos.column() + ": [rtproof/" + id + "] " + detail);
    this.pos = Objects.requireNonNull(pos, "pos");
    this.id = Objects.requireNonNull(id, "id");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** Where the problem is: file as given, 1-based line and column. */
  public SourcePos pos() {
    return pos;
  }

  /** The stable ID, as in {@code [rtproof/bad-scale]}. */
  public String id() {
    return id;
  }

  /** The message without the position and the ID. */
  public String detail() {
    return detail;
  }
}
