package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The comments of the file being read, handed out to the statements they belong to: the comment at the
 * end of an instruction's line, own-line comments and blank lines since the previous statement, and the
 * block of comments right above a TEXT line. Lines {@code #ifdef} skipped are left out.
 */
final class CommentIndex {
  private final String file;
  private final List<Lexer.Comment> comments = new ArrayList<>();
  private final List<Integer> blankLines = new ArrayList<>();
  private int lastLine;

  CommentIndex(String file, String source, List<Lexer.Comment> all, Set<Integer> skippedLines) {
    this.file = file;
    for (Lexer.Comment c : all) {
      if (!skippedLines.contains(c.line())) {
        comments.add(c);
      }
    }
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank() && !skippedLines.contains(i + 1)) {
        blankLines.add(i + 1);
      }
    }
  }

  /** The comments of an instruction written at {@code pos}; each comment is handed out once. */
  AsmRoutine.Comments around(SourcePos pos) {
    if (!pos.file().equals(file) || pos.line() <= lastLine) {
      return AsmRoutine.Comments.NONE;
    }
    List<AsmRoutine.Note> before = new ArrayList<>();
    String after = null;
    for (Lexer.Comment c : comments) {
      if (c.line() > lastLine && c.line() < pos.line() && c.ownLine()) {
        before.add(new AsmRoutine.Note(c.line(), c.text()));
      } else if (c.line() == pos.line() && !c.ownLine()) {
        after = c.text();
      }
    }
    for (int line : blankLines) {
      if (line > lastLine && line < pos.line()) {
        before.add(new AsmRoutine.Note(line, null));
      }
    }
    before.sort(java.util.Comparator.comparingInt(AsmRoutine.Note::line));
    lastLine = pos.line();
    return new AsmRoutine.Comments(before, after);
  }

  /** The own-line comments on the lines right above a TEXT line at {@code pos}. */
  List<String> docBefore(SourcePos pos) {
    List<String> doc = new ArrayList<>();
    int line = pos.line() - 1;
    for (int i = comments.size() - 1; i >= 0; i--) {
      Lexer.Comment c = comments.get(i);
      if (c.line() > line) {
        continue;
      }
      if (c.line() != line || !c.ownLine()) {
        break;
      }
      doc.add(0, c.text());
      line--;
    }
    lastLine = Math.max(lastLine, pos.line());
    return pos.file().equals(file) ? doc : List.of();
  }
}
