package dev.rtproof.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * {@code tls-round-trip}: once FS is set, {@code -8(FS)} and {@code m.tls[0]} are the same cell, so every
 * access through {@code g(r)} reads and writes {@code m+m_tls}.
 */
@Retention(RetentionPolicy.CLASS)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface TlsRoundTrip {
  /** The m whose TLS the routine installs. */
  String m() default "runtime·m0";
}
