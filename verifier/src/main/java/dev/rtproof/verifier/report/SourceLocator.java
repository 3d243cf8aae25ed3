package dev.rtproof.verifier.report;

import dev.rtproof.dsl.ir.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the package-relative file of a source position ({@code dev/rtproof/examples/Tls.java}) into a path
 * relative to a base directory ({@code examples/src/main/java/dev/rtproof/examples/Tls.java}) by looking
 * under the base for {@code src/main/java} and {@code src/test/java} roots; files it cannot find keep
 * their package-relative path.
 */
public final class SourceLocator {
  private final Path base;
  private final List<Path> roots;
  private final Map<String, String> cache = new HashMap<>();

  private SourceLocator(Path base, List<Path> roots) {
    this.base = base;
    this.roots = roots;
  }

  /** Positions stay package-relative. */
  public static SourceLocator none() {
    return new SourceLocator(Path.of(""), List.of());
  }

  /** Finds Java source roots below {@code base} (at most four directories deep, skipping build output). */
  public static SourceLocator under(Path base) {
    List<Path> roots;
    try (Stream<Path> dirs = Files.walk(base, 4)) {
      roots = dirs.filter(Files::isDirectory)
          .filter(d -> d.endsWith(Path.of("src", "main", "java")) || d.endsWith(Path.of("src", "test", "java")))
          .filter(d -> !d.toString().contains("target"))
          .sorted()
          .toList();
    } catch (IOException e) {
      roots = List.of();
    }
    return new SourceLocator(base, roots);
  }

  /** The path of {@code pos}'s file relative to the base, with forward slashes. */
  public String uri(SourcePos pos) {
    return cache.computeIfAbsent(pos.file(), f -> {
      for (Path root : roots) {
        Path candidate = root.resolve(f);
        if (Files.isRegularFile(candidate)) {
          return base.toAbsolutePath().normalize().relativize(candidate.toAbsolutePath().normalize())
              .toString().replace('\\', '/');
        }
      }
      return f;
    });
  }
}
