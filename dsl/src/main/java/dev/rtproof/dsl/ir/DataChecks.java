package dev.rtproof.dsl.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of one {@code GLOBL} and its {@code DATA}: known flags, a size that is not negative, DATA of
 * width 1, 2, 4 or 8 inside the symbol with a value that fits, addresses 8 bytes wide, and no byte
 * initialised twice.
 */
public final class DataChecks {
  /** The flags a GLOBL may carry (textflag.h). */
  public static final int GLOBL_FLAGS = TextFlags.DUPOK | TextFlags.RODATA | TextFlags.NOPTR | TextFlags.TLSBSS;

  private DataChecks() {}

  public static List<Problem> check(DataSymbol d) {
    List<Problem> problems = new ArrayList<>();
    if ((d.flags() & ~GLOBL_FLAGS) != 0) {
      problems.add(new Problem("globl-flags", "GLOBL " + d.name() + ": flags " + TextFlags.format(d.flags())
          + " include some a GLOBL does not take (DUPOK, RODATA, NOPTR, TLSBSS)", d.pos()));
    }
    if (d.size() < 0) {
      problems.add(new Problem("globl-size", "GLOBL " + d.name() + ": size " + d.size() + " is negative", d.pos()));
    }
    for (DataSymbol.Init in : d.inits()) {
      String at = "DATA " + Hex.symbolOffset(d.name(), in.offset()) + "(SB)/" + in.width();
      if (in.width() != 1 && in.width() != 2 && in.width() != 4 && in.width() != 8) {
        problems.add(new Problem("data-width", at + ": the width must be 1, 2, 4 or 8", in.pos()));
        continue;
      }
      if (in.offset() < 0 || in.offset() + in.width() > d.size()) {
        problems.add(new Problem("data-outside", at + " lies outside " + d.name() + "'s " + d.size() + " bytes",
            in.pos()));
      }
      if (in.value() instanceof SymAddr && in.width() != 8) {
        problems.add(new Problem("data-width", at + ": an address is 8 bytes wide", in.pos()));
      }
      if (in.value() instanceof Imm imm && !fits(imm.value(), in.width())) {
        problems.add(new Problem("immediate-range", at + ": " + imm + " does not fit " + in.width() + " bytes",
            in.pos()));
      }
    }
    List<DataSymbol.Init> sorted = new ArrayList<>(d.inits());
    sorted.sort(Comparator.comparingLong(DataSymbol.Init::offset));
    for (int i = 1; i < sorted.size(); i++) {
      DataSymbol.Init prev = sorted.get(i - 1);
      DataSymbol.Init cur = sorted.get(i);
      if (cur.offset() < prev.offset() + prev.width()) {
        DataSymbol.Init later = cur.pos().line() >= prev.pos().line() ? cur : prev;
        DataSymbol.Init earlier = later == cur ? prev : cur;
        problems.add(new Problem("data-overlap", "DATA " + Hex.symbolOffset(d.name(), later.offset()) + "(SB)/"
            + later.width() + " overlaps DATA " + Hex.symbolOffset(d.name(), earlier.offset()) + "(SB)/"
            + earlier.width() + (earlier.pos().isKnown() ? " (line " + earlier.pos().line() + ")" : ""), later.pos()));
      }
    }
    return problems;
  }

  /** True when {@code v} fits {@code width} bytes as a signed or an unsigned number. */
  static boolean fits(long v, int width) {
    if (width >= 8) {
      return true;
    }
    long bits = 8L * width;
    return v >= -(1L << (bits - 1)) && v < (1L << bits);
  }
}
