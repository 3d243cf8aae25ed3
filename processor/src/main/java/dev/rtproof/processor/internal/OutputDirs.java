package dev.rtproof.processor.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Where the processor's own output goes by default: next to the class output, so under {@code target/}
 * in a Maven build ({@code target/classes} → {@code target/rtproof}, {@code target/test-classes} →
 * {@code target/rtproof-test-classes}).
 */
final class OutputDirs {
  private OutputDirs() {}

  /** The class output directory, or null when it is not a directory on disk (in-memory compilers). */
  static Path classes(Filer filer) {
    try {
      // Only asks for the location of a file; nothing is created.
      URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "rtproof.location").toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The directory {@code name} next to {@code classes}, or null without a class output. */
  static Path sibling(Path classes, String name) {
    if (classes == null) {
      return null;
    }
    String c = classes.getFileName().toString();
    return classes.resolveSibling(c.equals("classes") ? name : name + "-" + c);
  }
}
