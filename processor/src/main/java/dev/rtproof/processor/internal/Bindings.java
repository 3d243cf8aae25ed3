package dev.rtproof.processor.internal;

import com.sun.source.tree.Tree;
import dev.rtproof.dsl.ir.Operand;
import java.util.Map;

/**
 * The values of a macro's parameters while its body is read: an {@link Operand} (a register, memory or an
 * immediate) or a constant ({@code Integer}, {@code Long}, {@code Character}, {@code String}). A routine
 * body has none.
 */
final class Bindings {
  static final Bindings NONE = new Bindings(Map.of());

  private final Map<String, Object> values;

  Bindings(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The constant bound to {@code name}; an operand is an error at {@code at}. */
  Object constant(String name, Tree at) throws ReadError {
    Object v = values.get(name);
    if (v instanceof Operand o) {
      throw new ReadError("non-constant", "macro parameter '" + name + "' is the operand " + o
          + " here, not a constant", at);
    }
    return v;
  }

  /** The operand bound to {@code name}; a constant is an error at {@code at}. */
  Operand operand(String name, Tree at) throws ReadError {
    Object v = values.get(name);
    if (v instanceof Operand o) {
      return o;
    }
    throw new ReadError("bad-operand", "macro parameter '" + name + "' is the constant " + v + " here; write $("
        + name + ") for an immediate", at);
  }
}
