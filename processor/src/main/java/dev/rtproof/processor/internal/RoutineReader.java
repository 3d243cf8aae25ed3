package dev.rtproof.processor.internal;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.RoutineChecks;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Routine} method into IR: its annotations into the TEXT header and properties, its
 * body, statement by statement, into labels and instructions with source positions. Every problem is
 * reported on the exact tree; a routine with problems yields no IR.
 */
final class RoutineReader {
  static final String DSL = "dev.rtproof.dsl.";

  /** A routine read from source, with the trees its positions came from (for diagnostics). */
  record ReadRoutine(Routine routine, CompilationUnitTree cu, Map<SourcePos, Tree> trees, ExecutableElement method) {
    Tree treeAt(SourcePos pos) {
      Tree t = trees.get(pos);
      return t != null ? t : trees.get(routine.pos());
    }
  }

  private final Elements elements;
  private final Trees trees;
  private final Diagnostics diags;

  RoutineReader(Elements elements, Trees trees, Diagnostics diags) {
    this.elements = elements;
    this.trees = trees;
    this.diags = diags;
  }

  /** Reads {@code method}; returns null (after reporting) when the routine has problems. */
  ReadRoutine read(ExecutableElement method, TypeElement owner, Target target) {
    MethodTree mt = trees.getTree(method);
    CompilationUnitTree cu = trees.getPath(method).getCompilationUnit();
    int errorsBefore = diags.errors();
    Map<SourcePos, Tree> positions = new HashMap<>();
    String file = fileOf(cu);
    SourcePositions sp = trees.getSourcePositions();

    NameResolver names = new NameResolver(elements, cu, owner);
    ConstantFolder folder = new ConstantFolder(names);
    OperandReader operands = new OperandReader(names, folder);

    AnnotationMirror routineAnn = mirror(method, "Routine");
    Map<String, Object> header = values(routineAnn);
    String symbol = Names.normalizeSymbol((String) header.get("symbol"));
    Routine.Builder b = Routine.builder(symbol, target.name())
        .flags((Integer) header.get("flags"))
        .frame((Integer) header.get("frame"))
        .args((Integer) header.get("args"))
        .source(file, owner.getQualifiedName() + "#" + method.getSimpleName());
    SourcePos decl = pos(cu, mt, file, sp);
    b.declaredAt(decl.line(), decl.column());
    positions.put(decl, mt);

    if (symbol.isEmpty()) {
      diags.report(javax.tools.Diagnostic.Kind.ERROR, "routine-header", "@Routine needs a symbol", method);
    }
    if (!method.getModifiers().contains(Modifier.STATIC) || method.getReturnType().getKind() != TypeKind.VOID
        || !method.getParameters().isEmpty()) {
      diags.error("routine-signature", "a @Routine method must be static void and take no parameters", mt, cu);
    }
    readProperties(method, mt, cu, file, sp, b, positions);

    if (mt.getBody() != null) {
      for (StatementTree st : mt.getBody().getStatements()) {
        SourcePos at = pos(cu, st, file, sp);
        positions.put(at, st);
        b.at(at.line(), at.column());
        try {
          statement(st, b, names, operands, folder);
        } catch (ReadError e) {
          diags.error(e, cu);
        }
      }
    }
    Routine routine = b.build();
    for (Problem p : RoutineChecks.check(routine)) {
      Tree t = positions.getOrDefault(p.pos(), mt);
      diags.error(p.id(), p.message(), t, cu);
    }
    return diags.errors() > errorsBefore ? null : new ReadRoutine(routine, cu, positions, method);
  }

  // ---- statements ----------------------------------------------------------------------------------

  private void statement(StatementTree st, Routine.Builder b, NameResolver names, OperandReader operands,
      ConstantFolder folder) throws ReadError {
    if (!(st instanceof ExpressionStatementTree es) || !(es.getExpression() instanceof MethodInvocationTree call)) {
      throw new ReadError("not-an-instruction", "only instructions and labels may appear in a routine body, not "
          + describe(st), st);
    }
    String name = methodName(call, names);
    List<? extends ExpressionTree> args = call.getArguments();
    switch (name) {
      case "label" -> {
        String label = folder.string(args.get(0));
        if (label.isEmpty() || !Character.isJavaIdentifierStart(label.charAt(0))) {
          throw new ReadError("bad-label", "'" + label + "' is not a label name", args.get(0));
        }
        b.label(label);
      }
      case "get_tls" -> b.getTls(operands.register(args.get(0)));
      case "ASSERT", "ASSUME" -> throw new ReadError("unsupported", name + " is not supported yet", call);
      default -> instruction(name, call, args, b, operands);
    }
  }

  private void instruction(String name, MethodInvocationTree call, List<? extends ExpressionTree> args,
      Routine.Builder b, OperandReader operands) throws ReadError {
    Op op = Op.byName(name);
    if (op == null) {
      throw new ReadError("unknown-instruction", "'" + name + "' is not an instruction rtproof knows", call);
    }
    List<Operand> ops = new ArrayList<>();
    for (ExpressionTree a : args) {
      if (op.isBranch() && a instanceof LiteralTree lit && lit.getValue() instanceof String label) {
        ops.add(new LabelRef(label));
      } else if (op.isBranch() && a instanceof LiteralTree) {
        throw new ReadError("bad-operand", "a jump target is a label string, pc(n), sym(…) or a register", a);
      } else {
        ops.add(operands.operand(a));
      }
    }
    checkShape(op, ops, args, call);
    b.add(new Instr(op, ops, b.atPos(), Instr.Origin.SOURCE));
  }

  /** Operand rules every form shares: nothing is written to an immediate, at most one memory operand. */
  private static void checkShape(Op op, List<Operand> ops, List<? extends ExpressionTree> args, Tree at)
      throws ReadError {
    if (op.isBranch() || ops.isEmpty()) {
      return;
    }
    Operand dst = ops.get(ops.size() - 1);
    boolean writes = switch (op.form()) {
      case CMP, TEST, PUSH, INT, BYTE, ADJSP, PCALIGN, NOP -> false;
      default -> true;
    };
    if (writes && !(dst instanceof Reg) && !(dst instanceof dev.rtproof.dsl.ir.Mem)) {
      throw new ReadError("immediate-destination", op + " cannot write to " + dst, args.get(args.size() - 1));
    }
    long memories = ops.stream().filter(o -> o instanceof dev.rtproof.dsl.ir.Mem).count();
    if (memories > 1 && op.form() != Op.Form.LEA) {
      throw new ReadError("memory-to-memory", op + " cannot take two memory operands; go through a register", at);
    }
  }

  /** The name of the DSL method a call invokes; a qualified call must go through {@code Amd64}. */
  static String methodName(MethodInvocationTree call, NameResolver names) throws ReadError {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (select instanceof MemberSelectTree ms) {
      TypeElement owner = names.type(ms.getExpression());
      if (owner != null && owner.getQualifiedName().contentEquals(OperandReader.AMD64)) {
        return ms.getIdentifier().toString();
      }
    }
    throw new ReadError("not-an-instruction", "'" + select + "' is not a DSL call (instructions come from"
        + " dev.rtproof.dsl.Amd64)", call);
  }

  private static String describe(StatementTree st) {
    return switch (st.getKind()) {
      case VARIABLE -> "a local variable";
      case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> "a loop";
      case IF -> "an if statement";
      case SWITCH -> "a switch";
      case RETURN -> "a return statement";
      case TRY -> "a try statement";
      case BLOCK -> "a nested block";
      case EXPRESSION_STATEMENT -> "an expression that is not a call (" + st + ")";
      default -> st.getKind().toString().toLowerCase().replace('_', ' ');
    };
  }

  // ---- properties ----------------------------------------------------------------------------------

  private void readProperties(ExecutableElement method, MethodTree mt, CompilationUnitTree cu, String file,
      SourcePositions sp, Routine.Builder b, Map<SourcePos, Tree> positions) {
    List<AnnotationMirror> flat = new ArrayList<>();
    for (AnnotationMirror am : method.getAnnotationMirrors()) {
      String n = typeName(am);
      if (n.equals(DSL + "Requires.List") || n.equals(DSL + "Ensures.List")) {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> nested = (List<? extends AnnotationValue>) values(am).get("value");
        for (AnnotationValue v : nested) {
          flat.add((AnnotationMirror) v.getValue());
        }
      } else if (n.startsWith(DSL)) {
        flat.add(am);
      }
    }
    List<AnnotationTree> annTrees = new ArrayList<>(mt.getModifiers().getAnnotations());
    for (AnnotationMirror am : flat) {
      String simple = typeName(am).substring(DSL.length());
      AnnotationTree tree = takeTree(annTrees, simple);
      SourcePos at = tree == null ? b.declared() : pos(cu, tree, file, sp);
      if (tree != null) {
        positions.put(at, tree);
      }
      b.at(at.line(), at.column());
      Map<String, Object> v = values(am);
      switch (simple) {
        case "Requires" -> b.requires((String) v.get("value"));
        case "Ensures" -> b.property(PropertySpec.ENSURES, (String) v.get("value"));
        case "StackBalanced" -> b.property(PropertySpec.STACK_BALANCE);
        case "StackAligned" -> {
          List<String> a = new ArrayList<>();
          a.add(Long.toString((Long) v.get("value")));
          a.addAll(symbols(v.get("at")));
          b.property(PropertySpec.STACK_ALIGNMENT, a.toArray(new String[0]));
        }
        case "Unreachable" -> {
          List<String> symbols = symbols(v.get("value"));
          boolean faults = (Boolean) v.get("faults");
          if (symbols.isEmpty() && !faults) {
            diags.error("empty-unreachable", "@Unreachable needs symbols or faults = true", tree == null ? mt : tree, cu);
          }
          if (!symbols.isEmpty()) {
            b.property(PropertySpec.UNREACHABLE, symbols.toArray(new String[0]));
          }
          if (faults) {
            b.property(PropertySpec.NO_FAULT);
          }
        }
        case "TlsRoundTrip" -> b.property(PropertySpec.TLS_ROUND_TRIP, Names.normalizeSymbol((String) v.get("m")));
        default -> { }
      }
    }
  }

  private static AnnotationTree takeTree(List<AnnotationTree> trees, String simpleName) {
    for (int i = 0; i < trees.size(); i++) {
      String t = trees.get(i).getAnnotationType().toString();
      if (t.equals(simpleName) || t.endsWith("." + simpleName)) {
        return trees.remove(i);
      }
    }
    return null;
  }

  private static List<String> symbols(Object arrayValue) {
    List<String> out = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) arrayValue;
    for (AnnotationValue a : list) {
      String s = (String) a.getValue();
      out.add(s.equals("SYSCALL") ? s : Names.normalizeSymbol(s));
    }
    return out;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private AnnotationMirror mirror(ExecutableElement method, String simpleName) {
    for (AnnotationMirror am : method.getAnnotationMirrors()) {
      if (typeName(am).equals(DSL + simpleName)) {
        return am;
      }
    }
    throw new IllegalStateException(method + " has no @" + simpleName);
  }

  private static String typeName(AnnotationMirror am) {
    return ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private Map<String, Object> values(AnnotationMirror am) {
    Map<String, Object> out = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(am).entrySet()) {
      out.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
    return out;
  }

  /** The package-relative path of a compilation unit, e.g. {@code dev/rtproof/examples/Tls.java}. */
  static String fileOf(CompilationUnitTree cu) {
    String name = cu.getSourceFile().getName();
    String simple = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    ExpressionTree pkg = cu.getPackageName();
    return pkg == null ? simple : pkg.toString().replace('.', '/') + "/" + simple;
  }

  static SourcePos pos(CompilationUnitTree cu, Tree t, String file, SourcePositions sp) {
    long start = sp.getStartPosition(cu, t);
    return new SourcePos(file, (int) cu.getLineMap().getLineNumber(start), (int) cu.getLineMap().getColumnNumber(start));
  }
}
