package dev.rtproof.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Z3 loader streams native libraries from a checked copy outside the jar, in a directory only this user
 * can write; whatever goes wrong, the stream has the jar's bytes.
 */
class NativeLibraryCacheTest {
  private static final String LIBRARY = "com/example/linux/amd64/libfake.so";
  private static final String TEXT = "com/example/linux/amd64/turnkey.xml";

  @TempDir
  Path tmp;

  @Test
  void aLibraryIsStreamedFromOneCopyWithTheJarsBytes() throws IOException {
    byte[] library = randomBytes(300_000);
    Path cache = tmp.resolve("cache");
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      assertArrayEquals(library, read(loader, LIBRARY));
      assertEquals(List.of(Long.toHexString(crc(library)) + "-" + library.length + "-libfake.so"), files(cache),
          "one copy named by its checksum and size, no partial files left");
      assertArrayEquals(library, read(loader, LIBRARY), "the copy next time");
      assertEquals("<properties/>", new String(read(loader, TEXT), java.nio.charset.StandardCharsets.UTF_8),
          "other resources come from the jar");
      assertTrue(Files.getPosixFilePermissions(cache).stream().noneMatch(p -> p.name().startsWith("GROUP")
          || p.name().startsWith("OTHERS")), "the directory is the user's alone");
    }
  }

  @Test
  void aDamagedCopyIsReplaced() throws IOException {
    byte[] library = randomBytes(50_000);
    Path cache = tmp.resolve("cache");
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      Path copy = firstCopy(loader, cache);
      byte[] damaged = library.clone();
      damaged[12_345] ^= 1;
      Files.write(copy, damaged);
      assertArrayEquals(library, read(loader, LIBRARY), "same size, different bytes: copied again");
      Files.write(copy, new byte[10]);
      assertArrayEquals(library, read(loader, LIBRARY), "truncated: copied again");
      assertArrayEquals(library, Files.readAllBytes(copy));
    }
  }

  @Test
  void aCopyBehindALinkIsNotUsed() throws IOException {
    byte[] library = randomBytes(20_000);
    Path cache = tmp.resolve("cache");
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      Path copy = firstCopy(loader, cache);
      Path elsewhere = Files.write(tmp.resolve("elsewhere.so"), library);
      Files.delete(copy);
      Files.createSymbolicLink(copy, elsewhere);
      Files.write(elsewhere, randomBytes(20_001));
      assertArrayEquals(library, read(loader, LIBRARY), "a link is replaced by a real copy, never followed");
      assertFalse(Files.isSymbolicLink(copy));
    }
  }

  @Test
  void aDirectoryOthersMayWriteIsNotUsed() throws IOException {
    byte[] library = randomBytes(10_000);
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      assertArrayEquals(library, read(loader, LIBRARY), "the jar's bytes");
      assertEquals(List.of(), files(cache), "nothing written there");
    }
  }

  @Test
  void withoutAWritableDirectoryTheJarServesTheLibrary() throws IOException {
    byte[] library = randomBytes(10_000);
    Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
    try (NativeLibraryCache loader = loader(jar(library), notADirectory.resolve("cache"))) {
      assertArrayEquals(library, read(loader, LIBRARY));
    }
  }

  @Test
  void partialCopiesOfDeadJvmsAreRemoved() throws IOException {
    byte[] library = randomBytes(10_000);
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
    Path old = Files.writeString(cache.resolve("libfake.so123.partial"), "half");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
    Path recent = Files.writeString(cache.resolve("libfake.so456.partial"), "being written");
    try (NativeLibraryCache loader = loader(jar(library), cache)) {
      read(loader, LIBRARY);
    }
    assertFalse(Files.exists(old), "two hours old: its JVM died");
    assertTrue(Files.exists(recent), "maybe a build running now");
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

  /** The copy the first read of the library leaves in {@code cache}. */
  private static Path firstCopy(NativeLibraryCache loader, Path cache) throws IOException {
    read(loader, LIBRARY);
    return cache.resolve(files(cache).get(0));
  }

  private static List<String> files(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] read(NativeLibraryCache loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static long crc(byte[] b) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b);
    return crc.getValue();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
