package dev.rtproof.dsl.ir;

/**
 * amd64 registers with their Go assembler names.
 *
 * <p>Go names a general-purpose register the same at every width ({@code MOVL AX, BX} writes EBX);
 * the width comes from the mnemonic. Byte registers have names of their own ({@code AL}, {@code SIB},
 * {@code R8B}, {@code AH}). {@link #TLS} is the assembler's thread-local-storage pseudo-register.
 */
public enum Reg implements Operand {
  AX(0, Kind.GPR), CX(1, Kind.GPR), DX(2, Kind.GPR), BX(3, Kind.GPR),
  SP(4, Kind.GPR), BP(5, Kind.GPR), SI(6, Kind.GPR), DI(7, Kind.GPR),
  R8(8, Kind.GPR), R9(9, Kind.GPR), R10(10, Kind.GPR), R11(11, Kind.GPR),
  R12(12, Kind.GPR), R13(13, Kind.GPR), R14(14, Kind.GPR), R15(15, Kind.GPR),

  AL(0, Kind.BYTE), CL(1, Kind.BYTE), DL(2, Kind.BYTE), BL(3, Kind.BYTE),
  SPB(4, Kind.BYTE), BPB(5, Kind.BYTE), SIB(6, Kind.BYTE), DIB(7, Kind.BYTE),
  R8B(8, Kind.BYTE), R9B(9, Kind.BYTE), R10B(10, Kind.BYTE), R11B(11, Kind.BYTE),
  R12B(12, Kind.BYTE), R13B(13, Kind.BYTE), R14B(14, Kind.BYTE), R15B(15, Kind.BYTE),

  AH(0, Kind.HIGH_BYTE), CH(1, Kind.HIGH_BYTE), DH(2, Kind.HIGH_BYTE), BH(3, Kind.HIGH_BYTE),

  /** The TLS base: only {@code MOVQ TLS, r} ({@code get_tls}) and the index of {@code off(r)(TLS*1)}. */
  TLS(-1, Kind.PSEUDO);

  /** What a register name denotes. */
  public enum Kind { GPR, BYTE, HIGH_BYTE, PSEUDO }

  private final int number;
  private final Kind kind;

  Reg(int number, Kind kind) {
    this.number = number;
    this.kind = kind;
  }

  /** Hardware register number 0–15 (for {@code AH}…{@code BH}: the register whose bits 8–15 they name). */
  public int number() {
    return number;
  }

  public Kind kind() {
    return kind;
  }

  /** True for the sixteen names that denote a whole general-purpose register. */
  public boolean isGpr() {
    return kind == Kind.GPR;
  }

  /** The 64-bit register with the given hardware number. */
  public static Reg gpr(int number) {
    return values()[number];
  }

  /** The register named {@code name} in Go assembly, or null. */
  public static Reg byName(String name) {
    for (Reg r : values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name();
  }
}
