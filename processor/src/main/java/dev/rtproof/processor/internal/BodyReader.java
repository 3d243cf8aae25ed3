package dev.rtproof.processor.internal;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the statements of a routine body (or of a macro being expanded into one) into labels,
 * instructions and assertions of a {@link Routine.Builder}. A statement is a label, {@code get_tls},
 * {@code ASSERT}/{@code ASSUME}, an instruction or a {@code @Macro} call; anything else is an error on it.
 */
final class BodyReader {
  private final MacroExpander macros;

  BodyReader(MacroExpander macros) {
    this.macros = macros;
    macros.bind(this);
  }

  /** Reads one statement; {@code b.at(…)} has been set to where its IR is reported. */
  void statement(StatementTree st, Scope s, Routine.Builder b, boolean expanding) throws ReadError {
    if (!(st instanceof ExpressionStatementTree es) || !(es.getExpression() instanceof MethodInvocationTree call)) {
      throw new ReadError("not-an-instruction", "only instructions, labels and macro calls may appear in a routine"
          + " body, not " + describe(st), st);
    }
    ExecutableElement macro = macroCalled(call, s);
    if (macro != null) {
      macros.expand(macro, call, s, b);
      return;
    }
    String name = dslName(call, s.names());
    List<? extends ExpressionTree> args = call.getArguments();
    switch (name) {
      case "label" -> {
        arity(name, 1, call);
        String label = s.folder().string(args.get(0));
        if (!isIdentifier(label)) {
          throw new ReadError("bad-label", "'" + label + "' is not a label name (letters, digits and _)", args.get(0));
        }
        b.label(label);
      }
      case "get_tls" -> {
        arity(name, 1, call);
        b.getTls(s.operands().register(args.get(0)));
      }
      case "ASSERT", "ASSUME" -> {
        arity(name, 1, call);
        String expression = s.folder().string(args.get(0));
        b.assertion(expression, name.equals("ASSUME"));
        if (name.equals("ASSERT")) {
          b.property(PropertySpec.ASSERT, expression);
        }
      }
      case "GLOBL", "DATA" -> throw new ReadError("data-in-routine", name + " belongs in a @DataSection method, not"
          + " in a routine body", call);
      default -> instruction(name, call, s, b, expanding);
    }
  }

  private void instruction(String name, MethodInvocationTree call, Scope s, Routine.Builder b, boolean expanding)
      throws ReadError {
    Op op = Op.byName(name);
    if (op == null) {
      throw new ReadError("unknown-instruction", "'" + name + "' is not an instruction rtproof knows", call);
    }
    List<? extends ExpressionTree> args = call.getArguments();
    OperandShapes.checkCount(op, name, args.size(), call);
    List<Operand> ops = new ArrayList<>();
    for (ExpressionTree a : args) {
      ops.add(op.isBranch() ? branchTarget(a, s) : s.operands().operand(a));
    }
    OperandShapes.check(op, ops, args, call);
    b.add(new Instr(op, ops, b.atPos(), expanding ? Instr.Origin.MACRO : Instr.Origin.SOURCE));
  }

  /** A branch target: a label (a string constant), {@code pc(n)}, {@code sym(…)}, a register or memory. */
  private static Operand branchTarget(ExpressionTree a, Scope s) throws ReadError {
    if (a instanceof LiteralTree || isStringConstant(a, s)) {
      Object v = s.folder().fold(a);
      if (!(v instanceof String label)) {
        throw new ReadError("bad-branch-target", "a jump target is a label string, pc(n), sym(…), a register or"
            + " memory, not " + a, a);
      }
      if (!isIdentifier(label)) {
        throw new ReadError("bad-label", "'" + label + "' is not a label name (letters, digits and _)", a);
      }
      return new LabelRef(label);
    }
    return s.operands().operand(a);
  }

  private static boolean isStringConstant(ExpressionTree a, Scope s) throws ReadError {
    if (a instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (s.folder().isBound(name)) {
        return s.folder().fold(a) instanceof String;
      }
      VariableElement f = s.names().field(name, a);
      return f != null && f.getConstantValue() instanceof String;
    }
    return a instanceof com.sun.source.tree.BinaryTree;
  }

  /** The {@code @Macro} method a call invokes, or null when it calls the DSL. */
  static ExecutableElement macroCalled(MethodInvocationTree call, Scope s) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree id) {
      return s.names().macro(id.getName().toString());
    }
    if (select instanceof MemberSelectTree ms) {
      TypeElement owner = s.names().type(ms.getExpression());
      return owner == null ? null : s.names().macroOf(owner, ms.getIdentifier().toString());
    }
    return null;
  }

  /** The name of the DSL method a call invokes; a qualified call must go through {@code Amd64}. */
  static String dslName(MethodInvocationTree call, NameResolver names) throws ReadError {
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
        + " dev.rtproof.dsl.Amd64, macros are @Macro methods)", call);
  }

  static void arity(String name, int expected, MethodInvocationTree call) throws ReadError {
    if (call.getArguments().size() != expected) {
      throw new ReadError("operand-count", name + " takes " + expected + " argument" + (expected == 1 ? "" : "s")
          + ", not " + call.getArguments().size(), call);
    }
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  private static String describe(Tree st) {
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
}
