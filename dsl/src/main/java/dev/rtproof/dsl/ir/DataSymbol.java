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

  /**
   * The initial bytes, little-endian, with every constant DATA applied; bytes no DATA covers, and the
   * 8 bytes of each address ({@link #addresses()}), are zero. Requires a symbol without {@link DataChecks}
   * problems.
   */
  public byte[] image() {
    byte[] out = new byte[Math.toIntExact(size)];
    for (Init in : inits) {
      if (in.value() instanceof Imm imm) {
        for (int i = 0; i < in.width(); i++) {
          out[(int) in.offset() + i] = (byte) (imm.value() >>> (8 * i));
        }
      }
    }
    return out;
  }

  /** The DATA that hold symbol addresses ({@code $sym(SB)}), which a loader fills in after placing symbols. */
  public List<Init> addresses() {
    return inits.stream().filter(in -> in.value() instanceof SymAddr).toList();
  }
}
