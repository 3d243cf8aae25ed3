package dev.rtproof.processor.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host report: which classloader loaded Z3 in this JVM, so a build can check it loaded only once. */
final class HostInfo {
  private HostInfo() {}

  /** Writes {@code z3-host.properties} into {@code dir}: this process, Z3's loader and {@code processor}'s. */
  static void write(Path dir, Class<?> processor) {
    ClassLoader z3 = com.microsoft.z3.Context.class.getClassLoader();
    String text = "pid=" + ProcessHandle.current().pid() + "\n"
        + "z3Loader=" + describe(z3) + "\n"
        + "processorLoader=" + describe(processor.getClassLoader()) + "\n";
    try {
      Files.writeString(dir.resolve("z3-host.properties"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names a classloader by the keeper thread that holds it. */
  static String describe(ClassLoader loader) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t.getName().startsWith(HostKeeper.PREFIX) && t.getContextClassLoader() == loader) {
        return t.getName();
      }
    }
    return "unshared:" + loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
  }
}
