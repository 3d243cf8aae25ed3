package dev.rtproof.cli;

import java.io.PrintWriter;

/**
 * A progress bar on the terminal, shown only when work takes more than a second and only when standard
 * error is a console (CI logs stay clean).
 */
final class Progress {
  private static final long DELAY_NANOS = 1_000_000_000L;
  private final PrintWriter err;
  private final boolean enabled;
  private final int total;
  private final long start = System.nanoTime();
  private boolean shown;

  Progress(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled && total > 0;
  }

  /** Progress for a terminal, or none when standard error is not one. */
  static Progress forConsole(PrintWriter err, int total) {
    return new Progress(err, total, System.console() != null);
  }

  void update(int done) {
    if (!enabled || System.nanoTime() - start < DELAY_NANOS) {
      return;
    }
    int width = 30;
    int filled = (int) ((long) width * done / total);
    err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " properties");
    err.flush();
    shown = true;
  }

  void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
