package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A TEXT routine: {@code TEXT symbol(SB), flags, $frame-args}. The method body lists its instructions
 * and labels; nothing else may appear in it.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface Routine {
  /** The Go symbol, e.g. {@code runtime·settls} or {@code ·Swap}. */
  String symbol();

  /** TEXT flags, e.g. {@code NOSPLIT|NOFRAME}. */
  int flags() default 0;

  /** Frame size; may be negative ({@code $-8}). */
  int frame() default 0;

  /** Argument size; the default means "not given" ({@code ArgsSizeUnknown}). */
  int args() default Integer.MIN_VALUE;

  /**
   * How many times the verifier follows a loop (a backward branch) on one path before it answers
   * UNKNOWN for that path; at least 1.
   */
  int unroll() default dev.rtproof.dsl.ir.Routine.DEFAULT_UNROLL;
}
