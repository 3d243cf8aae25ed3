package dev.rtproof.processor;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds or creates, once per JVM, the classloaders rtproof's processor runs in.
 *
 * <p>javac loads annotation processors in a new classloader per compilation; z3-turnkey extracts and
 * loads a fresh copy of libz3 for every classloader that initialises Z3. In a Maven reactor that would
 * load Z3 once per module, in the same JVM. So the processor path is split: Z3's jars go into a loader
 * shared by every compilation in the JVM (keyed by those jars), rtproof's own code into a loader shared
 * by compilations with the same processor path, whose parent is the Z3 loader. Both are kept alive by a
 * parked daemon thread named after its key, which is also how a later compilation finds them. The Z3
 * loader serves libz3 from a copy kept between JVMs ({@link NativeLibraryCache}).
 */
final class ProcessorHost {
  private static final String KEEPER = "dev.rtproof.processor.internal.HostKeeper";
  private static final String PREFIX = "rtproof-host-";
  // A JVM-wide lock: string literals are interned, so every copy of this class sees the same object.
  private static final String LOCK = "dev.rtproof.processor.ProcessorHost";

  private ProcessorHost() {}

  /** The loader to run the processor in, for a processor loaded by {@code own}. */
  static ClassLoader loaderFor(ClassLoader own) throws ReflectiveOperationException {
    if (!(own instanceof URLClassLoader urls)) {
      return own; // tests and the CLI: one application classloader already loads everything once
    }
    List<URL> z3 = new ArrayList<>();
    List<URL> rest = new ArrayList<>();
    for (URL u : urls.getURLs()) {
      String name = new File(u.getPath()).getName();
      (name.startsWith("z3-turnkey") || name.startsWith("turnkey-support") ? z3 : rest).add(u);
    }
    if (z3.isEmpty()) {
      return own;
    }
    synchronized (LOCK) {
      String z3Name = PREFIX + "z3-" + key(z3);
      ClassLoader z3Loader = find(z3Name);
      String codeName = PREFIX + "code-" + key(List.of(urls.getURLs()));
      ClassLoader code = find(codeName);
      if (code != null) {
        return code;
      }
      boolean newZ3 = z3Loader == null;
      if (newZ3) {
        z3Loader = new NativeLibraryCache("rtproof-z3", z3.toArray(new URL[0]), own.getParent(),
            NativeLibraryCache.defaultDirectory());
      }
      code = new URLClassLoader("rtproof-processor", rest.toArray(new URL[0]), z3Loader);
      keep(codeName, code, code);
      if (newZ3) {
        keep(z3Name, z3Loader, code);
      }
      return code;
    }
  }

  private static ClassLoader find(String name) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (threads[i].getName().equals(name) && threads[i].isAlive()) {
        return threads[i].getContextClassLoader();
      }
    }
    return null;
  }

  private static void keep(String name, ClassLoader loader, ClassLoader keeperFrom) throws ReflectiveOperationException {
    Runnable keeper = (Runnable) Class.forName(KEEPER, true, keeperFrom).getConstructor().newInstance();
    Thread t = new Thread(null, keeper, name, 64 * 1024);
    t.setDaemon(true);
    t.setContextClassLoader(loader);
    t.start();
  }

  /** A short hash of the jars: their paths, sizes and modification times. */
  private static String key(List<URL> urls) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (URL u : urls) {
        File f;
        try {
          f = new File(u.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
          f = new File(u.getPath());
        }
        d.update((f.getAbsolutePath() + "|" + f.length() + "|" + f.lastModified() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(d.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
