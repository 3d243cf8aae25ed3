package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * The Go declaration of a routine, e.g. {@code @Go("func Swap(a, b int) (int, int)")}. rtproof computes
 * the ABI0 argument frame from it (gc sizes and alignments on amd64) and checks every
 * {@code arg(name, off)} and the {@code args} size against it, as {@code go vet}'s asmdecl does
 * (property {@code frame-layout}). Results without names are {@code ret}, {@code ret1}, …; parts of
 * strings, slices, interfaces and complex numbers are {@code s_base}, {@code s_len}, {@code s_cap},
 * {@code i_type}/{@code i_itab}, {@code i_data}, {@code c_real}, {@code c_imag}.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface Go {
  String value();
}
