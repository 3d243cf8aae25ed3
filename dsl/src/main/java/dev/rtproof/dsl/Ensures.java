package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A postcondition on every exit (each {@code RET} or tail {@code JMP} to a symbol, before it executes),
 * in the property expression language; {@code entry(R)} is the value of R at entry. Reported as {@code ensures}.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
@Repeatable(Ensures.List.class)
public @interface Ensures {
  String value();

  /** Holds repeated {@code @Ensures}. */
  @Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.METHOD)
  @interface List {
    Ensures[] value();
  }
}
