package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.abi.FrameLayoutCheck;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.ImpliedProperties;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.RoutineChecks;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Reads one {@code @Routine} method into IR: its annotations into the TEXT header and properties, its
 * body, statement by statement, into labels and instructions with source positions. Every problem is
 * reported on the exact tree; a routine with problems yields no IR.
 */
final class RoutineReader {
  /** A routine read from source, with the trees its positions came from (for diagnostics). */
  record ReadRoutine(Routine routine, CompilationUnitTree cu, Map<SourcePos, Tree> trees, ExecutableElement method) {
    Tree treeAt(SourcePos pos) {
      Tree t = trees.get(pos);
      return t != null ? t : trees.get(routine.pos());
    }
  }

  /** What a failed {@code frame-layout} check reports besides its errors: the routine and the first problem. */
  interface FrameLayoutFailures {
    void failed(Routine routine, Problem first);
  }

  private static final int KNOWN_FLAGS = TextFlags.NOPROF | TextFlags.DUPOK | TextFlags.NOSPLIT | TextFlags.RODATA
      | TextFlags.NOPTR | TextFlags.WRAPPER | TextFlags.NEEDCTXT | TextFlags.TLSBSS | TextFlags.NOFRAME
      | TextFlags.REFLECTMETHOD | TextFlags.TOPFRAME | TextFlags.ABIWRAPPER;

  private final Members members;
  private final Trees trees;
  private final Diagnostics diags;
  private final Annotations annotations;
  private final FrameLayoutFailures failures;

  RoutineReader(Members members, Trees trees, Diagnostics diags, FrameLayoutFailures failures) {
    this.members = members;
    this.trees = trees;
    this.diags = diags;
    this.annotations = new Annotations(members.elements());
    this.failures = failures;
  }

  /** Reads {@code method}; returns null (after reporting) when the routine has problems. */
  ReadRoutine read(ExecutableElement method, TypeElement owner, Target target) {
    MethodTree mt = trees.getTree(method);
    CompilationUnitTree cu = trees.getPath(method).getCompilationUnit();
    int errorsBefore = diags.errors();
    Scope scope = Scope.of(members, cu, owner, Bindings.NONE);
    Positions positions = new Positions(cu, scope.file(), trees.getSourcePositions());

    Routine.Builder b = header(method, mt, scope, target);
    SourcePos decl = positions.add(mt);
    b.source(scope.file(), owner.getQualifiedName() + "#" + method.getSimpleName()).declaredAt(decl.line(), decl.column());
    PropertyReader.GoFrame go = new PropertyReader(annotations, diags).read(method, mt, scope, b, positions);

    BodyReader body = new BodyReader(new MacroExpander(members, trees));
    if (mt.getBody() != null) {
      for (StatementTree st : mt.getBody().getStatements()) {
        SourcePos at = positions.add(st);
        b.at(at.line(), at.column());
        try {
          body.statement(st, scope, b, false);
        } catch (ReadError e) {
          diags.error(e, cu);
        }
      }
    }
    Routine routine = b.build();
    if (diags.errors() > errorsBefore) {
      return null;
    }
    for (Problem p : RoutineChecks.check(routine)) {
      diags.error(p.id(), p.message(), positions.tree(p.pos(), mt), cu);
    }
    if (diags.errors() > errorsBefore) {
      return null;
    }
    for (Problem p : ImpliedProperties.check(routine, target.profile())) {
      diags.error(p.id(), p.message(), positions.tree(p.pos(), mt), cu);
    }
    routine = ImpliedProperties.of(routine, target.profile());
    for (Problem p : RoutineChecks.stackBalance(routine)) {
      diags.report(javax.tools.Diagnostic.Kind.WARNING, p.id(), p.message() + " (go tool asm rejects this)",
          positions.tree(p.pos(), mt), cu);
    }
    if (go != null) {
      List<Problem> layout = FrameLayoutCheck.check(routine, go.frame());
      for (Problem p : layout) {
        diags.error(p.id(), p.message(), p.pos().equals(routine.pos()) ? go.tree() : positions.tree(p.pos(), mt), cu);
      }
      if (!layout.isEmpty()) {
        failures.failed(routine, layout.get(0));
      }
    }
    return diags.errors() > errorsBefore ? null : new ReadRoutine(routine, cu, positions.asMap(), method);
  }

  /** The TEXT header from {@code @Routine}; contradictions are reported on the annotation. */
  private Routine.Builder header(ExecutableElement method, MethodTree mt, Scope s, Target target) {
    AnnotationMirror ann = Annotations.find(method, "Routine");
    Tree at = annotationTree(mt, "Routine");
    Map<String, Object> v = annotations.values(ann);
    String symbol = v.get("symbol") instanceof String str ? Names.normalizeSymbol(str) : "";
    int flags = v.get("flags") instanceof Integer i ? i : 0;
    int frame = v.get("frame") instanceof Integer i ? i : 0;
    int args = v.get("args") instanceof Integer i ? i : TextFlags.ARGS_UNKNOWN;
    int unroll = v.get("unroll") instanceof Integer i ? i : Routine.DEFAULT_UNROLL;
    if (symbol.isEmpty()) {
      diags.error("routine-header", "@Routine needs a symbol, e.g. symbol = \"runtime·settls\"", at, s.cu());
    } else if (!validSymbol(symbol)) {
      diags.error("routine-header", "'" + symbol + "' is not a Go symbol (pkg·name, ·name or name<>, with an"
          + " optional <ABIInternal>)", at, s.cu());
    }
    if ((flags & ~KNOWN_FLAGS) != 0) {
      diags.error("routine-header", "flags " + TextFlags.format(flags) + " include bits textflag.h does not define: "
          + (flags & ~KNOWN_FLAGS), at, s.cu());
    }
    if (args < 0 && args != TextFlags.ARGS_UNKNOWN) {
      diags.error("routine-header", "args = " + args + ": an argument size cannot be negative", at, s.cu());
    }
    if (unroll < 1) {
      diags.error("routine-header", "unroll = " + unroll + ": the loop bound must be at least 1", at, s.cu());
    }
    if (symbol.endsWith("<ABIInternal>") && (flags & TextFlags.NOSPLIT) == 0) {
      diags.error("routine-header", symbol + ": ABIInternal requires NOSPLIT (as the Go assembler says)", at, s.cu());
    }
    if (!method.getModifiers().contains(Modifier.STATIC) || method.getReturnType().getKind() != TypeKind.VOID
        || !method.getParameters().isEmpty()) {
      diags.error("routine-signature", "a @Routine method must be static void and take no parameters", mt, s.cu());
    }
    if (Annotations.find(method, "Macro") != null || Annotations.find(method, "DataSection") != null) {
      diags.error("routine-header", "a method is a @Routine, a @Macro or a @DataSection, not several", at, s.cu());
    }
    return Routine.builder(symbol, target.name()).flags(flags).frame(frame).args(args).unroll(unroll);
  }

  /** {@code pkg·name}, {@code ·name}, {@code name}, with an optional {@code <>} or {@code <ABIInternal>}. */
  static boolean validSymbol(String s) {
    return s.matches("[\\p{L}_][\\p{L}\\p{N}_./·∕]*(<>|<ABIInternal>|<ABI0>)?|·[\\p{L}_][\\p{L}\\p{N}_·]*(<>|<ABIInternal>|<ABI0>)?");
  }

  private static Tree annotationTree(MethodTree mt, String simpleName) {
    Tree t = Annotations.takeTree(new java.util.ArrayList<>(mt.getModifiers().getAnnotations()), simpleName);
    return t == null ? mt : t;
  }

  /** The package-relative path of a compilation unit, e.g. {@code dev/rtproof/examples/Tls.java}. */
  static String fileOf(CompilationUnitTree cu) {
    String name = cu.getSourceFile().getName();
    String simple = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    ExpressionTree pkg = cu.getPackageName();
    return pkg == null ? simple : pkg.toString().replace('.', '/') + "/" + simple;
  }
}
