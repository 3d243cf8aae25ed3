package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A precondition on the entry state of the routine, in the property expression language.
 * SP points at the return address, so an ABI0 argument {@code a+0(FP)} is {@code load64(SP + 8)}.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
@Repeatable(Requires.List.class)
public @interface Requires {
  String value();

  /** Holds repeated {@code @Requires}. */
  @Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.METHOD)
  @interface List {
    Requires[] value();
  }
}
