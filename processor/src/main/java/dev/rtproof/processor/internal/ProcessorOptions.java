package dev.rtproof.processor.internal;

import dev.rtproof.verifier.FailOn;
import dev.rtproof.verifier.VerifyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Processor options ({@code -Artproof.…=…}): the time budget per property, which verdicts fail the
 * build, where reports go (default: {@code target/rtproof/} next to the class output), how many
 * properties are verified at once (default: one per core), and where the proof cache is
 * ({@code rtproof.cache}: a directory, default {@code target/rtproof-cache/}; {@code off} for none).
 */
record ProcessorOptions(Duration timeout, FailOn failOn, Path reportDir, int jobs, Path cacheDir, boolean noCache) {
  static final String TIMEOUT = "rtproof.timeout";
  static final String FAIL_ON = "rtproof.failOn";
  static final String REPORT_DIR = "rtproof.reportDir";
  static final String JOBS = "rtproof.jobs";
  static final String CACHE = "rtproof.cache";
  static final Set<String> NAMES = Set.of(TIMEOUT, FAIL_ON, REPORT_DIR, JOBS, CACHE);

  VerifyOptions verifyOptions() {
    return VerifyOptions.defaults().withTimeout(timeout);
  }

  static ProcessorOptions parse(Map<String, String> options, Diagnostics diags) {
    Duration timeout = VerifyOptions.DEFAULT_TIMEOUT;
    String t = options.get(TIMEOUT);
    if (t != null) {
      try {
        timeout = VerifyOptions.parseDuration(t);
      } catch (IllegalArgumentException e) {
        diags.error("bad-option", "-A" + TIMEOUT + "=" + t + ": " + e.getMessage());
      }
    }
    FailOn failOn = FailOn.VIOLATED;
    String f = options.get(FAIL_ON);
    if (f != null) {
      try {
        failOn = FailOn.parse(f);
      } catch (IllegalArgumentException e) {
        diags.error("bad-option", "-A" + FAIL_ON + "=" + f + ": " + e.getMessage());
      }
    }
    int jobs = Runtime.getRuntime().availableProcessors();
    String j = options.get(JOBS);
    if (j != null) {
      try {
        jobs = Integer.parseInt(j.trim());
        if (jobs < 1) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        diags.error("bad-option", "-A" + JOBS + "=" + j + ": expected a positive number of threads");
        jobs = 1;
      }
    }
    String dir = options.get(REPORT_DIR);
    String cache = options.get(CACHE);
    boolean noCache = cache != null && cache.trim().equals("off");
    return new ProcessorOptions(timeout, failOn, path(REPORT_DIR, dir, diags), jobs,
        noCache ? null : path(CACHE, cache, diags), noCache);
  }

  private static Path path(String option, String value, Diagnostics diags) {
    if (value == null) {
      return null;
    }
    try {
      return Path.of(value.trim());
    } catch (java.nio.file.InvalidPathException e) {
      diags.error("bad-option", "-A" + option + "=" + value + ": not a path: " + e.getMessage());
      return null;
    }
  }
}
