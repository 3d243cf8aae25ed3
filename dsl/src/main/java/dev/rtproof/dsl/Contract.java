package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * What a called symbol promises its callers, used instead of the default call contract: the registers
 * it may change, the memory it may write, and what holds when it returns. Written on the
 * {@link Routines} class; one per symbol.
 *
 * <pre>{@code
 * @Contract(symbol = "runtime·abort", clobbers = {}, ensures = "false")
 * @Contract(symbol = "runtime·args", clobbers = {"AX", "CX"}, writes = "SP - 64 .. SP")
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.TYPE)
@Repeatable(Contract.List.class)
public @interface Contract {
  /** The symbol called, e.g. {@code runtime·args} ({@code runtime.args} is accepted). */
  String symbol();

  /** Register names ({@code "AX"} … {@code "R15"}) the callee may change; SP is restored by a return. */
  String[] clobbers() default {};

  /**
   * Memory the callee may write, each a byte range {@code "lo .. hi"} ({@code hi} excluded) of property
   * expressions over the state at the call, e.g. {@code "SP - 64 .. SP"}.
   */
  String[] writes() default {};

  /** Conditions that hold when the callee returns, in the property expression language. */
  String[] ensures() default {};

  /** Holds repeated {@code @Contract}. */
  @Retention(RetentionPolicy.CLASS)
  @java.lang.annotation.Target(ElementType.TYPE)
  @interface List {
    Contract[] value();
  }
}
