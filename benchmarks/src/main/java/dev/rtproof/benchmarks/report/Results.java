package dev.rtproof.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers the acceptance summary needs, as {@code key=value} lines appended to one file by every step
 * of {@code bench/run.sh} (the Java steps through this class, the shell steps with {@code echo}).
 */
public final class Results {
  private final Path file;

  public Results(Path file) {
    this.file = file;
  }

  /** Appends {@code key=value}. */
  public void put(String key, double value) {
    put(key, String.format(Locale.ROOT, "%.6g", value));
  }

  /** The values written so far, by key (a key written twice keeps its last value). */
  public Map<String, String> read() {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (NoSuchFileException e) {
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  public void put(String key, String value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, key + "=" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
