package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * {@code stack-balance}: at every RET (and tail JMP to a symbol) SP equals SP at entry and the return
 * address at {@code 0(SP)} is unchanged.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface StackBalanced {}
