package dev.rtproof.dsl.ir;

/**
 * Condition codes of Go's conditional jumps (reference §1). {@code CMPQ a, b} sets the flags of
 * {@code a − b}, so {@code JLS} after it branches when {@code a ≤ b} unsigned.
 */
public enum Cond {
  EQ("ZF=1"), NE("ZF=0"),
  LS("CF=1 or ZF=1"), HI("CF=0 and ZF=0"),
  CS("CF=1"), CC("CF=0"),
  LT("SF≠OF"), GE("SF=OF"), GT("ZF=0 and SF=OF"), LE("ZF=1 or SF≠OF"),
  MI("SF=1"), PL("SF=0"),
  OS("OF=1"), OC("OF=0"),
  PS("PF=1"), PC("PF=0");

  private final String meaning;

  Cond(String meaning) {
    this.meaning = meaning;
  }

  /** The flag test, for messages. */
  public String meaning() {
    return meaning;
  }

  /** Evaluates the condition on flag values. */
  public boolean test(boolean cf, boolean pf, boolean zf, boolean sf, boolean of) {
    return switch (this) {
      case EQ -> zf;
      case NE -> !zf;
      case LS -> cf || zf;
      case HI -> !cf && !zf;
      case CS -> cf;
      case CC -> !cf;
      case LT -> sf != of;
      case GE -> sf == of;
      case GT -> !zf && sf == of;
      case LE -> zf || sf != of;
      case MI -> sf;
      case PL -> !sf;
      case OS -> of;
      case OC -> !of;
      case PS -> pf;
      case PC -> !pf;
    };
  }
}
