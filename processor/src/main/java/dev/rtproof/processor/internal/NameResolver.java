package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves the names a routine body uses, the way javac would, without running javac's attribution
 * (method bodies are not attributed while processors run): fields of the enclosing classes, single
 * static imports, static imports on demand; types through the enclosing classes, imports, the package
 * and {@code java.lang}.
 */
final class NameResolver {
  private static final String MACRO = "dev.rtproof.dsl.Macro";

  private final Members members;
  private final Elements elements;
  private final CompilationUnitTree cu;
  private final TypeElement enclosing;

  NameResolver(Members members, CompilationUnitTree cu, TypeElement enclosing) {
    this.members = members;
    this.elements = members.elements();
    this.cu = cu;
    this.enclosing = enclosing;
  }

  /** The field a simple name denotes in the routine's scope, or null. */
  VariableElement field(String name, Tree at) throws ReadError {
    for (Element t = enclosing; t instanceof TypeElement type; t = t.getEnclosingElement()) {
      VariableElement f = fieldOf(type, name);
      if (f != null) {
        return f;
      }
    }
    for (ImportTree imp : cu.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && ms.getIdentifier().contentEquals(name)) {
        TypeElement type = elements.getTypeElement(ms.getExpression().toString());
        VariableElement f = type == null ? null : fieldOf(type, name);
        if (f != null) {
          return f;
        }
      }
    }
    Set<VariableElement> found = new LinkedHashSet<>();
    for (ImportTree imp : cu.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && ms.getIdentifier().contentEquals("*")) {
        TypeElement type = elements.getTypeElement(ms.getExpression().toString());
        VariableElement f = type == null ? null : fieldOf(type, name);
        if (f != null) {
          found.add(f);
        }
      }
    }
    if (found.size() > 1) {
      List<String> owners = new ArrayList<>();
      for (VariableElement f : found) {
        owners.add(((TypeElement) f.getEnclosingElement()).getQualifiedName().toString());
      }
      throw new ReadError("ambiguous-name", "'" + name + "' is defined by several static imports: "
          + String.join(", ", owners), at);
    }
    return found.isEmpty() ? null : found.iterator().next();
  }

  /** The {@code @Macro} method a simple name denotes in the routine's scope, or null. */
  ExecutableElement macro(String name) {
    for (Element t = enclosing; t instanceof TypeElement type; t = t.getEnclosingElement()) {
      ExecutableElement m = macroOf(type, name);
      if (m != null) {
        return m;
      }
    }
    for (ImportTree imp : cu.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && (ms.getIdentifier().contentEquals(name) || ms.getIdentifier().contentEquals("*"))) {
        TypeElement type = elements.getTypeElement(ms.getExpression().toString());
        ExecutableElement m = type == null ? null : macroOf(type, name);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  /** The {@code @Macro} method {@code name} of {@code type}, or null. */
  ExecutableElement macroOf(TypeElement type, String name) {
    for (ExecutableElement m : members.methods(type, name)) {
      if (isMacro(m)) {
        return m;
      }
    }
    return null;
  }

  private static boolean isMacro(ExecutableElement m) {
    for (AnnotationMirror am : m.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals(MACRO)) {
        return true;
      }
    }
    return false;
  }

  /** The field {@code name} of {@code type} (declared or inherited), or null. */
  VariableElement fieldOf(TypeElement type, String name) {
    return members.field(type, name);
  }

  /** The type an expression names ({@code Go119}, {@code dev.rtproof.dsl.target.Go119}), or null. */
  TypeElement type(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      return simpleType(id.getName().toString());
    }
    if (e instanceof MemberSelectTree ms) {
      TypeElement qualified = elements.getTypeElement(ms.toString());
      if (qualified != null) {
        return qualified;
      }
      TypeElement outer = type(ms.getExpression());
      if (outer != null) {
        for (TypeElement member : ElementFilter.typesIn(outer.getEnclosedElements())) {
          if (member.getSimpleName().contentEquals(ms.getIdentifier())) {
            return member;
          }
        }
      }
    }
    return null;
  }

  private TypeElement simpleType(String name) {
    for (Element t = enclosing; t instanceof TypeElement type; t = t.getEnclosingElement()) {
      if (type.getSimpleName().contentEquals(name)) {
        return type;
      }
      for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
        if (member.getSimpleName().contentEquals(name)) {
          return member;
        }
      }
    }
    for (ImportTree imp : cu.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && ms.getIdentifier().contentEquals(name)) {
        return elements.getTypeElement(ms.toString());
      }
    }
    PackageElement pkg = elements.getPackageOf(enclosing);
    TypeElement same = elements.getTypeElement(pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name);
    if (same != null) {
      return same;
    }
    for (ImportTree imp : cu.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && ms.getIdentifier().contentEquals("*")) {
        TypeElement t = elements.getTypeElement(ms.getExpression() + "." + name);
        if (t != null) {
          return t;
        }
      }
    }
    return elements.getTypeElement("java.lang." + name);
  }
}
