package dev.rtproof.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * A classloader for Z3's jars that serves the native libraries in them from an uncompressed copy kept
 * between builds. z3-turnkey copies libz3 (34 MB) out of its jar in every JVM; inflating it there took
 * about 0.2 s of each javac run, reading a stored copy takes a few milliseconds. The copy is named by the
 * jar entry's CRC-32 and size, checked against both on every use, and written under a temporary name then
 * moved into place, so builds running at once never see half a file; anything unexpected (no writable
 * home, a damaged copy that cannot be replaced) falls back to the jar.
 */
final class NativeLibraryCache extends URLClassLoader {
  private final Path directory;

  NativeLibraryCache(String name, URL[] jars, ClassLoader parent, Path directory) {
    super(name, jars, parent);
    this.directory = directory;
  }

  /** The default place of the copies: {@code ~/.cache/rtproof/native}. */
  static Path defaultDirectory() {
    return Path.of(System.getProperty("user.home"), ".cache", "rtproof", "native");
  }

  @Override
  public URL findResource(String name) {
    URL inJar = super.findResource(name);
    if (inJar == null || !"jar".equals(inJar.getProtocol()) || !isNativeLibrary(name)) {
      return inJar;
    }
    try {
      return copyOf(inJar).toUri().toURL();
    } catch (IOException | RuntimeException e) {
      return inJar;
    }
  }

  static boolean isNativeLibrary(String name) {
    return name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll");
  }

  /** The checked copy of the library at {@code inJar}, made first when there is none (or a bad one). */
  Path copyOf(URL inJar) throws IOException {
    JarURLConnection connection = (JarURLConnection) inJar.openConnection();
    JarEntry entry = connection.getJarEntry();
    long size = entry.getSize();
    long crc = entry.getCrc();
    if (size < 0 || crc < 0) {
      throw new IOException("no size or checksum recorded for " + inJar);
    }
    String file = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
    Path copy = directory.resolve(Long.toHexString(crc) + "-" + size + "-" + file);
    if (Files.isRegularFile(copy) && Files.size(copy) == size && crc32(copy) == crc) {
      return copy;
    }
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, file, ".partial");
    try {
      try (InputStream in = connection.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(partial) != size || crc32(partial) != crc) {
        throw new IOException("the copy of " + inJar + " does not match its jar entry");
      }
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return copy;
  }

  private static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        crc.update(buffer);
        buffer.clear();
      }
    }
    return crc.getValue();
  }
}
