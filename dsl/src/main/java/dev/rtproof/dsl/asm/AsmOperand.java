package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Operand;

/**
 * One operand as read from the text.
 *
 * @param ir the IR operand, or null when the IR cannot hold it ({@code unmodelled} says why)
 * @param number the expression written for its number (immediate, displacement or symbol offset), or null
 * @param text its canonical spelling, tokens joined: how an unsupported instruction prints it
 * @param unmodelled why the IR cannot hold it ("register X0"), or null
 */
record AsmOperand(Operand ir, AsmExpr number, String text, String unmodelled) {}
