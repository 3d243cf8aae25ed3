package dev.rtproof.dsl.ir;

/**
 * {@code ASSERT("…")} or {@code ASSUME("…")} in a routine body: an expression that must hold (or is
 * assumed to hold) when execution reaches source instruction {@code index}, before it executes.
 */
public record Assertion(int index, String expression, boolean assume, SourcePos pos) {}
