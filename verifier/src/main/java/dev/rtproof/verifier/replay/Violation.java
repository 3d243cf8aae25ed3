package dev.rtproof.verifier.replay;

import java.util.Objects;

/**
 * What a counterexample claims happens, in concrete terms a replay can check: at instruction
 * {@code index} of {@code routine}'s lowered code (before it executes), the property fails. No Z3 here:
 * generated playback tests use this class too.
 *
 * @param kind which check fails
 * @param routine the routine executing at the violation
 * @param index the index in its lowered code
 * @param modulus the alignment of {@link Kind#MISALIGNED}
 * @param symbol the symbol of {@link Kind#REACHED} and {@link Kind#TLS_MISMATCH} (the m)
 * @param expression the condition of {@link Kind#EXPRESSION} that evaluates false
 * @param number the framesize of {@link Kind#STACKGUARD}, the {@code m_tls} offset of {@link Kind#TLS_MISMATCH}
 */
public record Violation(Kind kind, String routine, int index, long modulus, String symbol, String expression,
    long number) {

  /** The checks a replay can make. */
  public enum Kind {
    /** SP is not a multiple of {@code modulus}. */
    MISALIGNED,
    /** SP differs from the entry SP, or 0(SP) from the return address at entry. */
    UNBALANCED,
    /**
     * The instruction executes; with a {@code symbol}, it is a CALL or JMP that goes there. (Without one:
     * a property that is broken wherever the instruction runs, like a frame-layout mismatch.)
     */
    REACHED,
    /** The run stops with an unmapped-memory fault at the instruction. */
    FAULT,
    /** The run stops with a jump, call or return to an address that is not code, at the instruction. */
    BAD_JUMP,
    /** FS was set and {@code FS - 8} is not {@code symbol + number} ({@code m.tls[0]}). */
    TLS_MISMATCH,
    /**
     * The body is entered although {@code SP - framesize > stackguard0 - 128} fails or stackguard0 is a
     * poison value (stackguard0 read through the entry g: {@code load64(load64(FS-8) + 16)} at entry).
     */
    STACKGUARD,
    /** {@code expression} evaluates false ({@code entry(R)}: the verified routine's entry). */
    EXPRESSION,
    /** A callee's requirement {@code expression} evaluates false at its entry ({@code entry(R)}: that entry). */
    REQUIREMENT
  }

  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(routine, "routine");
    symbol = symbol == null ? "" : symbol;
    expression = expression == null ? "" : expression;
  }

  public static Violation misaligned(String routine, int index, long modulus) {
    return new Violation(Kind.MISALIGNED, routine, index, modulus, "", "", 0);
  }

  public static Violation unbalanced(String routine, int index) {
    return new Violation(Kind.UNBALANCED, routine, index, 0, "", "", 0);
  }

  public static Violation reached(String routine, int index, String symbol) {
    return new Violation(Kind.REACHED, routine, index, 0, symbol, "", 0);
  }

  public static Violation executed(String routine, int index) {
    return new Violation(Kind.REACHED, routine, index, 0, "", "", 0);
  }

  public static Violation fault(String routine, int index) {
    return new Violation(Kind.FAULT, routine, index, 0, "", "", 0);
  }

  public static Violation badJump(String routine, int index) {
    return new Violation(Kind.BAD_JUMP, routine, index, 0, "", "", 0);
  }

  public static Violation tlsMismatch(String routine, int index, String m, long mTls) {
    return new Violation(Kind.TLS_MISMATCH, routine, index, 0, m, "", mTls);
  }

  public static Violation stackguard(String routine, int index, long framesize) {
    return new Violation(Kind.STACKGUARD, routine, index, 0, "", "", framesize);
  }

  public static Violation expression(String routine, int index, String expression) {
    return new Violation(Kind.EXPRESSION, routine, index, 0, "", expression, 0);
  }

  public static Violation requirement(String callee, String expression) {
    return new Violation(Kind.REQUIREMENT, callee, 0, 0, "", expression, 0);
  }

  /** One line for reports: {@code MISALIGNED(16) at runtime·rt0_go[34]}. */
  public String describe() {
    String arg = switch (kind) {
      case MISALIGNED -> "(" + modulus + ")";
      case REACHED -> "(" + symbol + ")";
      case TLS_MISMATCH -> "(" + symbol + "+" + number + ")";
      case STACKGUARD -> "(framesize " + number + ")";
      case EXPRESSION, REQUIREMENT -> "(\"" + expression + "\")";
      default -> "";
    };
    return kind + arg + " at " + routine + "[" + index + "]";
  }
}
