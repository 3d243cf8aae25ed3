package dev.rtproof.dsl.abi;

import dev.rtproof.dsl.abi.GoDecl.Param;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ABI0 argument frame of a Go declaration on amd64, as {@code go vet}'s asmdecl computes it: each
 * parameter at the next multiple of its alignment, results starting at the next multiple of 8, and a
 * name for every addressable part ({@code c}, {@code c_base}, {@code c_len}, {@code c_cap} of a slice
 * {@code c}).
 */
public final class ArgFrame {
  /** Largest alignment on amd64 (gc's {@code MaxAlign}); results start at a multiple of it. */
  static final int MAX_ALIGN = 8;

  /**
   * One addressable name: a parameter, a result, or a part of one.
   *
   * @param name the name assembly uses ({@code c_len})
   * @param offset offset from {@code 0(FP)}
   * @param size size in bytes
   * @param kind the shape; a part of a composite is {@link GoType.Kind#SCALAR}
   * @param type what it is, for messages ({@code int16}, {@code slice len})
   * @param result true for results and their parts
   * @param inner the parts of a composite, in order
   */
  public record Var(String name, long offset, long size, GoType.Kind kind, String type, boolean result, List<Var> inner) {}

  private final GoDecl decl;
  private final Map<String, Var> vars;
  private final TreeMap<Long, Var> byOffset = new TreeMap<>();
  private final long size;

  private ArgFrame(GoDecl decl, Map<String, Var> vars, long size) {
    this.decl = decl;
    this.vars = Collections.unmodifiableMap(vars);
    this.size = size;
  }

  /** Lays out {@code decl}'s parameters and results. */
  public static ArgFrame of(GoDecl decl) {
    Map<String, Var> vars = new LinkedHashMap<>();
    long offset = 0;
    for (Param p : decl.params()) {
      offset = GoType.alignUp(offset, p.type().align());
      vars.putAll(components(p.name(), p.type(), offset, false));
      offset += p.type().size();
    }
    if (!decl.results().isEmpty()) {
      offset = GoType.alignUp(offset, MAX_ALIGN);
      for (Param p : decl.results()) {
        offset = GoType.alignUp(offset, p.type().align());
        vars.putAll(components(p.name(), p.type(), offset, true));
        offset += p.type().size();
      }
    }
    ArgFrame f = new ArgFrame(decl, vars, offset);
    for (Var v : vars.values()) {
      for (long b = v.offset(); b < v.offset() + v.size(); b++) {
        f.byOffset.put(b, v);
      }
    }
    return f;
  }

  /** The var and its parts, in asmdecl's order (the whole first). */
  private static Map<String, Var> components(String name, GoType t, long offset, boolean result) {
    Map<String, Var> out = new LinkedHashMap<>();
    List<Var> inner = new ArrayList<>();
    Var whole = new Var(name, offset, t.size(), t.kind(), t.text(), result, inner);
    out.put(name, whole);
    switch (t.kind()) {
      case STRING -> {
        part(out, inner, name + "_base", offset, 8, "string base", result);
        part(out, inner, name + "_len", offset + 8, 8, "string len", result);
      }
      case SLICE -> {
        part(out, inner, name + "_base", offset, 8, "slice base", result);
        part(out, inner, name + "_len", offset + 8, 8, "slice len", result);
        part(out, inner, name + "_cap", offset + 16, 8, "slice cap", result);
      }
      case EMPTY_INTERFACE -> {
        part(out, inner, name + "_type", offset, 8, "interface type", result);
        part(out, inner, name + "_data", offset + 8, 8, "interface data", result);
      }
      case INTERFACE -> {
        part(out, inner, name + "_itable", offset, 8, "interface itable", result);
        part(out, inner, name + "_data", offset + 8, 8, "interface data", result);
      }
      case COMPLEX -> {
        long half = t.size() / 2;
        part(out, inner, name + "_real", offset, half, "real(complex" + t.size() * 8 + ")", result);
        part(out, inner, name + "_imag", offset + half, half, "imag(complex" + t.size() * 8 + ")", result);
      }
      case STRUCT -> {
        long[] offsets = t.fieldOffsets();
        for (int i = 0; i < t.fields().size(); i++) {
          GoType.Field f = t.fields().get(i);
          Map<String, Var> sub = components(name + "_" + f.name(), f.type(), offset + offsets[i], result);
          inner.add(sub.values().iterator().next());
          out.putAll(sub);
        }
      }
      case ARRAY -> {
        for (long i = 0; i < t.length(); i++) {
          Map<String, Var> sub = components(name + "_" + i, t.elem(), offset + i * t.elem().size(), result);
          inner.add(sub.values().iterator().next());
          out.putAll(sub);
        }
      }
      case SCALAR -> { }
    }
    return out;
  }

  private static void part(Map<String, Var> out, List<Var> inner, String name, long offset, long size, String type,
      boolean result) {
    Var v = new Var(name, offset, size, GoType.Kind.SCALAR, type, result, List.of());
    inner.add(v);
    out.put(name, v);
  }

  public GoDecl decl() {
    return decl;
  }

  /** The frame size: what {@code @Routine(args = …)} must say. */
  public long size() {
    return size;
  }

  /** Every name, parameters first, each whole before its parts. */
  public Map<String, Var> vars() {
    return vars;
  }

  /** The name {@code name}, or null. */
  public Var var(String name) {
    return vars.get(name);
  }

  /** The innermost name that covers byte {@code offset}, or null. */
  public Var varAt(long offset) {
    return byOffset.get(offset);
  }

  /** True when the declaration has results. */
  public boolean hasResults() {
    return !decl.results().isEmpty();
  }
}
