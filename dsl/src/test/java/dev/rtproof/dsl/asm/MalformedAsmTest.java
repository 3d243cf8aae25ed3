package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed Go assembly: each snippet is an error at its exact file:line:col, with a message that says what is wrong. */
class MalformedAsmTest {
  private static final String TEXT = "#include \"textflag.h\"\nTEXT ·f(SB), NOSPLIT, $0\n";

  /** A snippet, where the error is, its ID, and words the message must contain. */
  record Case(String name, String source, int line, int column, String id, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code body} as the instructions of ·f, from line 3. */
  private static Case body(String name, String body, int line, int column, String id, String message) {
    return new Case(name, TEXT + body + "\n", line, column, id, message);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // TEXT headers
        new Case("text without (SB)", "TEXT ·f, $0\n\tRET\n", 1, 6, "asm-operand", "'·f' needs an addressing mode: ·f(SB)"),
        new Case("text without frame", TEXT.replace(", $0", "") + "\tRET\n", 2, 14, "asm-text", "the frame size is an immediate"),
        new Case("text frame not a number", "TEXT ·f(SB), $x\n\tRET\n", 1, 15, "asm-text", "the frame size must be an integer literal"),
        new Case("text negative args", "TEXT ·f(SB), $0--8\n\tRET\n", 1, 16, "asm-text", "the argument size must be -integer"),
        new Case("text abiinternal without nosplit", "TEXT ·f<ABIInternal>(SB), $0\n\tRET\n", 1, 1, "asm-text",
            "ABIInternal routines must be NOSPLIT"),
        new Case("text one operand", "TEXT ·f(SB)\n\tRET\n", 1, 1, "asm-text", "TEXT takes sym(SB), optional flags and $frame-args"),
        // statements outside routines
        new Case("instruction outside text", "\n\tMOVQ AX, BX\n", 2, 2, "asm-syntax", "instruction MOVQ outside a TEXT routine"),
        new Case("label outside text", "start:\nTEXT ·f(SB), $0\n\tRET\n", 1, 1, "asm-syntax", "label start outside a TEXT routine"),
        // the preprocessor
        new Case("unsupported directive", "#pragma once\n", 1, 2, "asm-directive", "unsupported directive #pragma"),
        new Case("#if is not Go's", "#if 1\n#endif\n", 1, 2, "asm-directive", "unsupported directive #if"),
        new Case("include of another header", "#include \"stdio.h\"\n", 1, 10, "asm-include", "cannot include \"stdio.h\": only textflag.h"),
        new Case("include without quotes", "#include textflag.h\n", 1, 2, "asm-include", "#include needs a quoted file name"),
        new Case("endif without ifdef", "\n#endif\n", 2, 2, "asm-directive", "#endif without #ifdef or #ifndef"),
        new Case("else without ifdef", "#else\n", 1, 2, "asm-directive", "#else without #ifdef or #ifndef"),
        new Case("second else", "#ifdef A\n#else\n#else\n#endif\n", 3, 2, "asm-directive", "second #else"),
        new Case("ifdef without endif", "#ifdef GOOS_linux\nTEXT ·f(SB), $0\n\tRET\n", 1, 8, "asm-directive", "GOOS_linux has no #endif"),
        new Case("ifdef without a name", "#ifdef\n#endif\n", 1, 2, "asm-directive", "#ifdef needs a macro name"),
        new Case("define without a name", "#define\n", 1, 2, "asm-directive", "#define needs a macro name"),
        new Case("define twice", "#define A 1\n#define A 2\n", 2, 9, "asm-macro", "macro A is already defined at bad.s:1"),
        new Case("bad parameter list", "#define F(a,) a\n", 1, 13, "asm-macro", "bad parameter list in the definition of macro F"),
        new Case("duplicate parameter", "#define F(a, a) a\n", 1, 14, "asm-macro", "parameter a appears twice in macro F"),
        new Case("undef of nothing", "#undef NOPE\n", 1, 8, "asm-directive", "#undef of NOPE, which is not defined"),
        new Case("directive with extra tokens", "#ifdef A B\n#endif\n", 1, 10, "asm-directive", "unexpected 'B' after #ifdef"),
        body("macro with the wrong arity", "#define TWO(a, b) MOVQ a, b\n\tTWO(AX)\n\tRET", 4, 2, "asm-macro", "macro TWO takes 2 arguments, found 1"),
        body("macro arguments not closed", "#define ONE(a) NEGQ a\n\tONE(AX\n\tRET", 4, 2, "asm-macro", "unterminated argument list of macro ONE"),
        body("recursive macro", "#define AGAIN AGAIN\n\tAGAIN\n\tRET", 4, 2, "asm-macro", "macro AGAIN uses itself"),
        body("hash inside a line", "\tMOVQ AX, BX # copy\n\tRET", 3, 14, "asm-directive", "'#' must be the first thing on its line"),
        // the lexer
        body("unterminated comment", "\tRET /* never closed", 3, 6, "asm-lex", "unterminated /* comment"),
        body("unterminated string", "\tRET\nGLOBL x<>(SB), $8\nDATA x<>+0(SB)/8, $\"abc", 5, 20, "asm-lex", "unterminated string constant"),
        body("stray character", "\tMOVQ AX, ?BX\n\tRET", 3, 11, "asm-lex", "unexpected character '?'"),
        body("backslash inside a line", "\tMOVQ AX, \\ BX\n\tRET", 3, 11, "asm-lex", "a backslash must end its line"),
        body("number too large", "\tMOVQ $0x1ffffffffffffffff, AX\n\tRET", 3, 8, "asm-number", "does not fit in 64 bits"),
        body("malformed number", "\tMOVQ $12ab, AX\n\tRET", 3, 8, "asm-number", "malformed number 12ab"),
        body("two characters in a character constant", "\tMOVQ $'ab', AX\n\tRET", 3, 8, "asm-number", "exactly one character"),
        // constant expressions
        body("unknown constant", "\tMOVQ $(g_nothing+8), AX\n\tRET", 3, 9, "asm-constant", "'g_nothing' is not a constant"),
        body("unknown name as an immediate", "\tMOVQ $foo, AX\n\tRET", 3, 8, "asm-constant", "'foo' is neither a constant"),
        body("unknown name as an offset", "\tMOVQ m_nothing(AX), BX\n\tRET", 3, 7, "asm-constant", "'m_nothing' is not a constant"),
        body("division by zero", "\tMOVQ $(1/0), AX\n\tRET", 3, 10, "asm-constant", "division by zero"),
        body("right shift of a negative value", "\tMOVQ $(-1>>1), AX\n\tRET", 3, 11, "asm-constant", "right shift of a value with the high bit set"),
        body("unbalanced parenthesis", "\tMOVQ $(1+2, AX\n\tRET", 3, 12, "asm-syntax", "expected ')', found ','"),
        // operands
        body("scale 3", "\tMOVQ (AX)(BX*3), CX\n\tRET", 3, 15, "bad-scale", "scale must be 1, 2, 4 or 8, not 3"),
        body("TLS with scale 2", "\tMOVQ 0(AX)(TLS*2), BX\n\tRET", 3, 17, "bad-scale", "the TLS index takes scale 1"),
        body("not a register", "\tMOVQ (FOO), AX\n\tRET", 3, 8, "asm-operand", "'FOO' is not a register"),
        body("FP without a name", "\tMOVQ 8(FP), AX\n\tRET", 3, 8, "asm-operand", "cannot reference FP without a symbol name"),
        body("dollar on a register", "\tMOVQ $AX, BX\n\tRET", 3, 8, "asm-operand", "'$' cannot prefix the register AX"),
        body("indexed symbol", "\tMOVQ x(SB)(AX*8), BX\n\tRET", 3, 12, "asm-syntax", "a symbol operand cannot be indexed on amd64"),
        body("missing operand", "\tMOVQ AX,, BX\n\tRET", 3, 10, "asm-syntax", "missing operand before ','"),
        body("trailing comma", "\tMOVQ AX, BX,\n\tRET", 3, 14, "asm-syntax", "missing operand after ','"),
        body("8-bit register as a base", "\tMOVQ (AL), BX\n\tRET", 3, 8, "asm-operand", "AL cannot be a base or an index"),
        // instructions
        body("unknown instruction", "\tMOVX AX, BX\n\tRET", 3, 2, "unknown-instruction", "unknown instruction MOVX"),
        body("operand count", "\tMOVQ AX\n\tRET", 3, 2, "operand-count", "MOVQ takes 2 operands, not 1"),
        body("immediate destination", "\tMOVQ AX, $1\n\tRET", 3, 11, "immediate-destination", "MOVQ cannot write to $1"),
        body("memory to memory", "\tMOVQ (AX), (BX)\n\tRET", 3, 13, "memory-to-memory", "MOVQ cannot take two memory operands"),
        body("8-bit register in MOVQ", "\tMOVQ AL, BX\n\tRET", 3, 7, "width-mismatch", "MOVQ uses 64-bit operands; AL is an 8-bit register"),
        body("immediate out of range", "\tADDQ $0x80000000, AX\n\tRET", 3, 7, "immediate-range", "ADDQ takes a sign-extended 32-bit immediate; $0x80000000 does not fit"),
        body("immediate out of range for MOVL", "\tMOVL $0x100000000, AX\n\tRET", 3, 7, "immediate-range", "MOVL's immediate must be in -2147483648…4294967295, not 4294967296"),
        body("compare with the immediate first", "\tCMPQ $1, AX\n\tRET", 3, 7, "bad-operand", "CMPQ takes an immediate second only"),
        body("LEAQ of a constant", "\tLEAQ $8, AX\n\tRET", 3, 7, "bad-operand", "LEAQ takes the address of memory"),
        body("conditional jump to a symbol", "\tJEQ runtime·abort(SB)\n\tRET", 3, 6, "bad-branch-target", "JEQ jumps to a label or pc(n), not runtime·abort(SB)"),
        body("PCALIGN 3", "\tPCALIGN $3\n\tRET", 3, 10, "immediate-range", "PCALIGN takes a power of two"),
        body("n(PC) as data", "\tMOVQ 2(PC), AX\n\tRET", 3, 8, "asm-operand", "n(PC) is a jump target"),
        body("jump to a number", "\tJMP 16\n\tRET", 3, 6, "asm-operand", "a jump target is a label, n(PC)"),
        // labels and n(PC)
        body("duplicate label", "x:\n\tNOP\nx:\n\tRET", 5, 1, "duplicate-label", "label 'x' is defined twice in ·f"),
        body("unknown label", "\tJMP nowhere\n\tRET", 3, 2, "unknown-label", "no label 'nowhere' in ·f"),
        body("n(PC) out of range", "\tJMP 5(PC)\n\tRET", 3, 2, "pc-out-of-range", "5(PC) from instruction 1 of 2 lands after the last instruction"),
        body("label at the end", "\tRET\nend:", 4, 1, "label-at-end", "label end labels no instruction"),
        // GLOBL and DATA
        body("GLOBL without a size", "\tRET\nGLOBL x<>(SB), NOPTR", 4, 16, "asm-data", "the size of GLOBL x<> must be an immediate"),
        body("GLOBL twice", "\tRET\nGLOBL x<>(SB), $8\nGLOBL x<>(SB), $8", 5, 1, "duplicate-globl", "GLOBL x<> is already declared on line 4"),
        body("DATA width 3", "\tRET\nGLOBL x<>(SB), $8\nDATA x<>+0(SB)/3, $1", 5, 6, "data-width", "DATA x<>(SB)/3: the width must be 1, 2, 4 or 8"),
        body("DATA without a width", "\tRET\nGLOBL x<>(SB), $8\nDATA x<>+0(SB), $1", 5, 6, "asm-data", "DATA needs a width"),
        body("DATA overlapping", "\tRET\nGLOBL x<>(SB), $8\nDATA x<>+0(SB)/8, $1\nDATA x<>+4(SB)/4, $1", 6, 6,
            "data-overlap", "DATA x<>+4(SB)/4 overlaps DATA x<>(SB)/8 (line 5)"),
        body("DATA outside its GLOBL", "\tRET\nGLOBL x<>(SB), $4\nDATA x<>+0(SB)/8, $1", 5, 6, "data-outside",
            "DATA x<>(SB)/8 lies outside x<>'s 4 bytes"),
        body("DATA without GLOBL", "\tRET\nDATA y<>+0(SB)/8, $1", 4, 6, "data-without-globl", "DATA for y<>, which no GLOBL declares"),
        body("DATA address of the wrong width", "\tRET\nGLOBL x<>(SB), $8\nDATA x<>+0(SB)/4, $runtime·g0(SB)", 5, 6,
            "data-width", "DATA x<>(SB)/4: an address is 8 bytes wide"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAnErrorAtItsPosition(Case c) {
    AsmException e = assertThrows(AsmException.class, () -> AsmParser.parse("bad.s", c.source(), AsmParser.Options.defaults()),
        c.source());
    assertEquals("bad.s", e.pos().file());
    assertEquals(List.of(c.line(), c.column()), List.of(e.pos().line(), e.pos().column()), e.getMessage());
    assertEquals(c.id(), e.id(), e.getMessage());
    assertTrue(e.detail().contains(c.message()), e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.s:" + c.line() + ":" + c.column() + ": [rtproof/" + c.id() + "] "),
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void thereAreAtLeastFortySnippets() {
    assertTrue(cases().count() >= 40, "cases: " + cases().count());
  }
}
