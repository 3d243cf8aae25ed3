package dev.rtproof.dsl.abi;

import java.util.List;

/**
 * A Go type of a declaration, with the size and alignment gc gives it on amd64, and the shape
 * {@code go vet}'s asmdecl names its parts by.
 *
 * @param kind the shape
 * @param text the type as Go prints it, for messages ({@code []byte}, {@code int16})
 * @param size size in bytes
 * @param align alignment in bytes
 * @param elem the element of an array, else null
 * @param length the length of an array, else 0
 * @param fields the fields of a struct, else empty
 */
public record GoType(Kind kind, String text, long size, int align, GoType elem, long length, List<Field> fields) {

  /** How assembly addresses a value of the type (asmdecl's asmKind). */
  public enum Kind {
    /** bool, integers, floats, pointers, maps, channels, funcs: one value of {@link #size()} bytes. */
    SCALAR,
    /** {@code string}: {@code _base}, {@code _len}. */
    STRING,
    /** {@code []T}: {@code _base}, {@code _len}, {@code _cap}. */
    SLICE,
    /** {@code interface{}}/{@code any}: {@code _type}, {@code _data}. */
    EMPTY_INTERFACE,
    /** an interface with methods: {@code _itable}, {@code _data}. */
    INTERFACE,
    /** {@code complex64}/{@code complex128}: {@code _real}, {@code _imag}. */
    COMPLEX,
    /** {@code [N]T}: {@code _0}, {@code _1}, …. */
    ARRAY,
    /** {@code struct{…}}: {@code _field} per field. */
    STRUCT
  }

  /** A struct field. */
  public record Field(String name, GoType type) {}

  public GoType {
    fields = List.copyOf(fields);
  }

  static GoType scalar(String text, long size) {
    return new GoType(Kind.SCALAR, text, size, (int) size, null, 0, List.of());
  }

  static GoType word(Kind kind, String text, long words) {
    return new GoType(kind, text, 8 * words, 8, null, 0, List.of());
  }

  static GoType complex(String text, long size) {
    return new GoType(Kind.COMPLEX, text, size, (int) size / 2, null, 0, List.of());
  }

  static GoType array(GoType elem, long length) {
    return new GoType(Kind.ARRAY, "[" + length + "]" + elem.text(), elem.size() * length, elem.align(), elem, length,
        List.of());
  }

  /**
   * A struct laid out as gc does: each field at the next multiple of its alignment, the size rounded up to
   * the largest alignment, and one byte of padding when a non-empty struct ends in a zero-size field (so a
   * pointer to that field cannot point past the struct).
   */
  static GoType struct(List<Field> fields) {
    long offset = 0;
    int align = 1;
    StringBuilder text = new StringBuilder("struct{");
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      offset = alignUp(offset, f.type().align()) + f.type().size();
      align = Math.max(align, f.type().align());
      text.append(i == 0 ? "" : "; ").append(f.name()).append(' ').append(f.type().text());
    }
    if (offset > 0 && !fields.isEmpty() && fields.get(fields.size() - 1).type().size() == 0) {
      offset++;
    }
    return new GoType(Kind.STRUCT, text.append('}').toString(), alignUp(offset, align), align, null, 0, fields);
  }

  /** The offset of each field of a struct. */
  public long[] fieldOffsets() {
    long[] out = new long[fields.size()];
    long offset = 0;
    for (int i = 0; i < fields.size(); i++) {
      offset = alignUp(offset, fields.get(i).type().align());
      out[i] = offset;
      offset += fields.get(i).type().size();
    }
    return out;
  }

  static long alignUp(long offset, long align) {
    return (offset + align - 1) / align * align;
  }

  @Override
  public String toString() {
    return text;
  }
}
