package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Go assembly text into tokens the way {@code cmd/asm}'s tokenizer does: identifiers may hold
 * {@code ·} and {@code ∕}, {@code <<} and {@code >>} are single tokens, comments are dropped (and kept aside
 * for the importer), and a backslash at the end of a line joins it to the next.
 */
final class Lexer {
  /** A comment and where it started; {@code ownLine} when no token precedes it on its line. */
  record Comment(int line, String text, boolean ownLine) {}

  private final String file;
  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int at;
  private int line = 1;
  private int lineStart;
  private boolean space = true;
  private boolean tokenOnLine;

  private Lexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The tokens of {@code text}, ending with EOF; comments go to {@code comments} when it is not null. */
  static List<Token> lex(String file, String text, List<Comment> comments) throws AsmException {
    Lexer l = new Lexer(file, text);
    l.run();
    if (comments != null) {
      comments.addAll(l.comments);
    }
    return l.tokens;
  }

  private void run() throws AsmException {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n') {
        int nl = at;
        add(Kind.NEWLINE, nl, nl + 1);
        newLine(nl + 1);
        tokenOnLine = false;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        at++;
        space = true;
      } else if (c == '\\') {
        continuation();
      } else if (text.startsWith("//", at)) {
        lineComment();
      } else if (text.startsWith("/*", at)) {
        blockComment();
      } else if (Character.isDigit(c)) {
        number();
      } else if (isIdentStart(text.codePointAt(at))) {
        identifier();
      } else if (c == '\'' || c == '"') {
        quoted(c);
      } else {
        punct(c);
      }
    }
    add(Kind.EOF, at, at);
  }

  private void continuation() throws AsmException {
    int p = at + 1;
    if (p < text.length() && text.charAt(p) == '\r') {
      p++;
    }
    if (p >= text.length() || text.charAt(p) != '\n') {
      throw error(at, "a backslash must end its line (it continues the line on the next)");
    }
    add(Kind.CONTINUATION, at, p + 1);
    newLine(p + 1);
    space = true;
  }

  private void lineComment() {
    int end = text.indexOf('\n', at);
    end = end < 0 ? text.length() : end;
    comments.add(new Comment(line, text.substring(at + 2, end).trim(), !tokenOnLine));
    at = end;
    space = true;
  }

  private void blockComment() throws AsmException {
    int end = text.indexOf("*/", at + 2);
    if (end < 0) {
      throw error(at, "unterminated /* comment");
    }
    comments.add(new Comment(line, text.substring(at + 2, end).trim(), !tokenOnLine));
    for (int i = at; i < end; i++) {
      if (text.charAt(i) == '\n') {
        newLine(i + 1);
      }
    }
    at = end + 2;
    space = true;
  }

  private void number() throws AsmException {
    int start = at;
    boolean hex = text.startsWith("0x", at) || text.startsWith("0X", at);
    boolean isFloat = false;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isLetterOrDigit(c) || c == '_') {
        isFloat |= !hex && (c == 'e' || c == 'E') && !text.startsWith("0b", start) && !text.startsWith("0o", start);
        at++;
      } else if (c == '.' && !hex) {
        isFloat = true;
        at++;
      } else if ((c == '+' || c == '-') && isFloat && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')) {
        at++;
      } else {
        break;
      }
    }
    int end = at;
    at = start;
    add(isFloat ? Kind.FLOAT : Kind.INT, start, end);
  }

  private void identifier() {
    int start = at;
    at += Character.charCount(text.codePointAt(at));
    while (at < text.length()) {
      int cp = text.codePointAt(at);
      if (!isIdentStart(cp) && !Character.isDigit(cp)) {
        break;
      }
      at += Character.charCount(cp);
    }
    int end = at;
    at = start;
    add(Kind.IDENT, start, end);
  }

  private void quoted(char quote) throws AsmException {
    int start = at;
    int p = at + 1;
    while (true) {
      if (p >= text.length() || text.charAt(p) == '\n') {
        throw error(start, "unterminated " + (quote == '"' ? "string" : "character") + " constant");
      }
      char c = text.charAt(p);
      if (c == '\\') {
        p += 2;
        continue;
      }
      p++;
      if (c == quote) {
        break;
      }
    }
    add(quote == '"' ? Kind.STRING : Kind.CHAR, start, p);
  }

  private void punct(char c) throws AsmException {
    if (text.startsWith("<<", at) || text.startsWith(">>", at)) {
      add(Kind.PUNCT, at, at + 2);
      return;
    }
    if ("(),$:;+-*/%&|^~<>#=!.[]{}@".indexOf(c) < 0) {
      throw error(at, "unexpected character '" + new String(Character.toChars(text.codePointAt(at))) + "'");
    }
    add(Kind.PUNCT, at, at + 1);
  }

  private void add(Kind kind, int start, int end) {
    tokens.add(new Token(kind, text.substring(start, end), pos(start), space, null));
    at = end;
    space = false;
    tokenOnLine |= kind != Kind.NEWLINE && kind != Kind.EOF && kind != Kind.CONTINUATION;
  }

  private void newLine(int next) {
    line++;
    lineStart = next;
    at = Math.max(at, next);
  }

  private SourcePos pos(int offset) {
    return new SourcePos(file, line, text.codePointCount(lineStart, offset) + 1);
  }

  private AsmException error(int offset, String message) {
    return new AsmException(pos(offset), "asm-lex", message);
  }

  static boolean isIdentStart(int cp) {
    return Character.isLetter(cp) || cp == '_' || cp == '\u00B7' || cp == '\u2215';
  }
}
