package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.SymAddr;

/** Loads the {@code DATA} initialisers of a global into its region, as the linker lays out the image. */
final class DataImage {
  private DataImage() {}

  static void load(Machine m, DataSymbol d, Layout layout) {
    long base = layout.address(d.name());
    for (DataSymbol.Init init : d.inits()) {
      if (init.offset() < 0 || init.offset() + init.width() > d.size()) {
        throw new IllegalArgumentException("DATA " + d.name() + "+" + init.offset() + "(SB)/" + init.width()
            + " at " + init.pos() + " lies outside the " + d.size() + " bytes of its GLOBL");
      }
      long value = init.value() instanceof Imm i ? i.value()
          : layout.address(((SymAddr) init.value()).symbol()) + ((SymAddr) init.value()).offset();
      long address = base + init.offset();
      for (int b = 0; b < init.width(); b++) {
        m.store(address + b, 1, b < 8 ? value >>> (8 * b) : 0);
      }
    }
  }
}
