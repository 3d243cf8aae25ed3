package dev.rtproof.cli;

import dev.rtproof.dsl.asm.AsmException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** How the asm commands report unreadable assembly: {@code file:line:col: message}, never a stack trace. */
final class AsmErrors {
  private AsmErrors() {}

  static void report(AsmException e, List<Path> includes, PrintWriter err) {
    err.println(e.getMessage());
    if (includes.isEmpty() && e.detail().contains("is not a constant")) {
      err.println("  (rtproof's go_asm.h holds only the target's modelled layout constants; pass -I DIR with the"
          + " package's own go_asm.h)");
    }
  }
}
