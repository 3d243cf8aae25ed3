package dev.rtproof.dsl.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InstrCheck} against the real assembler: each instruction is printed in Go syntax, assembled alone by
 * Go 1.19's {@code go tool asm}, and rtproof must accept exactly what Go accepts, except where rtproof is
 * deliberately stricter (an immediate that Go truncates or sign-extends into a different value).
 */
class InstrCheckAgainstGoAsmTest {
  private static final SourcePos AT = SourcePos.NONE;

  /** One instruction, and whether rtproof rejects it although Go assembles it. */
  private record Case(Instr instr, boolean stricter) {}

  private static final List<Case> CASES = new ArrayList<>();

  private static void go(Op op, Operand... ops) {
    CASES.add(new Case(Instr.of(op, AT, ops), false));
  }

  private static void stricter(Op op, Operand... ops) {
    CASES.add(new Case(Instr.of(op, AT, ops), true));
  }

  private static Imm imm(long v) {
    return new Imm(v);
  }

  private static Mem at(long disp, Reg base) {
    return Mem.reg(disp, base);
  }

  static {
    Reg ax = Reg.AX;
    Reg bx = Reg.BX;
    go(Op.MOVL, imm(0xffffffffL), ax);
    go(Op.MOVL, imm(-1), ax);
    go(Op.MOVL, imm(0x100000000L), ax);
    go(Op.MOVL, imm(-0x80000001L), ax);
    go(Op.MOVW, imm(0xffff), ax);
    stricter(Op.MOVW, imm(0x10000), ax);
    stricter(Op.MOVB, imm(256), ax);
    go(Op.MOVB, imm(255), Reg.AL);
    go(Op.MOVB, imm(-128), at(0, ax));
    stricter(Op.MOVB, imm(-200), at(0, ax));
    go(Op.MOVQ, imm(0x7fffffffL), at(0, Reg.SP));
    stricter(Op.MOVQ, imm(0x80000000L), at(0, Reg.SP));
    go(Op.MOVQ, imm(0x123456789L), ax);
    go(Op.MOVQ, imm(0), Mem.absolute(0xf1));
    go(Op.MOVL, imm(0xf1), Mem.absolute(0xf1));
    go(Op.MOVQ, Mem.absolute(0xf1), ax);
    go(Op.ADDQ, imm(-0x80000000L), ax);
    stricter(Op.ADDQ, imm(0x80000000L), ax);
    go(Op.ADDL, imm(0xffffffffL), ax);
    go(Op.ADDL, imm(0x100000000L), ax);
    go(Op.ANDQ, imm(-16), Reg.SP);
    go(Op.CMPQ, ax, imm(-4095));
    go(Op.CMPQ, ax, imm(0xfffffffffffff001L));
    go(Op.CMPQ, imm(1), ax);
    go(Op.CMPQ, at(0, ax), imm(1));
    go(Op.CMPQ, imm(1), at(0, ax));
    go(Op.CMPQ, imm(1), imm(2));
    go(Op.CMPQ, at(0, ax), at(8, ax));
    go(Op.CMPL, imm(0x100000000L), ax);
    go(Op.CMPW, imm(65536), ax);
    go(Op.CMPB, imm(256), Reg.AL);
    go(Op.TESTQ, imm(0x7fffffffL), ax);
    go(Op.TESTQ, ax, imm(1));
    go(Op.TESTL, ax, at(0, bx));
    go(Op.TESTL, at(0, bx), ax);
    go(Op.TESTB, imm(255), Reg.AL);
    go(Op.SHLQ, imm(64), ax);
    go(Op.SHLQ, imm(255), ax);
    go(Op.SHLQ, imm(256), ax);
    go(Op.SHLQ, imm(-1), ax);
    go(Op.SHLQ, Reg.CX, ax);
    go(Op.SHLQ, Reg.CL, ax);
    go(Op.SHLQ, Reg.DX, ax);
    go(Op.SARQ, Reg.CL, at(0, ax));
    go(Op.SHRL, imm(31), at(0, ax));
    go(Op.MOVQ, Reg.AL, bx);
    go(Op.MOVQ, ax, Reg.BL);
    go(Op.MOVL, Reg.AL, bx);
    go(Op.MOVQ, Reg.AH, bx);
    go(Op.MOVB, ax, bx);
    go(Op.MOVB, Reg.AL, bx);
    go(Op.MOVB, Reg.AH, Reg.BL);
    go(Op.MOVBLZX, ax, bx);
    go(Op.MOVBLZX, Reg.AL, bx);
    go(Op.MOVBLZX, bx, Reg.AL);
    go(Op.MOVLQZX, Reg.AL, bx);
    go(Op.MOVLQSX, at(0, ax), bx);
    go(Op.MOVLQSX, imm(1), bx);
    go(Op.MOVBQZX, imm(1), bx);
    go(Op.MOVQ, at(0, ax), at(0, bx));
    go(Op.MOVQ, Mem.indexed(0, ax, bx, 1), at(8, ax));
    go(Op.ORQ, at(0, ax), at(0, bx));
    go(Op.XCHGQ, at(0, ax), at(0, bx));
    go(Op.MOVQ, ax, imm(1));
    go(Op.NEGQ, imm(1));
    go(Op.INCL, Reg.AL);
    go(Op.DECL, at(0, ax));
    go(Op.NOTQ, at(0, ax));
    go(Op.LEAQ, ax, bx);
    go(Op.LEAQ, at(8, Reg.SP), at(0, Reg.SP));
    go(Op.LEAQ, Mem.symbol("runtime·g0", 0), ax);
    go(Op.LEAQ, Mem.tls(0, ax), bx);
    go(Op.LEAL, at(8, ax), bx);
    go(Op.XCHGQ, imm(1), ax);
    go(Op.XCHGQ, ax, at(0, bx));
    go(Op.CMPXCHGQ, at(0, ax), bx);
    go(Op.CMPXCHGQ, bx, at(0, ax));
    go(Op.NOP, Reg.SP);
    go(Op.NOP, imm(1));
    go(Op.MOVQ, Mem.indexed(0, ax, Reg.SP, 1), bx);
    go(Op.MOVQ, Mem.indexed(0, Reg.SP, ax, 8), bx);
    go(Op.MOVQ, Mem.indexed(0, ax, bx, 3), bx);
    go(Op.MOVQ, Mem.reg(0, Reg.AL), bx);
    go(Op.MOVQ, Mem.tls(8, ax), bx);
    go(Op.MOVQ, Reg.TLS, ax);
    go(Op.MOVQ, ax, Reg.TLS);
    go(Op.ADDQ, Reg.TLS, ax);
    go(Op.MOVQ, new SymAddr("runtime·g0", 0), ax);
    go(Op.MOVQ, new SymAddr("runtime·g0", 0), at(0, Reg.SP));
    go(Op.CMPQ, ax, new SymAddr("runtime·g0", 0));
    go(Op.ADDQ, new SymAddr("runtime·g0", 0), ax);
    go(Op.MOVQ, imm(1), Reg.AL);
    go(Op.MOVQ, Reg.SPB, ax);
    go(Op.JEQ, ax);
    go(Op.JEQ, Mem.symbol("runtime·abort", 0));
    go(Op.JMP, Mem.symbol("runtime·abort", 0));
    go(Op.JEQ, at(0, ax));
    go(Op.JMP, Mem.indexed(0, ax, bx, 8));
    go(Op.JMP, Reg.AL);
    go(Op.CALL, Reg.R12);
    go(Op.CALL, at(0, Reg.DX));
    go(Op.INT, imm(3));
    stricter(Op.INT, imm(256));
    go(Op.BYTE, imm(-1));
    stricter(Op.BYTE, imm(256));
    go(Op.LOCK);
    go(Op.UNDEF);
    go(Op.CPUID);
    go(Op.XGETBV);
  }

  @Test
  void rtproofAcceptsWhatGoAsmAccepts(@TempDir Path dir) throws IOException, InterruptedException {
    Path asm = Path.of(GoTool.toolDir(dir), "asm");
    Files.writeString(dir.resolve("go_asm.h"), "");
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      Instr in = c.instr();
      boolean goAccepts = assembles(asm, dir, in);
      String count = InstrCheck.count(in.op(), in.op().name(), in.args().size());
      boolean ours = count == null && InstrCheck.check(in.op(), in.args()) == null;
      boolean expected = goAccepts && !c.stricter();
      if (ours != expected || (c.stricter() && !goAccepts)) {
        disagreements.add(in + ": go asm " + (goAccepts ? "accepts" : "rejects") + ", rtproof "
            + (ours ? "accepts" : "rejects: " + InstrCheck.check(in.op(), in.args())));
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(CASES.size() > 100, "cases: " + CASES.size());
  }

  /** Assembles {@code in} alone (PUSHQ/POPQ balanced by a partner) and says whether Go accepted it. */
  private static boolean assembles(Path asm, Path dir, Instr in) throws IOException, InterruptedException {
    String body = "\t" + in + "\n";
    String text = "#include \"textflag.h\"\nTEXT ·f(SB),NOSPLIT,$0\n" + body + "\tRET\n";
    Path file = dir.resolve("t.s");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(asm.toString(), "-I", GoTool.goroot(dir) + "/pkg/include", "-p", "main",
        "-o", dir.resolve("t.o").toString(), file.toString()).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("go tool asm hung on " + in);
    }
    return p.exitValue() == 0 && out.isBlank();
  }
}
