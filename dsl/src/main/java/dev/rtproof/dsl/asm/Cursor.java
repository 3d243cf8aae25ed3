package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.List;

/** A position in the tokens of one operand (or one directive argument); nothing past the end is read. */
final class Cursor {
  private final List<Token> tokens;
  private final SourcePos end;
  private int at;

  /** {@code end} is where a missing token is reported: just after the last one. */
  Cursor(List<Token> tokens, SourcePos end) {
    this.tokens = tokens;
    this.end = end;
  }

  boolean atEnd() {
    return at >= tokens.size();
  }

  /** The next token, or null at the end. */
  Token peek() {
    return atEnd() ? null : tokens.get(at);
  }

  /** The token {@code ahead} positions on, or null. */
  Token peek(int ahead) {
    return at + ahead < tokens.size() ? tokens.get(at + ahead) : null;
  }

  boolean peekIs(String punct) {
    return !atEnd() && tokens.get(at).is(punct);
  }

  Token next() throws AsmException {
    if (atEnd()) {
      throw new AsmException(end, "asm-syntax", "unexpected end of operand");
    }
    return tokens.get(at++);
  }

  /** Consumes {@code punct} or fails with {@code what} ("a ')'"). */
  Token expect(String punct) throws AsmException {
    if (!peekIs(punct)) {
      throw error("expected '" + punct + "', found " + (atEnd() ? "end of operand" : peek().describe()));
    }
    return next();
  }

  int index() {
    return at;
  }

  void seek(int index) {
    at = index;
  }

  List<Token> tokens() {
    return tokens;
  }

  /** Where the next token is (or the end). */
  SourcePos pos() {
    return atEnd() ? end : peek().pos();
  }

  AsmException error(String message) {
    return new AsmException(pos(), "asm-syntax", message);
  }
}
