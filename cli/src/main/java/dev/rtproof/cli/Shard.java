package dev.rtproof.cli;

import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --shard I/N}: this run takes every N-th routine × property, starting with the I-th (1-based), so a
 * CI matrix of N runners splits the work and {@code rtproof report} merges their JSON.
 */
record Shard(int index, int count) {
  static final Shard ALL = new Shard(1, 1);

  <T> List<T> of(List<T> items) {
    return IntStream.range(0, items.size()).filter(i -> i % count == index - 1).mapToObj(items::get).toList();
  }

  /** Reads {@code I/N}. */
  static final class Converter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      String[] p = value.split("/");
      try {
        if (p.length == 2) {
          int i = Integer.parseInt(p[0].trim());
          int n = Integer.parseInt(p[1].trim());
          if (n >= 1 && i >= 1 && i <= n) {
            return new Shard(i, n);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("--shard takes I/N with 1 <= I <= N, e.g. 2/4; not '" + value + "'");
    }
  }
}
