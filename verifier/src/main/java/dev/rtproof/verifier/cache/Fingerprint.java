package dev.rtproof.verifier.cache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SHA-256 over values in a canonical form: records component by component (with their class names),
 * lists in their order, maps and sets in any order, enums by name, strings and numbers tagged and length-prefixed so no two
 * different values feed the digest the same bytes. Anything else is refused rather than hashed by
 * identity or {@code toString()}, which could make two different routines share a key.
 */
final class Fingerprint {
  private final MessageDigest digest;

  Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Adds {@code value}; throws {@link IllegalArgumentException} for a value with no canonical form. */
  Fingerprint add(Object value) {
    if (value == null) {
      tag('n');
    } else if (value instanceof String s) {
      tag('s');
      bytes(s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      tag('i');
      number(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      tag(b ? 'T' : 'F');
    } else if (value instanceof Character c) {
      tag('c');
      number(c);
    } else if (value instanceof Enum<?> e) {
      tag('e');
      add(e.getDeclaringClass().getName());
      add(e.name());
    } else if (value instanceof Record r) {
      record(r);
    } else if (value instanceof List<?> list) {
      tag('l');
      number(list.size());
      list.forEach(this::add);
    } else if (value instanceof Map<?, ?> map) {
      // Map.equals ignores order, and Map.of's order changes from JVM to JVM: hash the sorted entries.
      tag('m');
      unordered(map.entrySet().stream().map(e -> new Fingerprint().add(e.getKey()).add(e.getValue()).hex()).toList());
    } else if (value instanceof Set<?> set) {
      tag('u');
      unordered(set.stream().map(e -> new Fingerprint().add(e).hex()).toList());
    } else if (value instanceof long[] a) {
      tag('a');
      number(a.length);
      for (long x : a) {
        number(x);
      }
    } else if (value instanceof byte[] a) {
      tag('b');
      bytes(a);
    } else {
      throw new IllegalArgumentException("no canonical form for a " + value.getClass().getName());
    }
    return this;
  }

  /** The digest so far, as 64 hexadecimal digits (the fingerprint cannot be extended afterwards). */
  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void record(Record r) {
    tag('r');
    add(r.getClass().getName());
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        add(c.getAccessor().invoke(r));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
      }
    }
  }

  private void unordered(List<String> parts) {
    number(parts.size());
    parts.stream().sorted().forEach(h -> bytes(h.getBytes(StandardCharsets.US_ASCII)));
  }

  private void tag(char c) {
    digest.update((byte) c);
  }

  private void number(long v) {
    for (int i = 0; i < 8; i++) {
      digest.update((byte) (v >>> (8 * i)));
    }
  }

  private void bytes(byte[] b) {
    number(b.length);
    digest.update(b);
  }
}
