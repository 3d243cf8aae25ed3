package dev.rtproof.dsl.expr;

import dev.rtproof.dsl.ir.Reg;

/**
 * A bound property expression: every name already resolved to a register, flag, constant or symbol.
 * Values are 64-bit bit-vectors or booleans ({@link #isBool}).
 */
public sealed interface Expr {
  boolean isBool();

  /** A number. */
  record Num(long value) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** A register's value in the current state, or at entry when {@code entry}. */
  record RegValue(Reg reg, boolean entry) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** The FS (or GS) base in the current state, or at entry. */
  record SegmentBase(Segment segment, boolean entry) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** A status flag in the current state. */
  record FlagValue(Flag flag) implements Expr {
    public boolean isBool() {
      return true;
    }
  }

  /** A named constant (layout or OS), folded. */
  record Const(String name, long value) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** The address of a symbol. */
  record SymbolAddress(String symbol) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** {@code loadN(addr)}: N bits of memory at addr in the current state, zero-extended. */
  record Load(int width, Expr address) implements Expr {
    public boolean isBool() {
      return false;
    }
  }

  /** A unary operator. */
  record Unary(UnaryOp op, Expr operand) implements Expr {
    public boolean isBool() {
      return op == UnaryOp.NOT;
    }
  }

  /** A binary operator. */
  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    public boolean isBool() {
      return op.resultIsBool();
    }
  }

  /** FS or GS. */
  enum Segment { FS, GS }

  /** The status flags an expression may read. */
  enum Flag { CF, PF, ZF, SF, OF, DF }

  /** Unary operators: negation, bitwise not ({@code ~}), logical not ({@code !}). */
  enum UnaryOp { NEG, BITNOT, NOT }

  /** Binary operators; comparisons are unsigned unless suffixed {@code s}. */
  enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), UDIV("/"), UREM("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"),
    EQ("=="), NE("!="), ULT("<"), ULE("<="), UGT(">"), UGE(">="), SLT("<s"), SLE("<=s"), SGT(">s"), SGE(">=s"),
    LAND("&&"), LOR("||"), IMPLIES("==>");

    private final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** True when the result is a boolean. */
    public boolean resultIsBool() {
      return ordinal() >= EQ.ordinal();
    }

    /** True when the operands are booleans. */
    public boolean takesBool() {
      return ordinal() >= LAND.ordinal();
    }
  }
}
