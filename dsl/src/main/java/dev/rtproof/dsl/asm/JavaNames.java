package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.Amd64;
import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.target.TargetProfile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The constants imported Java can name, each with its value and type: the target's layout constants
 * ({@code g_m}), {@link Linux} ({@code SYS_arch_prctl}) and the TEXT flags of {@link Amd64}. A Go name is
 * spelled as itself only when such a constant has the same value; the classes it used are remembered for
 * the imports.
 */
final class JavaNames {
  /** A constant Java code can name: its value, whether it is a {@code long}, and the class that holds it. */
  record Constant(long value, boolean isLong, Class<?> owner) {}

  private final Map<String, Constant> constants = new LinkedHashMap<>();
  private final Set<Class<?>> used = new LinkedHashSet<>();

  JavaNames(TargetProfile profile) {
    read(Amd64.class);
    read(Linux.class);
    read(profile.constantsClass());
  }

  private void read(Class<?> owner) {
    for (Field f : owner.getFields()) {
      int mod = f.getModifiers();
      if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || (f.getType() != int.class && f.getType() != long.class)) {
        continue;
      }
      try {
        constants.putIfAbsent(f.getName(), new Constant(((Number) f.get(null)).longValue(), f.getType() == long.class, owner));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(f.toString(), e);
      }
    }
  }

  /** The constant {@code name} when it exists with {@code value}, else null. */
  Constant lookup(String name, long value) {
    Constant c = constants.get(name);
    return c != null && c.value() == value ? c : null;
  }

  /** Records that the source names a constant of {@code owner}. */
  void use(Class<?> owner) {
    used.add(owner);
  }

  /** The classes whose constants the source names, in first-use order. */
  Set<Class<?>> used() {
    return used;
  }
}
