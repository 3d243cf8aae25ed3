package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A static void method whose body (instructions, labels, other macro calls) is inlined wherever a routine
 * calls it, with its parameters replaced by the arguments, the way {@code go_tls.h}'s {@code #define}s
 * are. Parameters may be registers ({@code Reg}), operands ({@code Operand}, {@code Mem}, {@code Imm}),
 * integers ({@code int}, {@code long}) or strings (labels, symbols). Each expanded instruction counts in
 * {@code n(PC)}, as a C preprocessor expansion does.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface Macro {}
