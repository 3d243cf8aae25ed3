package dev.rtproof.dsl.ir;

/**
 * An instruction operand or branch target, after constant folding.
 *
 * <p>{@code toString()} of every operand is its Go assembly spelling.
 */
public sealed interface Operand permits Reg, Imm, SymAddr, Mem, LabelRef, PcRel {}
