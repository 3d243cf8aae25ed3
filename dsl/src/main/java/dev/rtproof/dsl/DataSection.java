package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * A static void method whose body declares globals and their initial bytes with
 * {@code GLOBL(sym("·Id"), NOPTR, 8)} and {@code DATA(sym("·Id", 0), 1, $(0x37))}, as Go assembly does.
 * rtproof turns it into an initial memory image that the emulator and the verifier load.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface DataSection {}
