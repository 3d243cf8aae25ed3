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
            b.append(String.format("\\u%04x", (int) c));
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
    String quoted = string(s.replaceAll("\\p{Cntrl}", "?"));
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
