package dev.rtproof.dsl.ir;

import java.util.List;
import java.util.Objects;

/**
 * A global declared with {@code GLOBL sym(SB), flags, $size} and its {@code DATA sym+off(SB)/width, value}
 * initialisers: an initial memory image.
 */
public record DataSymbol(String name, int flags, long size, List<Init> inits, SourcePos pos) {

  /** {@code DATA name+offset(SB)/width, value}: a number, or the address of a symbol plus an offset. */
  public record Init(long offset, int width, Operand value, SourcePos pos) {
    public Init {
      if (!(value instanceof Imm) && !(value instanceof SymAddr)) {
        throw new IllegalArgumentException("DATA takes a constant or $sym(SB), not " + value);
      }
    }
  }

  public DataSymbol {
    Objects.requireNonNull(name, "name");
    inits = List.copyOf(inits);
    Objects.requireNonNull(pos, "pos");
  }
}
