package dev.rtproof.dsl.ir;

/** A label: the name and the index of the instruction it precedes. */
public record LabelDef(String name, int index, SourcePos pos) {}
