package dev.rtproof.dsl.asm;

/**
 * One use of a macro: which macro, and the expansion the use itself came from ({@code parent}, null when
 * the macro was used in the file's own text). Tokens point at the innermost expansion that produced them,
 * which is how the parser knows that an instruction came from {@code get_tls} or that an offset came from
 * a {@code go_asm.h} name. Identity matters (not a record): two uses of one macro are two expansions.
 */
final class Expansion {
  private final Macro macro;
  private final Expansion parent;

  Expansion(Macro macro, Expansion parent) {
    this.macro = macro;
    this.parent = parent;
  }

  Macro macro() {
    return macro;
  }

  Expansion parent() {
    return parent;
  }
}
