package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * {@code stackguard}: entering the body implies {@code SP − frame > stackguard0 − StackSmall} with no
 * unsigned wrap, and a poisoned guard (≥ {@code 0x…f000}, including {@code StackPreempt}) always reaches
 * morestack.
 *
 * <p>Without attributes it claims this of the prologue the assembler inserts (a routine without
 * NOSPLIT). The explicit form is for a routine that spells its own check out: {@link #frame} is the frame
 * size the check guards and {@link #body} the label where the body starts.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface StackGuard {
  /** The frame size the check must guard; {@code -1}: the framesize of the inserted prologue. */
  int frame() default -1;

  /** The label where the body starts; {@code ""}: the first instruction after the inserted prologue. */
  String body() default "";
}
