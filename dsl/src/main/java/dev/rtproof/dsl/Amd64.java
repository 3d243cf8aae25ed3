package dev.rtproof.dsl;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;

/**
 * The static surface routines are written in: registers, TEXT flags, operands and instructions with Go's
 * names and Go's operand order (sources first, destination last). Import with
 * {@code import static dev.rtproof.dsl.Amd64.*;}.
 *
 * <p>Operand functions ({@link #$(long)}, {@link #mem(long, Reg)}, {@link #sym(String)}, …) are pure and
 * return IR operands. Instruction methods are never executed: the rtproof annotation processor reads the
 * routine body and compiles it; calling one at run time throws {@link IllegalStateException}. Run the
 * generated program instead.
 */
@SuppressWarnings({"checkstyle:MethodName", "unused"})
public final class Amd64 {
  private Amd64() {}

  // ---- registers -------------------------------------------------------------------------------
  public static final Reg AX = Reg.AX;
  public static final Reg CX = Reg.CX;
  public static final Reg DX = Reg.DX;
  public static final Reg BX = Reg.BX;
  public static final Reg SP = Reg.SP;
  public static final Reg BP = Reg.BP;
  public static final Reg SI = Reg.SI;
  public static final Reg DI = Reg.DI;
  public static final Reg R8 = Reg.R8;
  public static final Reg R9 = Reg.R9;
  public static final Reg R10 = Reg.R10;
  public static final Reg R11 = Reg.R11;
  public static final Reg R12 = Reg.R12;
  public static final Reg R13 = Reg.R13;
  public static final Reg R14 = Reg.R14;
  public static final Reg R15 = Reg.R15;
  public static final Reg AL = Reg.AL;
  public static final Reg CL = Reg.CL;
  public static final Reg DL = Reg.DL;
  public static final Reg BL = Reg.BL;
  public static final Reg SPB = Reg.SPB;
  public static final Reg BPB = Reg.BPB;
  public static final Reg SIB = Reg.SIB;
  public static final Reg DIB = Reg.DIB;
  public static final Reg R8B = Reg.R8B;
  public static final Reg R9B = Reg.R9B;
  public static final Reg R10B = Reg.R10B;
  public static final Reg R11B = Reg.R11B;
  public static final Reg R12B = Reg.R12B;
  public static final Reg R13B = Reg.R13B;
  public static final Reg R14B = Reg.R14B;
  public static final Reg R15B = Reg.R15B;
  public static final Reg AH = Reg.AH;
  public static final Reg CH = Reg.CH;
  public static final Reg DH = Reg.DH;
  public static final Reg BH = Reg.BH;
  public static final Reg TLS = Reg.TLS;

  // ---- TEXT and GLOBL flags (textflag.h) ------------------------------------------------------
  public static final int NOPROF = TextFlags.NOPROF;
  public static final int DUPOK = TextFlags.DUPOK;
  public static final int NOSPLIT = TextFlags.NOSPLIT;
  public static final int RODATA = TextFlags.RODATA;
  public static final int NOPTR = TextFlags.NOPTR;
  public static final int WRAPPER = TextFlags.WRAPPER;
  public static final int NEEDCTXT = TextFlags.NEEDCTXT;
  public static final int TLSBSS = TextFlags.TLSBSS;
  public static final int NOFRAME = TextFlags.NOFRAME;
  public static final int REFLECTMETHOD = TextFlags.REFLECTMETHOD;
  public static final int TOPFRAME = TextFlags.TOPFRAME;
  public static final int ABIWRAPPER = TextFlags.ABIWRAPPER;

  // ---- operands --------------------------------------------------------------------------------

  /** {@code $value}: a constant immediate. */
  public static Imm $(long value) {
    return new Imm(value);
  }

  /** {@code $sym(SB)} / {@code $sym+off(SB)}: the address of a symbol, from {@code sym(…)}. */
  public static SymAddr $(Mem symbol) {
    return $(symbol, 0);
  }

  /** {@code $sym+off(SB)}: the address of {@code symbol} plus {@code offset}. */
  public static SymAddr $(Mem symbol, long offset) {
    if (symbol.kind() != Mem.Kind.SYMBOL || symbol.index() != null) {
      throw new IllegalArgumentException("$(…) takes sym(…), not " + symbol);
    }
    return new SymAddr(symbol.name(), symbol.disp() + offset);
  }

  /** {@code sym(SB)}: a global as memory, or as a direct CALL/JMP target. */
  public static Mem sym(String name) {
    return Mem.symbol(name, 0);
  }

  /** {@code sym+off(SB)}, e.g. {@code sym("runtime·m0", m_tls)} for {@code runtime·m0+m_tls(SB)}. */
  public static Mem sym(String name, long offset) {
    return Mem.symbol(name, offset);
  }

  /** {@code (base)}. */
  public static Mem mem(Reg base) {
    return Mem.reg(0, base);
  }

  /** {@code disp(base)}. */
  public static Mem mem(long disp, Reg base) {
    return Mem.reg(disp, base);
  }

  /** {@code disp(base)(index*scale)}; with {@code index = TLS} and scale 1, {@code disp(base)(TLS*1)}. */
  public static Mem mem(long disp, Reg base, Reg index, int scale) {
    if (index == Reg.TLS) {
      if (scale != 1) {
        throw new IllegalArgumentException("TLS index takes scale 1");
      }
      return Mem.tls(disp, base);
    }
    return Mem.indexed(disp, base, index, scale);
  }

  /** An absolute address, as in {@code MOVL $0xf1, 0xf1}. */
  public static Mem abs(long address) {
    return Mem.absolute(address);
  }

  /** {@code g(r)}: the go_tls.h macro for {@code 0(r)(TLS*1)}, the current g's slot. */
  public static Mem g(Reg r) {
    return Mem.tls(0, r);
  }

  /** {@code name+off(FP)}: an argument or result of the routine. */
  public static Mem arg(String name, long offset) {
    return Mem.fp(name, offset);
  }

  /**
   * {@code name-off(SP)} with a name: the local {@code name} at {@code offset} (negative) from the
   * pseudo-SP, the top of the routine's frame. {@code mem(off, SP)} is the hardware SP instead.
   */
  public static Mem local(String name, long offset) {
    return Mem.local(name, offset);
  }

  /** {@code n(PC)}: the instruction n positions after the branch (labels do not count). */
  public static PcRel pc(int n) {
    return new PcRel(n);
  }

  // ---- statements that are not instructions -------------------------------------------------------

  /** {@code name:} — labels the next instruction. */
  public static void label(String name) {
    throw notExecutable("label");
  }

  /** {@code get_tls(r)}: the go_tls.h macro {@code MOVQ TLS, r} (a zero-byte NOP on linux). */
  public static void get_tls(Reg r) {
    throw notExecutable("get_tls");
  }

  /** Claims {@code expression} holds here (property {@code assert}). */
  public static void ASSERT(String expression) {
    throw notExecutable("ASSERT");
  }

  /** Assumes {@code expression} holds here, for the verifier. */
  public static void ASSUME(String expression) {
    throw notExecutable("ASSUME");
  }

  // ---- data (in @DataSection methods) ------------------------------------------------------------

  /** {@code GLOBL sym(SB), flags, $size}: declares a global of {@code size} bytes. */
  public static void GLOBL(Mem symbol, int flags, long size) {
    throw notExecutable("GLOBL");
  }

  /** {@code GLOBL sym(SB), $size}: declares a global without flags. */
  public static void GLOBL(Mem symbol, long size) {
    throw notExecutable("GLOBL");
  }

  /**
   * {@code DATA sym+off(SB)/width, value}: the initial value of {@code width} bytes (1, 2, 4 or 8) at
   * {@code sym("name", off)}; the value is {@code $(n)} or {@code $(sym(…))}.
   */
  public static void DATA(Mem at, int width, Operand value) {
    throw notExecutable("DATA");
  }

  /** {@code DATA sym+off(SB)/width, $"text"}: up to {@code width} bytes of text, zero-padded. */
  public static void DATA(Mem at, int width, String text) {
    throw notExecutable("DATA");
  }

  // ---- instructions --------------------------------------------------------------------------

  public static void MOVQ(Operand src, Operand dst) {
    throw notExecutable("MOVQ");
  }

  public static void MOVL(Operand src, Operand dst) {
    throw notExecutable("MOVL");
  }

  public static void MOVW(Operand src, Operand dst) {
    throw notExecutable("MOVW");
  }

  public static void MOVB(Operand src, Operand dst) {
    throw notExecutable("MOVB");
  }

  public static void MOVD(Operand src, Operand dst) {
    throw notExecutable("MOVD");
  }

  public static void MOVLQZX(Operand src, Operand dst) {
    throw notExecutable("MOVLQZX");
  }

  public static void MOVBLZX(Operand src, Operand dst) {
    throw notExecutable("MOVBLZX");
  }

  public static void MOVWLZX(Operand src, Operand dst) {
    throw notExecutable("MOVWLZX");
  }

  public static void MOVBQZX(Operand src, Operand dst) {
    throw notExecutable("MOVBQZX");
  }

  public static void MOVLQSX(Operand src, Operand dst) {
    throw notExecutable("MOVLQSX");
  }

  public static void LEAQ(Operand src, Operand dst) {
    throw notExecutable("LEAQ");
  }

  public static void LEAL(Operand src, Operand dst) {
    throw notExecutable("LEAL");
  }

  public static void ADDQ(Operand src, Operand dst) {
    throw notExecutable("ADDQ");
  }

  public static void ADDL(Operand src, Operand dst) {
    throw notExecutable("ADDL");
  }

  public static void SUBQ(Operand src, Operand dst) {
    throw notExecutable("SUBQ");
  }

  public static void SUBL(Operand src, Operand dst) {
    throw notExecutable("SUBL");
  }

  public static void ANDQ(Operand src, Operand dst) {
    throw notExecutable("ANDQ");
  }

  public static void ANDL(Operand src, Operand dst) {
    throw notExecutable("ANDL");
  }

  public static void ORQ(Operand src, Operand dst) {
    throw notExecutable("ORQ");
  }

  public static void ORL(Operand src, Operand dst) {
    throw notExecutable("ORL");
  }

  public static void XORQ(Operand src, Operand dst) {
    throw notExecutable("XORQ");
  }

  public static void XORL(Operand src, Operand dst) {
    throw notExecutable("XORL");
  }

  public static void SHLQ(Operand src, Operand dst) {
    throw notExecutable("SHLQ");
  }

  public static void SHRQ(Operand src, Operand dst) {
    throw notExecutable("SHRQ");
  }

  public static void SARQ(Operand src, Operand dst) {
    throw notExecutable("SARQ");
  }

  public static void SHLL(Operand src, Operand dst) {
    throw notExecutable("SHLL");
  }

  public static void SHRL(Operand src, Operand dst) {
    throw notExecutable("SHRL");
  }

  public static void CMPQ(Operand src, Operand dst) {
    throw notExecutable("CMPQ");
  }

  public static void CMPL(Operand src, Operand dst) {
    throw notExecutable("CMPL");
  }

  public static void CMPW(Operand src, Operand dst) {
    throw notExecutable("CMPW");
  }

  public static void CMPB(Operand src, Operand dst) {
    throw notExecutable("CMPB");
  }

  public static void TESTQ(Operand src, Operand dst) {
    throw notExecutable("TESTQ");
  }

  public static void TESTL(Operand src, Operand dst) {
    throw notExecutable("TESTL");
  }

  public static void TESTB(Operand src, Operand dst) {
    throw notExecutable("TESTB");
  }

  public static void XCHGQ(Operand src, Operand dst) {
    throw notExecutable("XCHGQ");
  }

  public static void CMPXCHGQ(Operand src, Operand dst) {
    throw notExecutable("CMPXCHGQ");
  }

  public static void NEGQ(Operand operand) {
    throw notExecutable("NEGQ");
  }

  public static void NOTQ(Operand operand) {
    throw notExecutable("NOTQ");
  }

  public static void INCQ(Operand operand) {
    throw notExecutable("INCQ");
  }

  public static void DECQ(Operand operand) {
    throw notExecutable("DECQ");
  }

  public static void INCL(Operand operand) {
    throw notExecutable("INCL");
  }

  public static void DECL(Operand operand) {
    throw notExecutable("DECL");
  }

  public static void PUSHQ(Operand operand) {
    throw notExecutable("PUSHQ");
  }

  public static void POPQ(Operand operand) {
    throw notExecutable("POPQ");
  }

  public static void JMP(String label) {
    throw notExecutable("JMP");
  }

  public static void JMP(Operand target) {
    throw notExecutable("JMP");
  }

  public static void CALL(String label) {
    throw notExecutable("CALL");
  }

  public static void CALL(Operand target) {
    throw notExecutable("CALL");
  }

  public static void JEQ(String label) {
    throw notExecutable("JEQ");
  }

  public static void JEQ(Operand target) {
    throw notExecutable("JEQ");
  }

  public static void JNE(String label) {
    throw notExecutable("JNE");
  }

  public static void JNE(Operand target) {
    throw notExecutable("JNE");
  }

  public static void JLS(String label) {
    throw notExecutable("JLS");
  }

  public static void JLS(Operand target) {
    throw notExecutable("JLS");
  }

  public static void JHI(String label) {
    throw notExecutable("JHI");
  }

  public static void JHI(Operand target) {
    throw notExecutable("JHI");
  }

  public static void JCS(String label) {
    throw notExecutable("JCS");
  }

  public static void JCS(Operand target) {
    throw notExecutable("JCS");
  }

  public static void JCC(String label) {
    throw notExecutable("JCC");
  }

  public static void JCC(Operand target) {
    throw notExecutable("JCC");
  }

  public static void JLT(String label) {
    throw notExecutable("JLT");
  }

  public static void JLT(Operand target) {
    throw notExecutable("JLT");
  }

  public static void JGE(String label) {
    throw notExecutable("JGE");
  }

  public static void JGE(Operand target) {
    throw notExecutable("JGE");
  }

  public static void JGT(String label) {
    throw notExecutable("JGT");
  }

  public static void JGT(Operand target) {
    throw notExecutable("JGT");
  }

  public static void JLE(String label) {
    throw notExecutable("JLE");
  }

  public static void JLE(Operand target) {
    throw notExecutable("JLE");
  }

  public static void JMI(String label) {
    throw notExecutable("JMI");
  }

  public static void JMI(Operand target) {
    throw notExecutable("JMI");
  }

  public static void JPL(String label) {
    throw notExecutable("JPL");
  }

  public static void JPL(Operand target) {
    throw notExecutable("JPL");
  }

  public static void JOS(String label) {
    throw notExecutable("JOS");
  }

  public static void JOS(Operand target) {
    throw notExecutable("JOS");
  }

  public static void JOC(String label) {
    throw notExecutable("JOC");
  }

  public static void JOC(Operand target) {
    throw notExecutable("JOC");
  }

  public static void JPS(String label) {
    throw notExecutable("JPS");
  }

  public static void JPS(Operand target) {
    throw notExecutable("JPS");
  }

  public static void JPC(String label) {
    throw notExecutable("JPC");
  }

  public static void JPC(Operand target) {
    throw notExecutable("JPC");
  }

  public static void JE(String label) {
    throw notExecutable("JE");
  }

  public static void JE(Operand target) {
    throw notExecutable("JE");
  }

  public static void JZ(String label) {
    throw notExecutable("JZ");
  }

  public static void JZ(Operand target) {
    throw notExecutable("JZ");
  }

  public static void JNZ(String label) {
    throw notExecutable("JNZ");
  }

  public static void JNZ(Operand target) {
    throw notExecutable("JNZ");
  }

  public static void JBE(String label) {
    throw notExecutable("JBE");
  }

  public static void JBE(Operand target) {
    throw notExecutable("JBE");
  }

  public static void JNA(String label) {
    throw notExecutable("JNA");
  }

  public static void JNA(Operand target) {
    throw notExecutable("JNA");
  }

  public static void JA(String label) {
    throw notExecutable("JA");
  }

  public static void JA(Operand target) {
    throw notExecutable("JA");
  }

  public static void JNBE(String label) {
    throw notExecutable("JNBE");
  }

  public static void JNBE(Operand target) {
    throw notExecutable("JNBE");
  }

  public static void JB(String label) {
    throw notExecutable("JB");
  }

  public static void JB(Operand target) {
    throw notExecutable("JB");
  }

  public static void JC(String label) {
    throw notExecutable("JC");
  }

  public static void JC(Operand target) {
    throw notExecutable("JC");
  }

  public static void JLO(String label) {
    throw notExecutable("JLO");
  }

  public static void JLO(Operand target) {
    throw notExecutable("JLO");
  }

  public static void JNAE(String label) {
    throw notExecutable("JNAE");
  }

  public static void JNAE(Operand target) {
    throw notExecutable("JNAE");
  }

  public static void JAE(String label) {
    throw notExecutable("JAE");
  }

  public static void JAE(Operand target) {
    throw notExecutable("JAE");
  }

  public static void JHS(String label) {
    throw notExecutable("JHS");
  }

  public static void JHS(Operand target) {
    throw notExecutable("JHS");
  }

  public static void JNC(String label) {
    throw notExecutable("JNC");
  }

  public static void JNC(Operand target) {
    throw notExecutable("JNC");
  }

  public static void JNB(String label) {
    throw notExecutable("JNB");
  }

  public static void JNB(Operand target) {
    throw notExecutable("JNB");
  }

  public static void JL(String label) {
    throw notExecutable("JL");
  }

  public static void JL(Operand target) {
    throw notExecutable("JL");
  }

  public static void JNGE(String label) {
    throw notExecutable("JNGE");
  }

  public static void JNGE(Operand target) {
    throw notExecutable("JNGE");
  }

  public static void JNL(String label) {
    throw notExecutable("JNL");
  }

  public static void JNL(Operand target) {
    throw notExecutable("JNL");
  }

  public static void JG(String label) {
    throw notExecutable("JG");
  }

  public static void JG(Operand target) {
    throw notExecutable("JG");
  }

  public static void JNLE(String label) {
    throw notExecutable("JNLE");
  }

  public static void JNLE(Operand target) {
    throw notExecutable("JNLE");
  }

  public static void JNG(String label) {
    throw notExecutable("JNG");
  }

  public static void JNG(Operand target) {
    throw notExecutable("JNG");
  }

  public static void JS(String label) {
    throw notExecutable("JS");
  }

  public static void JS(Operand target) {
    throw notExecutable("JS");
  }

  public static void JNS(String label) {
    throw notExecutable("JNS");
  }

  public static void JNS(Operand target) {
    throw notExecutable("JNS");
  }

  public static void JO(String label) {
    throw notExecutable("JO");
  }

  public static void JO(Operand target) {
    throw notExecutable("JO");
  }

  public static void JNO(String label) {
    throw notExecutable("JNO");
  }

  public static void JNO(Operand target) {
    throw notExecutable("JNO");
  }

  public static void JP(String label) {
    throw notExecutable("JP");
  }

  public static void JP(Operand target) {
    throw notExecutable("JP");
  }

  public static void JPE(String label) {
    throw notExecutable("JPE");
  }

  public static void JPE(Operand target) {
    throw notExecutable("JPE");
  }

  public static void JNP(String label) {
    throw notExecutable("JNP");
  }

  public static void JNP(Operand target) {
    throw notExecutable("JNP");
  }

  public static void JPO(String label) {
    throw notExecutable("JPO");
  }

  public static void JPO(Operand target) {
    throw notExecutable("JPO");
  }

  public static void RET() {
    throw notExecutable("RET");
  }

  public static void SYSCALL() {
    throw notExecutable("SYSCALL");
  }

  public static void CPUID() {
    throw notExecutable("CPUID");
  }

  public static void XGETBV() {
    throw notExecutable("XGETBV");
  }

  public static void CLD() {
    throw notExecutable("CLD");
  }

  public static void STD() {
    throw notExecutable("STD");
  }

  public static void UNDEF() {
    throw notExecutable("UNDEF");
  }

  public static void PAUSE() {
    throw notExecutable("PAUSE");
  }

  public static void NOP() {
    throw notExecutable("NOP");
  }

  public static void LOCK() {
    throw notExecutable("LOCK");
  }

  /** {@code NOP SP}: tells vet that SP changed; no effect. */
  public static void NOP(Operand operand) {
    throw notExecutable("NOP");
  }

  public static void INT(Imm value) {
    throw notExecutable("INT");
  }

  public static void BYTE(Imm value) {
    throw notExecutable("BYTE");
  }

  public static void ADJSP(Imm value) {
    throw notExecutable("ADJSP");
  }

  public static void PCALIGN(Imm value) {
    throw notExecutable("PCALIGN");
  }

  private static IllegalStateException notExecutable(String what) {
    return new IllegalStateException(
        what + " is read by the rtproof annotation processor, not executed; run the generated program");
  }
}
