package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;

/**
 * One lexical token of Go assembly text.
 *
 * @param kind what the token is
 * @param text its source spelling ({@code "0x10"}, {@code "<<"}, {@code "runtime·g0"})
 * @param pos where it was written; a token a macro produced has the position of the macro's use
 * @param spaceBefore whether white space or a comment precedes it (a {@code #define} of a function-like
 *     macro has no space between the name and its parenthesis)
 * @param expansion the innermost macro expansion that produced it, or null for text written in the file
 */
record Token(Kind kind, String text, SourcePos pos, boolean spaceBefore, Expansion expansion) {

  /**
   * Token kinds. {@link #NEWLINE} ends a line; {@code ;} is a {@link #PUNCT} that also ends a statement.
   * {@link #CONTINUATION} is a backslash-newline: it joins lines, and in a {@code #define} body it separates
   * the statements of the macro, as in Go.
   */
  enum Kind { IDENT, INT, FLOAT, CHAR, STRING, PUNCT, CONTINUATION, NEWLINE, EOF }

  boolean is(String punct) {
    return kind == Kind.PUNCT && text.equals(punct);
  }

  boolean isIdent() {
    return kind == Kind.IDENT;
  }

  /** True at the end of a statement: a newline, a {@code ;} or the end of input. */
  boolean endsStatement() {
    return kind == Kind.NEWLINE || kind == Kind.EOF || is(";");
  }

  /** The same token as produced by {@code expansion}, written at {@code pos}. */
  Token expandedBy(Expansion by, SourcePos at) {
    return new Token(kind, text, at, spaceBefore, by);
  }

  /** True when {@code macro} is being expanded where this token came from (a recursive use). */
  boolean insideExpansionOf(String macro) {
    for (Expansion e = expansion; e != null; e = e.parent()) {
      if (e.macro().name().equals(macro)) {
        return true;
      }
    }
    return false;
  }

  /** How the user wrote it, for messages. */
  String describe() {
    return switch (kind) {
      case NEWLINE, CONTINUATION -> "end of line";
      case EOF -> "end of file";
      default -> "'" + text + "'";
    };
  }
}
