package dev.rtproof.dsl.ir;

/** A requirement or assumption: an expression of the property language and where it was written. */
public record Condition(String expression, SourcePos pos) {}
