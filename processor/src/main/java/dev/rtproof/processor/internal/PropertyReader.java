package dev.rtproof.processor.internal;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import dev.rtproof.dsl.abi.ArgFrame;
import dev.rtproof.dsl.abi.GoDecl;
import dev.rtproof.dsl.abi.GoDeclException;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads the property annotations of a {@code @Routine} method ({@code @Requires}, {@code @Ensures},
 * {@code @StackAligned}, {@code @StackBalanced}, {@code @Unreachable}, {@code @TlsRoundTrip},
 * {@code @StackGuard}, {@code @Go}) into the routine's requirements and properties, each at its
 * annotation's position.
 */
final class PropertyReader {
  private final Annotations annotations;
  private final Diagnostics diags;

  PropertyReader(Annotations annotations, Diagnostics diags) {
    this.annotations = annotations;
    this.diags = diags;
  }

  /** What {@code @Go} declared: the frame, or null when absent or unreadable (then reported). */
  record GoFrame(ArgFrame frame, Tree tree) {}

  /** Adds the properties of {@code method} to {@code b}; returns its {@code @Go} frame, or null. */
  GoFrame read(ExecutableElement method, MethodTree mt, Scope s, Routine.Builder b, Positions positions) {
    List<AnnotationTree> annTrees = new ArrayList<>(mt.getModifiers().getAnnotations());
    GoFrame go = null;
    for (AnnotationMirror am : annotations.flat(method)) {
      String simple = Annotations.typeName(am).substring(Annotations.DSL.length());
      AnnotationTree tree = Annotations.takeTree(annTrees, simple);
      Tree at = tree == null ? mt : tree;
      SourcePos pos = tree == null ? b.declared() : positions.add(tree);
      b.at(pos.line(), pos.column());
      Map<String, Object> v = annotations.values(am);
      switch (simple) {
        case "Requires" -> b.requires(text(v.get("value")));
        case "Ensures" -> b.property(PropertySpec.ENSURES, text(v.get("value")));
        case "StackBalanced" -> b.property(PropertySpec.STACK_BALANCE);
        case "StackAligned" -> stackAligned(v, b, at, s);
        case "Unreachable" -> unreachable(v, b, at, s);
        case "TlsRoundTrip" -> b.property(PropertySpec.TLS_ROUND_TRIP, Names.normalizeSymbol(text(v.get("m"))));
        case "StackGuard" -> stackGuard(v, b, at, s);
        case "Go" -> go = go(text(v.get("value")), b, at, s);
        default -> { }
      }
    }
    return go;
  }

  private void stackAligned(Map<String, Object> v, Routine.Builder b, Tree at, Scope s) {
    long modulus = v.get("value") instanceof Long l ? l : 16;
    if (modulus <= 0 || Long.bitCount(modulus) != 1) {
      diags.error("bad-property", "@StackAligned(" + modulus + "): the alignment must be a power of two", at, s.cu());
      return;
    }
    List<String> a = new ArrayList<>();
    a.add(Long.toString(modulus));
    a.addAll(symbols(v.get("at")));
    b.property(PropertySpec.STACK_ALIGNMENT, a.toArray(new String[0]));
  }

  private void unreachable(Map<String, Object> v, Routine.Builder b, Tree at, Scope s) {
    List<String> symbols = symbols(v.get("value"));
    boolean faults = Boolean.TRUE.equals(v.get("faults"));
    if (symbols.isEmpty() && !faults) {
      diags.error("empty-unreachable", "@Unreachable needs symbols or faults = true", at, s.cu());
    }
    if (!symbols.isEmpty()) {
      b.property(PropertySpec.UNREACHABLE, symbols.toArray(new String[0]));
    }
    if (faults) {
      b.property(PropertySpec.NO_FAULT);
    }
  }

  private void stackGuard(Map<String, Object> v, Routine.Builder b, Tree at, Scope s) {
    int frame = v.get("frame") instanceof Integer i ? i : -1;
    String body = text(v.get("body"));
    if (frame < -1) {
      diags.error("bad-property", "@StackGuard(frame = " + frame + "): a frame size cannot be negative", at, s.cu());
      return;
    }
    if (!body.isEmpty() && !BodyReader.isIdentifier(body)) {
      diags.error("bad-property", "@StackGuard(body = \"" + body + "\"): not a label name", at, s.cu());
      return;
    }
    if (frame == -1 && body.isEmpty()) {
      b.property(PropertySpec.STACKGUARD);
    } else {
      b.property(PropertySpec.STACKGUARD, frame == -1 ? "" : Integer.toString(frame), body);
    }
  }

  private GoFrame go(String declaration, Routine.Builder b, Tree at, Scope s) {
    b.go(declaration);
    try {
      ArgFrame frame = ArgFrame.of(GoDecl.parse(declaration));
      b.property(PropertySpec.FRAME_LAYOUT);
      return new GoFrame(frame, at);
    } catch (GoDeclException e) {
      diags.error("bad-go-declaration", "@Go, column " + e.column() + ": " + e.getMessage(), at, s.cu());
      return null;
    }
  }

  private static String text(Object value) {
    return value instanceof String s ? s : "";
  }

  private static List<String> symbols(Object arrayValue) {
    List<String> out = new ArrayList<>();
    for (String s : Annotations.strings(arrayValue)) {
      out.add(s.equals("SYSCALL") ? s : Names.normalizeSymbol(s));
    }
    return out;
  }
}
