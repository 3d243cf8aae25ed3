package dev.rtproof.processor.internal;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @Contract}s of a class into {@link Contract}s: a symbol, registers that exist and are
 * not SP, write ranges of the form {@code "lo .. hi"}. Expressions are parsed later, against the program's
 * names.
 */
final class ContractReader {
  /** A contract with the tree and compilation unit of its annotation. */
  record ReadContract(Contract contract, Tree tree, CompilationUnitTree cu) {}

  private final Trees trees;
  private final Diagnostics diags;
  private final Annotations annotations;

  ContractReader(Elements elements, Trees trees, Diagnostics diags) {
    this.trees = trees;
    this.diags = diags;
    this.annotations = new Annotations(elements);
  }

  List<ReadContract> read(TypeElement type) {
    ClassTree ct = trees.getTree(type);
    CompilationUnitTree cu = trees.getPath(type).getCompilationUnit();
    String file = RoutineReader.fileOf(cu);
    Positions positions = new Positions(cu, file, trees.getSourcePositions());
    List<AnnotationTree> annTrees = new ArrayList<>(ct.getModifiers().getAnnotations());
    List<ReadContract> out = new ArrayList<>();
    for (AnnotationMirror am : annotations.flat(type)) {
      if (!Annotations.typeName(am).equals(Annotations.DSL + "Contract")) {
        continue;
      }
      AnnotationTree tree = Annotations.takeTree(annTrees, "Contract");
      Tree at = tree == null ? ct : tree;
      SourcePos pos = positions.of(at);
      Map<String, Object> v = annotations.values(am);
      String symbol = v.get("symbol") instanceof String s ? Names.normalizeSymbol(s.trim()) : "";
      boolean ok = true;
      if (symbol.isEmpty()) {
        diags.error("bad-contract", "@Contract needs the symbol it describes", at, cu);
        ok = false;
      }
      List<Reg> clobbers = new ArrayList<>();
      for (String name : Annotations.strings(v.get("clobbers"))) {
        Reg r = Reg.byName(name.trim());
        if (r == null || !r.isGpr() || r == Reg.SP) {
          diags.error("bad-contract", "@Contract(" + symbol + "): clobbers names registers AX…R15 other than SP, not '"
              + name + "'", at, cu);
          ok = false;
        } else {
          clobbers.add(r);
        }
      }
      List<String> writes = Annotations.strings(v.get("writes"));
      for (String w : writes) {
        if (w.split("\\.\\.", -1).length != 2) {
          diags.error("bad-contract", "@Contract(" + symbol + "): a write range is \"lo .. hi\", not \"" + w + "\"",
              at, cu);
          ok = false;
        }
      }
      if (ok) {
        out.add(new ReadContract(new Contract(symbol, clobbers, writes, Annotations.strings(v.get("ensures")), pos), at,
            cu));
      }
    }
    return out;
  }
}
