package dev.rtproof.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A classloader for Z3's jars that streams the native libraries in them from an uncompressed copy kept
 * between builds. z3-turnkey copies libz3 (34 MB) out of its jar in every JVM; inflating it there took
 * about 0.2 s of each javac run, reading a stored copy takes a few milliseconds.
 *
 * <p>The copy is named by the jar entry's CRC-32 and size, and the stream handed out is the very file checked
 * against both (so a copy deleted or replaced after the check cannot slip in). It is written under a
 * temporary name, then moved into place, so builds running at once never see half a file. The directory
 * is used only when it belongs to this user and nobody else may write to it, and links are not followed:
 * a checksum does not stop a planted library, ownership does. Anything unexpected serves the jar's bytes.
 */
final class NativeLibraryCache extends URLClassLoader {
  /** A partial copy older than this was left by a JVM that died while copying. */
  private static final Duration ABANDONED = Duration.ofHours(1);

  private final Path directory;
  /** Whether {@link #trusted} has passed: once per loader, not once per library. */
  private boolean trustedOnce;

  NativeLibraryCache(String name, URL[] jars, ClassLoader parent, Path directory) {
    super(name, jars, parent);
    this.directory = directory;
  }

  /** The default place of the copies: {@code $XDG_CACHE_HOME/rtproof/native}, else {@code ~/.cache/rtproof/native}. */
  static Path defaultDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("rtproof").resolve("native");
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (isNativeLibrary(name)) {
      URL inJar = findResource(name);
      if (inJar != null && "jar".equals(inJar.getProtocol())) {
        try {
          return openCopy(inJar);
        } catch (IOException | URISyntaxException | RuntimeException e) {
          // the jar's bytes, below
        }
      }
    }
    return super.getResourceAsStream(name);
  }

  static boolean isNativeLibrary(String name) {
    return name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll");
  }

  /** An open stream of the checked copy of the library at {@code inJar}, copied first when missing or bad. */
  private InputStream openCopy(URL inJar) throws IOException, URISyntaxException {
    JarURLConnection connection = (JarURLConnection) inJar.openConnection();
    Path jarPath = Path.of(connection.getJarFileURL().toURI());
    String entryName = connection.getEntryName();
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      JarEntry entry = jar.getJarEntry(entryName);
      if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
        throw new IOException("no size or checksum recorded for " + inJar);
      }
      trusted();
      String file = entryName.substring(entryName.lastIndexOf('/') + 1);
      Path copy = directory.resolve(Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + "-" + file);
      InputStream checked = checked(copy, entry);
      if (checked != null) {
        return checked;
      }
      write(jar, entry, copy, file);
      checked = checked(copy, entry);
      if (checked == null) {
        throw new IOException("the copy of " + inJar + " does not match its jar entry");
      }
      return checked;
    }
  }

  /**
   * Makes sure the directory exists, belongs to this user (the owner of a file made there now) and is not
   * writable by group or others; removes partial copies of JVMs that died copying.
   */
  private synchronized void trusted() throws IOException {
    if (trustedOnce) {
      return;
    }
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(directory.getParent());
      try {
        if (posix) {
          Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(directory);
        }
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by a build running at the same time: checked below like any other
      }
    }
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(directory + " is not a directory");
    }
    if (posix) {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
      if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new IOException(directory + " is writable by others");
      }
    }
    Path probe = Files.createTempFile(directory, "owner", ".probe");
    try {
      if (!Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(probe))) {
        throw new IOException(directory + " belongs to someone else");
      }
    } finally {
      Files.deleteIfExists(probe);
    }
    Instant abandoned = Instant.now().minus(ABANDONED);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        FileTime modified = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
        if (f.getFileName().toString().endsWith(".partial") && modified.toInstant().isBefore(abandoned)) {
          Files.deleteIfExists(f);
        }
      }
    }
    trustedOnce = true;
  }

  /**
   * The copy, opened without following links and checked on that open file: positioned at its start when its
   * size and CRC-32 are the entry's, else closed and null (also when there is no copy, or a link in its place).
   */
  private static InputStream checked(Path copy, JarEntry entry) throws IOException {
    if (Files.isSymbolicLink(copy)) {
      Files.delete(copy); // never followed; the directory is this user's, so the link is replaced by a copy
      return null;
    }
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(copy, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
    try {
      if (channel.size() == entry.getSize() && crc32(channel) == entry.getCrc()) {
        channel.position(0);
        return Channels.newInputStream(channel);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    channel.close();
    return null;
  }

  /** Copies the entry to {@code copy}: to a temporary file first, moved into place in one step. */
  private void write(JarFile jar, JarEntry entry, Path copy, String file) throws IOException {
    Path partial = Files.createTempFile(directory, file, ".partial");
    try {
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static long crc32(SeekableByteChannel channel) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    while (channel.read(buffer) >= 0) {
      buffer.flip();
      crc.update(buffer);
      buffer.clear();
    }
    return crc.getValue();
  }
}
