package dev.rtproof.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Z3 loader serves native libraries from a checked copy outside the jar, and the jar's bytes always. */
class NativeLibraryCacheTest {
  private static final String LIBRARY = "com/example/linux/amd64/libfake.so";
  private static final String TEXT = "com/example/linux/amd64/turnkey.xml";

  @TempDir
  Path tmp;

  @Test
  void aLibraryIsServedFromItsCopyWithTheJarsBytes() throws IOException {
    byte[] library = randomBytes(300_000);
    Path cache = tmp.resolve("cache");
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      URL first = loader.getResource(LIBRARY);
      assertEquals("file", first.getProtocol(), first.toString());
      assertArrayEquals(library, read(first));
      assertEquals(first, loader.getResource(LIBRARY), "the same copy next time");
      assertEquals(1, copies(cache), "one copy, no partial files left");
      assertEquals("jar", loader.getResource(TEXT).getProtocol(), "other resources come from the jar");
    }
  }

  @Test
  void aDamagedCopyIsReplaced() throws IOException {
    byte[] library = randomBytes(50_000);
    Path cache = tmp.resolve("cache");
    Path jar = jar(library);
    try (NativeLibraryCache loader = loader(jar, cache)) {
      Path copy = Path.of(java.net.URI.create(loader.getResource(LIBRARY).toString()));
      byte[] damaged = library.clone();
      damaged[12_345] ^= 1;
      Files.write(copy, damaged);
      assertArrayEquals(library, read(loader.getResource(LIBRARY)), "same size, different bytes: copied again");
      Files.write(copy, new byte[10]);
      assertArrayEquals(library, read(loader.getResource(LIBRARY)), "truncated: copied again");
    }
  }

  @Test
  void withoutAWritableDirectoryTheJarServesTheLibrary() throws IOException {
    byte[] library = randomBytes(10_000);
    Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
    try (NativeLibraryCache loader = loader(jar(library), notADirectory.resolve("cache"))) {
      URL url = loader.getResource(LIBRARY);
      assertEquals("jar", url.getProtocol(), url.toString());
      assertArrayEquals(library, read(url));
    }
  }

  private NativeLibraryCache loader(Path jar, Path cache) throws IOException {
    return new NativeLibraryCache("test", new URL[] {jar.toUri().toURL()}, null, cache);
  }

  private Path jar(byte[] library) throws IOException {
    Path jar = tmp.resolve("fake-natives.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(LIBRARY));
      out.write(library);
      out.closeEntry();
      out.putNextEntry(new JarEntry(TEXT));
      out.write("<properties/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static long copies(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.peek(f -> assertTrue(f.getFileName().toString().endsWith("libfake.so"), f.toString())).count();
    }
  }

  private static byte[] read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
