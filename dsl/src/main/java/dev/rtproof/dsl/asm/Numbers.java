package dev.rtproof.dsl.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's spellings of integer, character and string constants ({@code strconv} rules, 64-bit unsigned). */
final class Numbers {
  private Numbers() {}

  /** {@code 42}, {@code 0x2a}, {@code 052}, {@code 0o52}, {@code 0b101010}, with optional {@code _}. */
  static long parseInt(Token t) throws AsmException {
    String s = t.text().replace("_", "");
    int radix = 10;
    String digits = s;
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = s.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = s.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
      digits = s.substring(1);
    }
    try {
      if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
        throw new NumberFormatException();
      }
      return Long.parseUnsignedLong(digits, radix);
    } catch (NumberFormatException e) {
      int base = radix;
      String d = digits;
      boolean valid = !d.isEmpty() && d.chars().allMatch(c -> Character.digit(c, base) >= 0);
      throw new AsmException(t.pos(), "asm-number", valid ? "the number " + t.text() + " does not fit in 64 bits"
          : "malformed number " + t.text());
    }
  }

  /** A character constant, {@code 'a'} or {@code '\n'}: its code point. */
  static long parseChar(Token t) throws AsmException {
    byte[] bytes = unquote(t);
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.codePointCount(0, s.length()) != 1) {
      throw new AsmException(t.pos(), "asm-number", "a character constant holds exactly one character: " + t.text());
    }
    return s.codePointAt(0);
  }

  /** The bytes a quoted string or character constant denotes. */
  static byte[] unquote(Token t) throws AsmException {
    String s = t.text().substring(1, t.text().length() - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c != '\\') {
        int cp = s.codePointAt(i);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new AsmException(t.pos(), "asm-number", "bad escape at the end of " + t.text());
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case 'r' -> out.write('\r');
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'v' -> out.write(11);
        case '\\', '\'', '"' -> out.write(e);
        case 'x' -> {
          out.write((int) hex(t, s, i, 2));
          i += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          out.writeBytes(new String(Character.toChars((int) hex(t, s, i, n))).getBytes(StandardCharsets.UTF_8));
          i += n;
        }
        default -> {
          if (e < '0' || e > '7' || i + 2 > s.length()) {
            throw new AsmException(t.pos(), "asm-number", "unknown escape \\" + e + " in " + t.text());
          }
          try {
            out.write(Integer.parseInt(s.substring(i - 1, i + 2), 8));
          } catch (NumberFormatException x) {
            throw new AsmException(t.pos(), "asm-number", "bad octal escape in " + t.text());
          }
          i += 2;
        }
      }
    }
    return out.toByteArray();
  }

  private static long hex(Token t, String s, int at, int n) throws AsmException {
    if (at + n > s.length()) {
      throw new AsmException(t.pos(), "asm-number", "short hexadecimal escape in " + t.text());
    }
    try {
      return Long.parseLong(s.substring(at, at + n), 16);
    } catch (NumberFormatException e) {
      throw new AsmException(t.pos(), "asm-number", "bad hexadecimal escape in " + t.text());
    }
  }
}
