package dev.rtproof.dsl.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cpp subset: includes, object- and function-like macros, conditionals, comments, separators, continuations. */
class PreprocessorTest {
  private static Routine only(String source) throws AsmException {
    return AsmParser.parse("t.s", source, AsmParser.Options.defaults()).routines().get(0).routine();
  }

  private static List<String> text(Routine r) {
    return r.instrs().stream().map(Instr::toString).toList();
  }

  @Test
  void textflagNamesAreTheHeaderValues() throws AsmException {
    Routine r = only("#include \"textflag.h\"\nTEXT ·f(SB), NOSPLIT|NOFRAME|TOPFRAME, $16-8\n\tRET\n");
    assertEquals(TextFlags.NOSPLIT | TextFlags.NOFRAME | TextFlags.TOPFRAME, r.flags());
    assertEquals(16, r.frame());
    assertEquals(8, r.args());
    assertEquals(TextFlags.ARGS_UNKNOWN, only("TEXT ·f(SB), $-8\n\tRET\n").args());
    assertEquals(-8, only("TEXT ·f(SB), $-8\n\tRET\n").frame());
  }

  @Test
  void goTlsMacrosBecomeOneMacroInstructionAndATlsOperand() throws AsmException {
    Routine r = only("""
        #include "go_tls.h"
        TEXT ·f(SB), $0
        \tget_tls(CX)
        \tMOVQ g(CX), AX
        \tMOVQ TLS, BX
        \tRET
        """);
    assertEquals(new Instr(Op.MOVQ, List.of(Reg.TLS, Reg.CX), r.instrs().get(0).pos(), Instr.Origin.MACRO), r.instrs().get(0));
    assertEquals(Mem.tls(0, Reg.CX), r.instrs().get(1).arg(0));
    assertEquals(Instr.Origin.SOURCE, r.instrs().get(2).origin(), "MOVQ TLS written out is not the macro");
    assertEquals(3, r.instrs().get(0).pos().line());
    assertEquals(2, r.instrs().get(0).pos().column());
  }

  @Test
  void goAsmHComesFromTheTargetProfile() throws AsmException {
    Routine r = only("#include \"go_asm.h\"\nTEXT ·f(SB), $0\n\tMOVQ (g_sched+gobuf_sp)(R14), SP\n\tMOVQ $const__StackGuard, AX\n\tRET\n");
    assertEquals(Mem.reg(56, Reg.R14), r.instrs().get(0).arg(0));
    assertEquals("MOVQ $928, AX", r.instrs().get(1).toString());
  }

  @Test
  void eachTargetHasItsOwnGoAsmH() throws AsmException {
    String source = "#include \"go_asm.h\"\nTEXT ·f(SB), $0\n\tLEAQ runtime·m0+m_tls(SB), DI\n\tRET\n";
    for (var t : List.of(dev.rtproof.dsl.Target.GO1_19, dev.rtproof.dsl.Target.GO1_25)) {
      Routine r = AsmParser.parse("t.s", source, new AsmParser.Options(t, List.of())).routines().get(0).routine();
      assertEquals(Mem.symbol("runtime·m0", t.profile().constant("m_tls")), r.instrs().get(0).arg(0), t.name());
      assertEquals(t.name(), r.target());
    }
    assertEquals(128, dev.rtproof.dsl.Target.GO1_25.profile().constant("m_tls"), "reference §4: m.tls moved in 1.25");
  }

  @Test
  void anIncludeDirectoryWinsOverTheBuiltInHeaders(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go_asm.h"), "#define g_m 1234\n");
    AsmFile f = AsmParser.parse("t.s", "#include \"go_asm.h\"\nTEXT ·f(SB), $0\n\tMOVQ g_m(AX), AX\n\tRET\n",
        AsmParser.Options.defaults().withIncludeDirs(List.of(dir)));
    assertEquals(Mem.reg(1234, Reg.AX), f.routines().get(0).routine().instrs().get(0).arg(0));
    Files.createDirectories(dir.resolve("cgo"));
    Files.writeString(dir.resolve("cgo/abi_amd64.h"), "#define PUSH_IT() PUSHQ AX\n");
    AsmFile g = AsmParser.parse("t.s", "#include \"cgo/abi_amd64.h\"\nTEXT ·f(SB), $0\n\tPUSH_IT()\n\tPOPQ AX\n\tRET\n",
        AsmParser.Options.defaults().withIncludeDirs(List.of(dir)));
    assertEquals("PUSHQ AX", g.routines().get(0).routine().instrs().get(0).toString());
  }

  @Test
  void conditionalsSeeLinuxAndAmd64Only() throws AsmException {
    Routine r = only("""
        TEXT ·f(SB), $0
        #ifdef GOOS_linux
        \tNOP
        #else
        \tUNDEF
        #endif
        #ifndef GOARCH_amd64
        \tUNDEF
        #endif
        #ifdef GOOS_windows
        #ifdef GOOS_linux
        \tUNDEF
        #else
        \tUNDEF
        #endif
        #else
        \tCLD
        #endif
        \tRET
        """);
    assertEquals(List.of("NOP", "CLD", "RET"), text(r));
  }

  @Test
  void functionLikeMacrosWithContinuationsSeparateTheirStatements() throws AsmException {
    Routine r = only("""
        #define DISPATCH(NAME,MAXSIZE)\t\t\\
        \tCMPQ\tCX, $MAXSIZE;\t\t\\
        \tJA\t3(PC);\t\t\t\\
        \tMOVQ\t$NAME(SB), AX;\t\\
        \tJMP\tAX
        TEXT ·f(SB), $0
        \tDISPATCH(runtime·call16, 16)
        \tRET
        """);
    assertEquals(List.of("CMPQ CX, $16", "JHI 3(PC)", "MOVQ $runtime·call16(SB), AX", "JMP AX", "RET"), text(r));
    assertTrue(r.instrs().stream().limit(4).allMatch(i -> i.pos().line() == 7), "expanded code is at the macro's use");
  }

  @Test
  void aMacroWithoutParenthesesIsObjectLikeAndMacrosNest() throws AsmException {
    Routine r = only("""
        #define SIZE (4*8)
        #define F (x) x
        #define DOUBLE(v) ((v)*2)
        TEXT ·f(SB), $0
        \tSUBQ $DOUBLE(SIZE), SP
        \tADDQ $DOUBLE(SIZE), SP
        \tRET
        """);
    assertEquals("SUBQ $64, SP", r.instrs().get(0).toString());
  }

  @Test
  void macroTextIsRescannedNotEvaluatedAsAUnit() throws AsmException {
    // cpp semantics: $X*3 is 1+2*3.
    Routine r = only("#define X 1+2\nTEXT ·f(SB), $0\n\tMOVQ $X*3, AX\n\tRET\n");
    assertEquals("MOVQ $7, AX", r.instrs().get(0).toString());
  }

  @Test
  void commentsSemicolonsAndContinuationsOutsideMacros() throws AsmException {
    Routine r = only("""
        TEXT ·f(SB), $0 // a routine
        \tMOVQ AX, BX; MOVQ BX, CX /* two */ ; NOP
        \tMOVQ /* inside */ DX, \\
        \t\tSI
        \tRET
        """);
    assertEquals(List.of("MOVQ AX, BX", "MOVQ BX, CX", "NOP", "MOVQ DX, SI", "RET"), text(r));
    assertEquals(3, r.instrs().get(3).pos().line());
  }

  @Test
  void undefForgetsAMacro() {
    AsmException e = assertThrows(AsmException.class, () -> only(
        "#define N 8\n#undef N\nTEXT ·f(SB), $0\n\tMOVQ $N, AX\n\tRET\n"));
    assertEquals(4, e.pos().line());
    assertTrue(e.detail().contains("'N' is neither a constant"), e.getMessage());
  }

  @Test
  void aHeaderErrorNamesTheHeader(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("textflag.h"), "#define NOSPLIT 4\n#endif\n");
    AsmException e = assertThrows(AsmException.class, () -> AsmParser.parse("t.s", "#include \"textflag.h\"\n",
        AsmParser.Options.defaults().withIncludeDirs(List.of(dir))));
    assertEquals(dir.resolve("textflag.h").toString(), e.pos().file());
    assertEquals(2, e.pos().line());
  }
}
