package dev.rtproof.verifier;

import java.util.Locale;

/** Which verdicts fail a build or a run; the others are reported as warnings. */
public enum FailOn {
  /** VIOLATED, VACUOUS and ERROR (the default). */
  VIOLATED,
  /** Those and UNKNOWN. */
  UNKNOWN,
  /** Nothing fails. */
  NEVER;

  public boolean fails(Status s) {
    return switch (this) {
      case VIOLATED -> s.fails();
      case UNKNOWN -> s != Status.PROVED;
      case NEVER -> false;
    };
  }

  /** {@code violated}, {@code unknown} or {@code never}, any case. */
  public static FailOn parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not violated, unknown or never", e);
    }
  }
}
