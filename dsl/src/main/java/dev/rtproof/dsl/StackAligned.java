package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * {@code stack-alignment}: SP ≡ 0 (mod {@link #value}) just before each listed CALL executes (before it
 * pushes the return address). {@link #at} names call targets, or {@code "SYSCALL"}; empty means every CALL.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface StackAligned {
  long value() default 16;

  String[] at() default {};
}
