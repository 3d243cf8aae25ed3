package dev.rtproof.verifier;

import java.time.Duration;
import java.util.Locale;

/**
 * How hard to try: the time budget per property (exploration and solving; a PROVED found after it ran
 * out is reported as UNKNOWN) and the default loop unrolling bound.
 */
public record VerifyOptions(Duration timeout, int unroll) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_UNROLL = 16;

  public static VerifyOptions defaults() {
    return new VerifyOptions(DEFAULT_TIMEOUT, DEFAULT_UNROLL);
  }

  public VerifyOptions withTimeout(Duration t) {
    return new VerifyOptions(t, unroll);
  }

  /** {@code 250} (milliseconds), {@code 250ms}, {@code 10s}, {@code 2m}. */
  public static Duration parseDuration(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a duration (like 500ms, 10s, 2m)", e);
    }
  }
}
