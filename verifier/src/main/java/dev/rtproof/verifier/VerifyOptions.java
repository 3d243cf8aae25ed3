package dev.rtproof.verifier;

import java.time.Duration;
import java.util.Locale;

/**
 * How hard to try: the time budget per property (exploration and solving; a PROVED found after it ran
 * out is reported as UNKNOWN), the default loop unrolling bound, and whether paths that meet are merged
 * (always, except when the benchmarks measure what merging saves).
 */
public record VerifyOptions(Duration timeout, int unroll, boolean merge) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_UNROLL = 16;

  public VerifyOptions(Duration timeout, int unroll) {
    this(timeout, unroll, true);
  }

  public static VerifyOptions defaults() {
    return new VerifyOptions(DEFAULT_TIMEOUT, DEFAULT_UNROLL);
  }

  public VerifyOptions withTimeout(Duration t) {
    return new VerifyOptions(t, unroll, merge);
  }

  /** These options with every path explored on its own: 2^k paths for k sequential branches. */
  public VerifyOptions withoutMerging() {
    return new VerifyOptions(timeout, unroll, false);
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
