package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * {@code unreachable}: calls and jumps to the named symbols never happen; with {@link #faults},
 * {@code no-fault}: no access outside mapped memory.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface Unreachable {
  String[] value() default {};

  boolean faults() default false;
}
