package dev.rtproof.processor.internal;

/** Java source spellings for generated code: ASCII-only, so generated files compile under any encoding. */
final class JavaLiterals {
  private JavaLiterals() {}

  /** A string literal with non-ASCII characters as {@code \\uXXXX}. */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            // by hand, not String.format: generated code holds thousands of these (every · of a symbol)
            String hex = Integer.toHexString(c);
            b.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Text for a comment: non-ASCII characters as {@code \\uXXXX} escapes, which javac also decodes. */
  static String comment(String s) {
    StringBuilder printable = new StringBuilder(s.length());
    s.chars().forEach(c -> printable.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
    String quoted = string(printable.toString());
    return quoted.substring(1, quoted.length() - 1).replace("*/", "* /");
  }

  /** A long literal: decimal when small, hexadecimal otherwise. */
  static String hex(long v) {
    if (v >= -4096 && v <= 4096) {
      return v + "L";
    }
    return "0x" + Long.toHexString(v) + "L";
  }
}
