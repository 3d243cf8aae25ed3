package dev.rtproof.verifier.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The fingerprint of the code that decides verdicts (the IR and its lowering, the emulator that replays
 * counterexamples, the verifier): the contents of their jars or class directories, entry by entry, so a
 * cached verdict is never reused by a different build of rtproof — not even a rebuilt snapshot. Timestamps
 * are left out, so rebuilding unchanged code keeps the fingerprint.
 */
final class CodeFingerprint {
  private static volatile String cached;

  private CodeFingerprint() {}

  /** The fingerprint; throws {@link IOException} when the code cannot be read (then nothing is cached). */
  static String get() throws IOException {
    String f = cached;
    if (f == null) {
      f = compute(List.of(dev.rtproof.dsl.ir.Program.class, dev.rtproof.emulator.Emulator.class,
          dev.rtproof.verifier.Verifier.class));
      cached = f;
    }
    return f;
  }

  static String compute(List<Class<?>> classes) throws IOException {
    Set<Path> locations = new LinkedHashSet<>();
    for (Class<?> c : classes) {
      locations.add(location(c));
    }
    Fingerprint fp = new Fingerprint();
    for (Path p : locations) {
      if (Files.isDirectory(p)) {
        directory(p, fp);
      } else {
        jar(p, fp);
      }
    }
    return fp.hex();
  }

  private static Path location(Class<?> c) throws IOException {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IOException("the code of " + c.getName() + " has no location to fingerprint");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("the code of " + c.getName() + " is at " + source.getLocation() + ", not a file", e);
    }
  }

  private static void directory(Path dir, Fingerprint fp) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
    }
    files.sort(null);
    for (Path f : files) {
      fp.add(dir.relativize(f).toString().replace('\\', '/')).add(Files.readAllBytes(f));
    }
  }

  private static void jar(Path path, Fingerprint fp) throws IOException {
    try (JarFile jar = new JarFile(path.toFile())) {
      List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
      entries.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (JarEntry e : entries) {
        if (e.isDirectory()) {
          continue;
        }
        try (InputStream in = jar.getInputStream(e)) {
          fp.add(e.getName()).add(in.readAllBytes());
        }
      }
    }
  }
}
