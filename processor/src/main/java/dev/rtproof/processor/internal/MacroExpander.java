package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.Trees;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Inlines {@code @Macro} calls: evaluates the arguments in the caller's scope, binds them to the macro's
 * parameters and reads the macro's body in its own scope into the routine. Every instruction it adds is
 * reported at the call; a problem inside the macro names the macro and its line.
 */
final class MacroExpander {
  private static final String IR = "dev.rtproof.dsl.ir.";

  private final Members members;
  private final Trees trees;
  private final Deque<ExecutableElement> expanding = new ArrayDeque<>();
  private BodyReader body;

  MacroExpander(Members members, Trees trees) {
    this.members = members;
    this.trees = trees;
  }

  void bind(BodyReader reader) {
    this.body = reader;
  }

  void expand(ExecutableElement macro, MethodInvocationTree call, Scope caller, Routine.Builder b) throws ReadError {
    String name = macro.getSimpleName().toString();
    if (expanding.contains(macro)) {
      throw new ReadError("macro-recursion", "macro " + name + " expands itself (through "
          + expanding.stream().map(m -> m.getSimpleName().toString()).collect(Collectors.joining(" → ")) + ")", call);
    }
    MethodTree mt = trees.getTree(macro);
    if (mt == null || mt.getBody() == null) {
      throw new ReadError("macro-unavailable", "the body of macro " + name + " is not among the sources being"
          + " compiled, so it cannot be inlined", call);
    }
    if (!macro.getModifiers().contains(Modifier.STATIC) || macro.getReturnType().getKind() != TypeKind.VOID) {
      throw new ReadError("macro-signature", "macro " + name + " must be static void", call);
    }
    List<? extends VariableElement> params = macro.getParameters();
    List<? extends ExpressionTree> args = call.getArguments();
    if (params.size() != args.size()) {
      throw new ReadError("macro-arity", "macro " + name + "(" + params.stream()
          .map(p -> p.asType() + " " + p.getSimpleName()).collect(Collectors.joining(", ")) + ") takes "
          + params.size() + " argument" + (params.size() == 1 ? "" : "s") + ", not " + args.size(), call);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      values.put(params.get(i).getSimpleName().toString(), argument(params.get(i), args.get(i), caller, name));
    }
    CompilationUnitTree cu = trees.getPath(macro).getCompilationUnit();
    Scope inner = Scope.of(members, cu, (TypeElement) macro.getEnclosingElement(), new Bindings(values));
    expanding.push(macro);
    try {
      for (StatementTree st : mt.getBody().getStatements()) {
        try {
          body.statement(st, inner, b, true);
        } catch (ReadError e) {
          long line = cu.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(cu, e.tree));
          throw new ReadError(e.id, "in macro " + name + " (" + inner.file() + ":" + line + "): " + e.getMessage(),
              call);
        }
      }
    } finally {
      expanding.pop();
    }
  }

  /** The value of argument {@code arg} for parameter {@code p}, by the parameter's type. */
  private static Object argument(VariableElement p, ExpressionTree arg, Scope caller, String macro) throws ReadError {
    try {
      return value(p, arg, caller, macro);
    } catch (ReadError e) {
      if (e.id.equals("macro-parameter") || e.id.equals("macro-argument")) {
        throw e;
      }
      throw new ReadError("macro-argument", "argument " + arg + " for parameter " + p.asType() + " "
          + p.getSimpleName() + " of macro " + macro + ": " + e.getMessage(), arg);
    }
  }

  private static Object value(VariableElement p, ExpressionTree arg, Scope caller, String macro) throws ReadError {
    TypeMirror t = p.asType();
    switch (t.getKind()) {
      case INT -> {
        long v = caller.folder().integral(arg);
        if (v != (int) v) {
          throw new ReadError("macro-argument", v + " does not fit int parameter " + p.getSimpleName() + " of macro "
              + macro, arg);
        }
        return (int) v;
      }
      case LONG -> {
        return caller.folder().integral(arg);
      }
      case DECLARED -> {
        String type = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
        switch (type) {
          case "java.lang.String":
            return caller.folder().string(arg);
          case IR + "Reg":
            return caller.operands().register(arg);
          case IR + "Operand":
            return caller.operands().operand(arg);
          case IR + "Mem":
          case IR + "Imm":
          case IR + "SymAddr": {
            Operand o = caller.operands().operand(arg);
            boolean fits = type.endsWith("Mem") ? o instanceof Mem : type.endsWith("Imm") ? o instanceof Imm
                : o instanceof SymAddr;
            if (!fits) {
              throw new ReadError("macro-argument", o + " is not a " + type.substring(IR.length()) + " for parameter "
                  + p.getSimpleName() + " of macro " + macro, arg);
            }
            return o;
          }
          default:
            break;
        }
      }
      case ERROR -> throw new ReadError("macro-parameter", "the type " + t + " of parameter " + p.getSimpleName()
          + " of macro " + macro + " is not found (import it from dev.rtproof.dsl.ir)", arg);
      default -> { }
    }
    throw new ReadError("macro-parameter", "parameter " + p.getSimpleName() + " of macro " + macro + " has type " + t
        + "; macro parameters are Reg, Operand, Mem, Imm, SymAddr, int, long or String", arg);
  }
}
