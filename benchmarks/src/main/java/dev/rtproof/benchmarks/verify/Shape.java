package dev.rtproof.benchmarks.verify;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;

/**
 * Synthetic routines whose size is a parameter, for measuring how verification time grows: built as IR
 * (as the processor builds a routine), each with the one property its shape exercises.
 */
public enum Shape {
  /**
   * {@code n} instructions without branches or memory (an 8-instruction pattern of register arithmetic
   * repeated, then RET), proving {@code stack-balance}: the cost of symbolic execution per instruction.
   */
  STRAIGHT("straight-line instructions", "stack-balance", List.of(100, 200, 500, 1000, 2000, 5000, 10000)) {
    @Override
    public Routine routine(int n) {
      Routine.Builder b = builder("·straight" + n);
      Reg[] r = {Reg.AX, Reg.BX, Reg.CX, Reg.DX, Reg.SI, Reg.R8};
      for (int i = 0; i < n - 1; i++) {
        Reg a = r[i % r.length];
        Reg c = r[(i + 1) % r.length];
        switch (i % 8) {
          case 0 -> b.instr(Op.ADDQ, a, c);
          case 1 -> b.instr(Op.XORQ, a, c);
          case 2 -> b.instr(Op.SHLQ, new Imm(3), c);
          case 3 -> b.instr(Op.ORQ, a, c);
          case 4 -> b.instr(Op.LEAQ, Mem.reg(16, a), c);
          case 5 -> b.instr(Op.SUBQ, a, c);
          case 6 -> b.instr(Op.ANDQ, new Imm(0xffff), c);
          default -> b.instr(Op.MOVQ, a, c);
        }
      }
      return b.instr(Op.RET).property(PropertySpec.STACK_BALANCE).build();
    }
  },

  /**
   * {@code k} sequential branch diamonds ({@code TESTQ $bit, reg; JEQ skip; INCQ BX; skip:}, each on its
   * own input bit), proving {@code stack-balance}: what exploring the branches costs. Merged, the paths
   * rejoin after every diamond; unmerged, each of the 2^k paths is explored on its own.
   */
  DIAMONDS("sequential branch diamonds", "stack-balance", List.of(1, 2, 4, 8, 16, 32, 64)) {
    @Override
    public Routine routine(int k) {
      return diamonds("·diamonds" + k, k).property(PropertySpec.STACK_BALANCE).build();
    }
  },

  /**
   * The same diamonds proving {@code @Ensures("BX <= k")}, a claim about the sum of all k branch outcomes:
   * merged, BX is one term choosing among k increments, and the solver must bound it.
   */
  COUNTED_DIAMONDS("diamonds whose increments are summed", "ensures(BX <= k)", List.of(1, 2, 4, 8, 16, 32, 64)) {
    @Override
    public Routine routine(int k) {
      return diamonds("·counted" + k, k).property(PropertySpec.ENSURES, "BX <= " + k).build();
    }
  },

  /**
   * {@code m} memory operations on a 256-byte frame below SP (stores and loads alternating over its 32
   * words), proving {@code no-fault}: an obligation per access, against a memory that grows with every
   * store.
   */
  MEMORY("memory operations", "no-fault", List.of(10, 30, 100, 300, 1000, 3000, 10000)) {
    @Override
    public Routine routine(int m) {
      Routine.Builder b = builder("·memory" + m).instr(Op.SUBQ, new Imm(FRAME), Reg.SP);
      Reg[] r = {Reg.AX, Reg.BX, Reg.CX, Reg.DX};
      for (int j = 0; j < m; j++) {
        long slot = 8L * ((j / 2 * 5) % (FRAME / 8));
        if (j % 2 == 0) {
          b.instr(Op.MOVQ, r[j % r.length], Mem.reg(slot, Reg.SP));
        } else {
          b.instr(Op.MOVQ, Mem.reg((slot + 8) % FRAME, Reg.SP), r[(j + 1) % r.length]);
        }
      }
      return b.instr(Op.ADDQ, new Imm(FRAME), Reg.SP).instr(Op.RET).property(PropertySpec.NO_FAULT).build();
    }
  };

  /** The frame {@link #MEMORY} works in. */
  static final int FRAME = 256;

  private final String unit;
  private final String claim;
  private final List<Integer> sizes;

  Shape(String unit, String claim, List<Integer> sizes) {
    this.unit = unit;
    this.claim = claim;
    this.sizes = sizes;
  }

  /** The property every size proves, for tables. */
  public String claim() {
    return claim;
  }

  /** What a size counts, for tables. */
  public String unit() {
    return unit;
  }

  /** The sizes the scaling table measures. */
  public List<Integer> sizes() {
    return sizes;
  }

  /** The routine of size {@code n}, with its property. */
  public abstract Routine routine(int n);

  /** {@code k} diamonds, each testing its own bit of AX, CX or DX and counting into BX (zeroed first). */
  private static Routine.Builder diamonds(String symbol, int k) {
    Routine.Builder b = builder(symbol).instr(Op.XORL, Reg.BX, Reg.BX);
    Reg[] inputs = {Reg.AX, Reg.CX, Reg.DX};
    for (int i = 0; i < k; i++) {
      b.instr(Op.TESTQ, new Imm(1L << (i % 31)), inputs[i / 31])
          .instr(Op.JEQ, new LabelRef("skip" + i))
          .instr(Op.INCQ, Reg.BX)
          .label("skip" + i);
    }
    return b.instr(Op.RET);
  }

  private static Routine.Builder builder(String symbol) {
    return Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT).frame(0)
        .source("Shape.java", Shape.class.getName() + "#" + symbol).declaredAt(1, 1).at(1, 1);
  }
}
