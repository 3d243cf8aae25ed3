package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.List;

/**
 * Reads one operand in Go's syntax ({@code cmd/asm parse.go operand}): registers, {@code $}constants,
 * {@code $sym(SB)}, {@code off(base)(index*scale)}, {@code off(r)(TLS*1)}, {@code sym+off(SB)},
 * {@code name+off(FP)}, {@code name-off(SP)}, absolute addresses, {@code n(PC)} and labels. Operands the IR
 * cannot hold (vector registers, string immediates, …) come back unmodelled rather than as errors.
 */
final class OperandParser {
  private final Cursor in;
  private final boolean branch;
  private final List<Token> tokens;

  private OperandParser(List<Token> tokens, SourcePos end, boolean branch) {
    this.tokens = tokens;
    this.in = new Cursor(tokens, end);
    this.branch = branch;
  }

  /** Reads {@code tokens} as one operand; {@code branch} for the target of a jump or call. */
  static AsmOperand parse(List<Token> tokens, SourcePos end, boolean branch) throws AsmException {
    return new OperandParser(tokens, end, branch).operand();
  }

  /** The canonical spelling of some tokens: joined, with a space only between two words. */
  static String text(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    Token prev = null;
    for (Token t : tokens) {
      if (prev != null && isWord(prev) && isWord(t)) {
        b.append(' ');
      }
      b.append(t.text());
      prev = t;
    }
    return b.toString();
  }

  private static boolean isWord(Token t) {
    return t.kind() == Kind.IDENT || t.kind() == Kind.INT || t.kind() == Kind.FLOAT;
  }

  private AsmOperand operand() throws AsmException {
    Token first = in.peek();
    if (first.is("*")) {
      return unmodelled("indirection with '*'");
    }
    if (first.is("$")) {
      in.next();
      return immediate();
    }
    if (first.isIdent() && Registers.isRegister(first.text())) {
      in.next();
      Reg r = Registers.reg(first.text());
      end();
      return r == null ? unmodelled("register " + first.text()) : result(r, null);
    }
    if (first.isIdent()) {
      return symbolic(false);
    }
    return memoryOrConstant();
  }

  private AsmOperand immediate() throws AsmException {
    Token t = in.peek();
    if (t == null) {
      throw in.error("expected a constant or symbol after '$'");
    }
    if (t.kind() == Kind.STRING || t.kind() == Kind.FLOAT) {
      return unmodelled(t.kind() == Kind.STRING ? "a string immediate" : "a floating-point immediate");
    }
    if (t.isIdent() && Registers.isRegister(t.text())) {
      throw new AsmException(t.pos(), "asm-operand", "'$' cannot prefix the register " + t.text());
    }
    if (t.isIdent()) {
      return symbolic(true);
    }
    AsmExpr value = AsmExprParser.parse(in);
    if (in.peekIs("(")) {
      return unmodelled("the address of a memory operand");
    }
    end();
    return result(new Imm(value.value()), value);
  }

  /** {@code sym<>+off(SB)}, {@code name+off(FP)}, {@code name-off(SP)}, or a label; {@code $} for addresses. */
  private AsmOperand symbolic(boolean address) throws AsmException {
    Token name = in.next();
    String symbol = name.text() + suffix();
    AsmExpr offset = in.peekIs("+") || in.peekIs("-") ? AsmExprParser.parse(in) : null;
    long off = offset == null ? 0 : offset.value();
    if (in.atEnd()) {
      if (branch && !address && offset == null && symbol.equals(name.text())) {
        return result(new LabelRef(symbol), null);
      }
      if (address) {
        throw new AsmException(name.pos(), "asm-constant", "'" + symbol + "' is neither a constant (no #define or go_asm.h constant has"
            + " that name) nor a symbol address ($" + symbol + "(SB))");
      }
      throw new AsmException(name.pos(), "asm-operand", "'" + symbol + "' needs an addressing mode: " + symbol
          + "(SB) for a symbol" + (branch ? "" : ", name+off(FP) for an argument, name-off(SP) for a local"));
    }
    in.expect("(");
    Token pseudo = in.next();
    if (Registers.isRegister(pseudo.text()) && !pseudo.text().equals("SP")) {
      throw new AsmException(name.pos(), "asm-constant", "'" + name.text() + "' is not a constant: no #define or go_asm.h constant has"
          + " that name");
    }
    in.expect(")");
    switch (pseudo.text()) {
      case "SB" -> {
        if (in.peekIs("(")) {
          throw in.error("a symbol operand cannot be indexed on amd64");
        }
        end();
        return address ? result(new SymAddr(symbol, off), offset) : result(Mem.symbol(symbol, off), offset);
      }
      case "FP", "SP" -> {
        if (!symbol.equals(name.text())) {
          throw new AsmException(name.pos(), "asm-operand", "'<…>' marks symbols, not " + pseudo.text() + " names");
        }
        end();
        if (address) {
          return unmodelled("the address of an argument or local");
        }
        return result(pseudo.text().equals("FP") ? Mem.fp(symbol, off) : Mem.local(symbol, off), offset);
      }
      default -> throw new AsmException(pseudo.pos(), "asm-operand", "expected SB, FP or SP after " + symbol + ", found "
          + pseudo.describe());
    }
  }

  /** {@code <>} (file-local) or {@code <ABIInternal>} after a symbol name, kept in the name. */
  private String suffix() throws AsmException {
    if (!in.peekIs("<")) {
      return "";
    }
    in.next();
    if (in.peekIs(">")) {
      in.next();
      return "<>";
    }
    Token abi = in.next();
    if (!abi.isIdent() || !(abi.text().equals("ABI0") || abi.text().equals("ABIInternal"))) {
      throw new AsmException(abi.pos(), "asm-operand", "expected '>' or an ABI (ABI0, ABIInternal) after '<', found " + abi.describe());
    }
    in.expect(">");
    return "<" + abi.text() + ">";
  }

  /** {@code off(base)…}, {@code (base)…}, {@code n(PC)}, or an absolute address. */
  private AsmOperand memoryOrConstant() throws AsmException {
    AsmExpr disp = null;
    Token inner = in.peek(1);
    boolean register = in.peekIs("(") && inner != null && inner.isIdent()
        && (Registers.isRegister(inner.text()) || List.of("PC", "FP", "SB").contains(inner.text())
            || in.peek(2) != null && in.peek(2).is(")"));
    if (!register) {
      disp = AsmExprParser.parse(in);
    }
    long d = disp == null ? 0 : disp.value();
    if (in.atEnd()) {
      if (branch) {
        throw new AsmException(tokens.get(0).pos(), "asm-operand", "a jump target is a label, n(PC), sym(SB), a register or memory, not a number");
      }
      return result(Mem.absolute(checkDisp(d)), disp);
    }
    Token open = in.expect("(");
    Token base = in.next();
    if (!base.isIdent()) {
      throw new AsmException(base.pos(), "asm-operand", "expected a register after '(', found " + base.describe());
    }
    if (base.text().equals("PC") || base.text().equals("FP") || base.text().equals("SB")) {
      in.expect(")");
      end();
      if (base.text().equals("PC")) {
        return pcRelative(open, d, disp);
      }
      throw new AsmException(open.pos(), "asm-operand", "cannot reference " + base.text() + " without a symbol name, as in "
          + (base.text().equals("FP") ? "x+8(FP)" : "sym+8(SB)"));
    }
    if (!Registers.isRegister(base.text())) {
      throw new AsmException(base.pos(), "asm-operand", "'" + base.text() + "' is not a register");
    }
    if (in.peekIs("*")) {
      throw new AsmException(base.pos(), "asm-operand", "an index needs a base register first, as in (BX)(" + base.text() + "*8)");
    }
    in.expect(")");
    Reg b = Registers.reg(base.text());
    if (in.atEnd()) {
      return b == null ? unmodelled("register " + base.text()) : result(Mem.reg(checkDisp(d), gpr(base, b)), disp);
    }
    in.expect("(");
    Token index = in.next();
    if (!index.isIdent() || !Registers.isRegister(index.text())) {
      throw new AsmException(index.pos(), "asm-operand", "expected an index register, found " + index.describe());
    }
    in.expect("*");
    Token scaleToken = in.next();
    int scale = scale(scaleToken);
    in.expect(")");
    end();
    Reg x = Registers.reg(index.text());
    if (b == null || x == null) {
      return unmodelled("register " + (b == null ? base.text() : index.text()));
    }
    if (x == Reg.TLS) {
      if (scale != 1) {
        throw new AsmException(scaleToken.pos(), "bad-scale", "the TLS index takes scale 1, as in 0(" + base.text() + ")(TLS*1)");
      }
      return result(Mem.tls(checkDisp(d), gpr(base, b)), disp);
    }
    return result(Mem.indexed(checkDisp(d), gpr(base, b), gpr(index, x), scale), disp);
  }

  private AsmOperand pcRelative(Token open, long n, AsmExpr disp) throws AsmException {
    if (!branch) {
      throw new AsmException(open.pos(), "asm-operand", "n(PC) is a jump target; it cannot be used as data");
    }
    if (n != (int) n) {
      throw new AsmException(open.pos(), "asm-operand", n + "(PC) is out of range");
    }
    return result(new PcRel((int) n), disp);
  }

  private static Reg gpr(Token t, Reg r) throws AsmException {
    if (!r.isGpr()) {
      throw new AsmException(t.pos(), "asm-operand", "addresses use 64-bit registers; " + t.text() + " cannot be a base or an index");
    }
    return r;
  }

  private static int scale(Token t) throws AsmException {
    if (t.kind() == Kind.INT) {
      long s = Numbers.parseInt(t);
      if (s == 1 || s == 2 || s == 4 || s == 8) {
        return (int) s;
      }
    }
    throw new AsmException(t.pos(), "bad-scale", "scale must be 1, 2, 4 or 8, not " + t.text());
  }

  private long checkDisp(long d) throws AsmException {
    if (d != (int) d) {
      throw new AsmException(tokens.get(0).pos(), "asm-operand", "displacement " + Long.toUnsignedString(d)
          + " does not fit in 32 bits (amd64 addresses take a signed 32-bit offset)");
    }
    return d;
  }

  private void end() throws AsmException {
    if (!in.atEnd()) {
      throw in.error("unexpected " + in.peek().describe() + " in operand");
    }
  }

  private AsmOperand result(Operand ir, AsmExpr number) {
    return new AsmOperand(ir, number, text(tokens), null);
  }

  private AsmOperand unmodelled(String why) {
    return new AsmOperand(null, null, text(tokens), why);
  }
}
