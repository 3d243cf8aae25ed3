package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.HashMap;
import java.util.Map;

/** The source positions of a routine's IR nodes and the trees they came from, for diagnostics. */
final class Positions {
  private final CompilationUnitTree cu;
  private final String file;
  private final SourcePositions sp;
  private final Map<SourcePos, Tree> trees = new HashMap<>();

  Positions(CompilationUnitTree cu, String file, SourcePositions sp) {
    this.cu = cu;
    this.file = file;
    this.sp = sp;
  }

  /** The position of {@code t}, remembered so a diagnostic at that position lands on {@code t}. */
  SourcePos add(Tree t) {
    SourcePos p = of(t);
    trees.putIfAbsent(p, t);
    return p;
  }

  SourcePos of(Tree t) {
    long start = sp.getStartPosition(cu, t);
    return new SourcePos(file, (int) cu.getLineMap().getLineNumber(start), (int) cu.getLineMap().getColumnNumber(start));
  }

  /** The tree at {@code pos}, or {@code fallback}. */
  Tree tree(SourcePos pos, Tree fallback) {
    return trees.getOrDefault(pos, fallback);
  }

  Map<SourcePos, Tree> asMap() {
    return trees;
  }
}
