package dev.rtproof.dsl.asm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The instruction words Go 1.19's amd64 assembler knows (the resource {@code amd64-mnemonics.txt}). */
final class Mnemonics {
  private static final Set<String> KNOWN = load();

  private Mnemonics() {}

  static boolean isKnown(String word) {
    return KNOWN.contains(word);
  }

  /** Go's {@code jumpX86}: words whose operand is a branch target. */
  static boolean isJump(String word) {
    return word.startsWith("J") || word.equals("CALL") || word.startsWith("LOOP") || word.equals("XBEGIN");
  }

  private static Set<String> load() {
    try (InputStream in = Mnemonics.class.getResourceAsStream("amd64-mnemonics.txt")) {
      if (in == null) {
        throw new IllegalStateException("amd64-mnemonics.txt is missing from the jar");
      }
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.trim());
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
