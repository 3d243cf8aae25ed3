package dev.rtproof.processor.internal;

import com.sun.source.tree.AnnotationTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reading rtproof's annotations off elements: values with defaults, repeated annotations, their trees. */
final class Annotations {
  static final String DSL = "dev.rtproof.dsl.";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The qualified name of an annotation's type. */
  static String typeName(AnnotationMirror am) {
    return ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The annotation {@code dev.rtproof.dsl.<simpleName>} on {@code e}, or null. */
  static AnnotationMirror find(Element e, String simpleName) {
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      if (typeName(am).equals(DSL + simpleName)) {
        return am;
      }
    }
    return null;
  }

  /**
   * The rtproof annotations on {@code e} in source order, with repeated ones ({@code X.List} containers)
   * flattened.
   */
  List<AnnotationMirror> flat(Element e) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      String n = typeName(am);
      if (n.startsWith(DSL) && n.endsWith(".List")) {
        for (AnnotationValue v : list(values(am).get("value"))) {
          out.add((AnnotationMirror) v.getValue());
        }
      } else if (n.startsWith(DSL)) {
        out.add(am);
      }
    }
    return out;
  }

  /** Element values with defaults filled in, by name; a missing required value is absent. */
  Map<String, Object> values(AnnotationMirror am) {
    Map<String, Object> out = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(am).entrySet()) {
      out.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
    return out;
  }

  /** An array value's elements; a value javac could not read (an error it reports itself) is empty. */
  @SuppressWarnings("unchecked")
  static List<? extends AnnotationValue> list(Object arrayValue) {
    return arrayValue instanceof List<?> l ? (List<? extends AnnotationValue>) l : List.of();
  }

  /** The strings of an array value, skipping elements that are not strings. */
  static List<String> strings(Object arrayValue) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue v : list(arrayValue)) {
      if (v.getValue() instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Takes the tree of the first annotation named {@code simpleName} (as written: simple or qualified) out
   * of {@code trees}, so repeated annotations map to their trees in order; null if there is none.
   */
  static AnnotationTree takeTree(List<AnnotationTree> trees, String simpleName) {
    for (int i = 0; i < trees.size(); i++) {
      String t = trees.get(i).getAnnotationType().toString();
      if (t.equals(simpleName) || t.endsWith("." + simpleName)) {
        return trees.remove(i);
      }
    }
    return null;
  }
}
