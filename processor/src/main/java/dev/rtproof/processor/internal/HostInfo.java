package dev.rtproof.processor.internal;

/** Names a classloader by the keeper thread that holds it, for the host report. */
final class HostInfo {
  private HostInfo() {}

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
