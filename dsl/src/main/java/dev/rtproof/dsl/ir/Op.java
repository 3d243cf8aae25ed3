package dev.rtproof.dsl.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * The mnemonics rtproof models, with Go's names. Aliases ({@code MOVD}, {@code JE}, {@code JBE}, …) are
 * accepted by {@link #byName} and normalised to the canonical mnemonic.
 */
public enum Op {
  MOVQ(Form.MOV, 64), MOVL(Form.MOV, 32), MOVW(Form.MOV, 16), MOVB(Form.MOV, 8),
  MOVLQZX(Form.MOVX, 64, 32), MOVBLZX(Form.MOVX, 32, 8), MOVWLZX(Form.MOVX, 32, 16),
  MOVBQZX(Form.MOVX, 64, 8), MOVLQSX(Form.MOVX, 64, 32),
  LEAQ(Form.LEA, 64), LEAL(Form.LEA, 32),
  ADDQ(Form.ALU, 64), ADDL(Form.ALU, 32), SUBQ(Form.ALU, 64), SUBL(Form.ALU, 32),
  ANDQ(Form.ALU, 64), ANDL(Form.ALU, 32), ORQ(Form.ALU, 64), ORL(Form.ALU, 32),
  XORQ(Form.ALU, 64), XORL(Form.ALU, 32),
  NEGQ(Form.UNARY, 64), NOTQ(Form.UNARY, 64), INCQ(Form.UNARY, 64), DECQ(Form.UNARY, 64),
  INCL(Form.UNARY, 32), DECL(Form.UNARY, 32),
  SHLQ(Form.SHIFT, 64), SHRQ(Form.SHIFT, 64), SARQ(Form.SHIFT, 64), SHLL(Form.SHIFT, 32), SHRL(Form.SHIFT, 32),
  CMPQ(Form.CMP, 64), CMPL(Form.CMP, 32), CMPW(Form.CMP, 16), CMPB(Form.CMP, 8),
  TESTQ(Form.TEST, 64), TESTL(Form.TEST, 32), TESTB(Form.TEST, 8),
  PUSHQ(Form.PUSH, 64), POPQ(Form.POP, 64), XCHGQ(Form.XCHG, 64), CMPXCHGQ(Form.CMPXCHG, 64),
  JMP(Form.JMP, 0), CALL(Form.CALL, 0), RET(Form.RET, 0),
  JEQ(Cond.EQ), JNE(Cond.NE), JLS(Cond.LS), JHI(Cond.HI), JCS(Cond.CS), JCC(Cond.CC),
  JLT(Cond.LT), JGE(Cond.GE), JGT(Cond.GT), JLE(Cond.LE), JMI(Cond.MI), JPL(Cond.PL),
  JOS(Cond.OS), JOC(Cond.OC), JPS(Cond.PS), JPC(Cond.PC),
  SYSCALL(Form.NULLARY, 0), CPUID(Form.NULLARY, 0), XGETBV(Form.NULLARY, 0),
  CLD(Form.NULLARY, 0), STD(Form.NULLARY, 0), UNDEF(Form.NULLARY, 0), NOP(Form.NOP, 0),
  PAUSE(Form.NULLARY, 0), INT(Form.INT, 0), BYTE(Form.BYTE, 8), ADJSP(Form.ADJSP, 64),
  PCALIGN(Form.PCALIGN, 0),
  /** The LOCK prefix: its own assembler instruction (it counts in {@code n(PC)}), applying to the next. */
  LOCK(Form.PREFIX, 0),
  /** A mnemonic rtproof keeps but does not execute; {@link Instr#raw()} holds its text. */
  UNSUPPORTED(Form.UNSUPPORTED, 0);

  /** The operand shape and semantic family of a mnemonic. */
  public enum Form {
    MOV, MOVX, LEA, ALU, UNARY, SHIFT, CMP, TEST, PUSH, POP, XCHG, CMPXCHG,
    JMP, JCC, CALL, RET, NULLARY, NOP, INT, BYTE, ADJSP, PCALIGN, PREFIX, UNSUPPORTED
  }

  private static final Map<String, Op> BY_NAME = new HashMap<>();

  static {
    for (Op op : values()) {
      BY_NAME.put(op.name(), op);
    }
    BY_NAME.put("MOVD", MOVQ);
    BY_NAME.put("JE", JEQ);
    BY_NAME.put("JZ", JEQ);
    BY_NAME.put("JNZ", JNE);
    BY_NAME.put("JBE", JLS);
    BY_NAME.put("JNA", JLS);
    BY_NAME.put("JA", JHI);
    BY_NAME.put("JNBE", JHI);
    BY_NAME.put("JB", JCS);
    BY_NAME.put("JC", JCS);
    BY_NAME.put("JLO", JCS);
    BY_NAME.put("JNAE", JCS);
    BY_NAME.put("JAE", JCC);
    BY_NAME.put("JHS", JCC);
    BY_NAME.put("JNC", JCC);
    BY_NAME.put("JNB", JCC);
    BY_NAME.put("JL", JLT);
    BY_NAME.put("JNGE", JLT);
    BY_NAME.put("JNL", JGE);
    BY_NAME.put("JG", JGT);
    BY_NAME.put("JNLE", JGT);
    BY_NAME.put("JNG", JLE);
    BY_NAME.put("JS", JMI);
    BY_NAME.put("JNS", JPL);
    BY_NAME.put("JO", JOS);
    BY_NAME.put("JNO", JOC);
    BY_NAME.put("JP", JPS);
    BY_NAME.put("JPE", JPS);
    BY_NAME.put("JNP", JPC);
    BY_NAME.put("JPO", JPC);
  }

  private final Form form;
  private final int width;
  private final int sourceWidth;
  private final Cond cond;

  Op(Form form, int width) {
    this(form, width, width);
  }

  Op(Form form, int width, int sourceWidth) {
    this.form = form;
    this.width = width;
    this.sourceWidth = sourceWidth;
    this.cond = null;
  }

  Op(Cond cond) {
    this.form = Form.JCC;
    this.width = 0;
    this.sourceWidth = 0;
    this.cond = cond;
  }

  public Form form() {
    return form;
  }

  /** Operation width in bits (destination width for {@link Form#MOVX}); 0 where it does not apply. */
  public int width() {
    return width;
  }

  /** Source width in bits for {@link Form#MOVX}; equal to {@link #width()} otherwise. */
  public int sourceWidth() {
    return sourceWidth;
  }

  /** The condition of a conditional jump, else null. */
  public Cond cond() {
    return cond;
  }

  /** True for JMP, Jcc and CALL, whose operand is a branch target. */
  public boolean isBranch() {
    return form == Form.JMP || form == Form.JCC || form == Form.CALL;
  }

  /** Every mnemonic and alias {@link #byName} accepts. */
  public static java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(BY_NAME.keySet().stream()
        .filter(n -> !n.equals("UNSUPPORTED")).collect(java.util.stream.Collectors.toSet()));
  }

  /** The mnemonic or alias {@code name}, normalised, or null ({@code UNSUPPORTED} is not a name). */
  public static Op byName(String name) {
    return name.equals("UNSUPPORTED") ? null : BY_NAME.get(name);
  }
}
