package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A TEXT routine read from Go assembly: its IR, and what the text said beyond the IR, for the importer —
 * the expression each operand's number was written as, and the comments around each instruction.
 *
 * @param numbers per instruction, per operand: the expression of its number, or null
 * @param comments per instruction: own-line comments before it and the comment at the end of its line
 * @param doc own-line comments just before the TEXT line
 */
public record AsmRoutine(Routine routine, List<List<AsmExpr>> numbers, List<Comments> comments, List<String> doc) {

  /**
   * The comments of one instruction: own-line comments and blank lines since the previous statement, in
   * line order, and the comment at the end of its own line (or null).
   */
  public record Comments(List<Note> before, String after) {
    public static final Comments NONE = new Comments(List.of(), null);

    public Comments {
      before = List.copyOf(before);
    }
  }

  /** A line above an instruction: a comment's text, or a blank line ({@code text} null). */
  public record Note(int line, String text) {
    public boolean isBlank() {
      return text == null;
    }
  }

  public AsmRoutine {
    List<List<AsmExpr>> copy = new ArrayList<>();
    for (List<AsmExpr> n : numbers) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(n)));
    }
    numbers = Collections.unmodifiableList(copy);
    comments = List.copyOf(comments);
    doc = List.copyOf(doc);
    if (numbers.size() != routine.instrs().size() || comments.size() != routine.instrs().size()) {
      throw new IllegalArgumentException("one entry per instruction");
    }
  }

  /** The expression written for operand {@code operand} of instruction {@code index}, or null. */
  public AsmExpr number(int index, int operand) {
    List<AsmExpr> n = numbers.get(index);
    return operand < n.size() ? n.get(operand) : null;
  }
}
