package dev.rtproof.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the exact tree, with a stable bracketed ID first ({@code [rtproof/unknown-label] …}),
 * and counts the errors.
 */
final class Diagnostics {
  private final Trees trees;
  private final Messager messager;
  private int errors;

  Diagnostics(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  void report(Diagnostic.Kind kind, String id, String message, Tree tree, CompilationUnitTree cu) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    trees.printMessage(kind, format(id, message), tree, cu);
  }

  void error(String id, String message, Tree tree, CompilationUnitTree cu) {
    report(Diagnostic.Kind.ERROR, id, message, tree, cu);
  }

  void error(ReadError e, CompilationUnitTree cu) {
    error(e.id, e.getMessage(), e.tree, cu);
  }

  void report(Diagnostic.Kind kind, String id, String message, Element element) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(kind, format(id, message), element);
  }

  /** An error that belongs to no source element (a bad option). */
  void error(String id, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(id, message));
  }

  void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message);
  }

  int errors() {
    return errors;
  }

  static String format(String id, String message) {
    return "[rtproof/" + id + "] " + message;
  }
}
