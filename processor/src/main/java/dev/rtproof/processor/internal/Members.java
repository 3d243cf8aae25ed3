package dev.rtproof.processor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The members of types by simple name (declared and inherited), from one {@link Elements#getAllMembers}
 * per type for the whole compilation. Listing them again for every name a routine uses, on a DSL class
 * of hundreds of members, made reading slow and had javac's JIT compile its member walk at length.
 */
final class Members {
  private final Elements elements;
  private final Map<TypeElement, Map<String, List<Element>>> byType = new HashMap<>();

  Members(Elements elements) {
    this.elements = elements;
  }

  Elements elements() {
    return elements;
  }

  /** The first field called {@code name} of {@code type} in {@code getAllMembers} order, or null. */
  VariableElement field(TypeElement type, String name) {
    for (Element e : named(type, name)) {
      if (e.getKind().isField()) {
        return (VariableElement) e;
      }
    }
    return null;
  }

  /** The methods called {@code name} of {@code type}, in {@code getAllMembers} order. */
  List<ExecutableElement> methods(TypeElement type, String name) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : named(type, name)) {
      if (e.getKind() == ElementKind.METHOD) {
        out.add((ExecutableElement) e);
      }
    }
    return out;
  }

  private List<Element> named(TypeElement type, String name) {
    Map<String, List<Element>> members = byType.computeIfAbsent(type, t -> {
      Map<String, List<Element>> index = new HashMap<>();
      for (Element e : elements.getAllMembers(t)) {
        index.computeIfAbsent(e.getSimpleName().toString(), n -> new ArrayList<>()).add(e);
      }
      return index;
    });
    return members.getOrDefault(name, List.of());
  }
}
