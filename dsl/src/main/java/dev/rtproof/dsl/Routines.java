package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Marks a class whose {@link Routine} methods rtproof compiles, and the Go version they are written for. */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.TYPE)
public @interface Routines {
  Target target() default Target.GO1_19;
}
