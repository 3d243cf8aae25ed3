package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement after preprocessing: leading labels, the instruction word, and its operands as token
 * lists split at top-level commas ({@code cmd/asm parse.go line}).
 */
record Statement(List<Token> labels, Token word, List<List<Token>> operands, SourcePos end) {

  /** Splits the preprocessed tokens into statements (empty ones dropped). */
  static List<Statement> split(List<Token> tokens) throws AsmException {
    List<Statement> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int end = i;
      while (!tokens.get(end).endsStatement()) {
        end++;
      }
      if (end > i) {
        out.add(one(tokens.subList(i, end), tokens.get(end).pos()));
      }
      i = end + 1;
    }
    return out;
  }

  private static Statement one(List<Token> s, SourcePos end) throws AsmException {
    List<Token> labels = new ArrayList<>();
    int i = 0;
    while (i + 1 < s.size() && s.get(i).isIdent() && s.get(i + 1).is(":")) {
      labels.add(s.get(i));
      i += 2;
    }
    if (i == s.size()) {
      return new Statement(labels, null, List.of(), end);
    }
    Token word = s.get(i);
    if (!word.isIdent()) {
      throw new AsmException(word.pos(), "asm-syntax", "expected an instruction, found " + word.describe());
    }
    // x86 suffixes (VADDPD.Z, .BCST) stay part of the word.
    while (i + 2 < s.size() && s.get(i + 1).is(".") && s.get(i + 2).isIdent() && !s.get(i + 1).spaceBefore()) {
      word = new Token(word.kind(), word.text() + "." + s.get(i + 2).text(), word.pos(), word.spaceBefore(), word.expansion());
      i += 2;
    }
    List<List<Token>> operands = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (int k = i + 1; k < s.size(); k++) {
      Token t = s.get(k);
      if (depth == 0 && t.is(",")) {
        if (current.isEmpty()) {
          throw new AsmException(t.pos(), "asm-syntax", "missing operand before ','");
        }
        operands.add(current);
        current = new ArrayList<>();
        continue;
      }
      depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
      current.add(t);
    }
    if (current.isEmpty() && !operands.isEmpty()) {
      throw new AsmException(end, "asm-syntax", "missing operand after ','");
    }
    if (!current.isEmpty()) {
      operands.add(current);
    }
    return new Statement(labels, word, operands, end);
  }

  /** Where an operand ends, for "unexpected end of operand". */
  SourcePos endOf(int operand) {
    if (operand + 1 < operands.size()) {
      return operands.get(operand + 1).get(0).pos();
    }
    return end;
  }
}
