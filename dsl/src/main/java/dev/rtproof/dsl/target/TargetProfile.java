package dev.rtproof.dsl.target;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Go version profile as data: the layout constants of its {@code go_asm.h} (read from the constants
 * class users import, so there is one source of truth), how the assembler frames a routine and checks its
 * stack, the stack constants that check uses, and the sizes of the runtime's global variables that routines
 * address.
 */
public final class TargetProfile {
  /** How the assembler saves BP when a routine has a frame (reference §6, "Frame setup"). */
  public enum FrameStyle {
    /** Go ≤ 1.20: {@code SUBQ $framesize, SP; MOVQ BP, (framesize-8)(SP); LEAQ (framesize-8)(SP), BP}. */
    STORE_BP,
    /** Go 1.21+: {@code PUSHQ BP; MOVQ SP, BP; SUBQ $(framesize-8), SP}. */
    PUSH_BP
  }

  /** Which split-stack prologue the assembler inserts (reference §6). */
  public enum Prologue {
    /**
     * Go ≤ 1.16: g loaded into CX from TLS, AX (and SI) as temporaries; the huge variant compares
     * stackguard0 with {@code StackPreempt} before a biased subtraction.
     */
    G_IN_CX,
    /**
     * Go 1.17+: g in R14 (ABI0 assembly loads it from TLS), R12 as the temporary; the huge variant
     * subtracts and branches on carry ({@code SUBQ}/{@code JCS}).
     */
    G_IN_R14
  }

  /**
   * The stack constants the prologue uses (reference §5): {@code StackGuard} (the distance from
   * {@code stack.lo} to stackguard0), {@code StackSmall} and {@code StackBig}.
   */
  public record Stack(long guard, long small, long big) {}

  private final String name;
  private final String goVersion;
  private final Class<?> constantsClass;
  private final FrameStyle frameStyle;
  private final Prologue prologue;
  private final Stack stack;
  private final Map<String, Long> constants;
  private final Map<String, Long> runtimeSymbolSizes;

  public TargetProfile(
      String name, String goVersion, Class<?> constantsClass, FrameStyle frameStyle, Prologue prologue, Stack stack,
      Map<String, Long> runtimeSymbolSizes) {
    this.name = Objects.requireNonNull(name);
    this.goVersion = Objects.requireNonNull(goVersion);
    this.constantsClass = Objects.requireNonNull(constantsClass);
    this.frameStyle = Objects.requireNonNull(frameStyle);
    this.prologue = Objects.requireNonNull(prologue);
    this.stack = Objects.requireNonNull(stack);
    this.constants = Collections.unmodifiableMap(readConstants(constantsClass));
    this.runtimeSymbolSizes = Collections.unmodifiableMap(new LinkedHashMap<>(runtimeSymbolSizes));
  }

  private static Map<String, Long> readConstants(Class<?> c) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Field f : c.getFields()) {
      int mod = f.getModifiers();
      if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod)) {
        continue;
      }
      try {
        Object v = f.get(null);
        if (v instanceof Number n) {
          out.put(f.getName(), n.longValue());
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("constant " + f, e);
      }
    }
    return out;
  }

  /** The {@code Target} constant name, e.g. {@code GO1_19}. */
  public String name() {
    return name;
  }

  /** The Go release the profile was read from, e.g. {@code go1.19}. */
  public String goVersion() {
    return goVersion;
  }

  /** The minor version of {@link #goVersion()}: 19 for {@code go1.19}. */
  public int goMinor() {
    return Integer.parseInt(goVersion.replaceFirst("^go1\\.", "").replaceFirst("[^0-9].*$", ""));
  }

  public Class<?> constantsClass() {
    return constantsClass;
  }

  public FrameStyle frameStyle() {
    return frameStyle;
  }

  public Prologue prologue() {
    return prologue;
  }

  public Stack stack() {
    return stack;
  }

  /** Every {@code go_asm.h} constant of the profile by name. */
  public Map<String, Long> constants() {
    return constants;
  }

  /** The constant {@code name}; throws if the profile has none. */
  public long constant(String name) {
    Long v = constants.get(name);
    if (v == null) {
      throw new IllegalArgumentException(this.name + " has no layout constant " + name);
    }
    return v;
  }

  /** Sizes of runtime globals ({@code runtime·g0}, {@code runtime·m0}, …) in bytes. */
  public Map<String, Long> runtimeSymbolSizes() {
    return runtimeSymbolSizes;
  }

  @Override
  public String toString() {
    return name;
  }
}
