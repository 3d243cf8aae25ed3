package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Reg;
import java.util.HashSet;
import java.util.Set;

/**
 * Go's amd64 register names ({@code cmd/internal/obj/x86 list6.go} and {@code cmd/asm arch.go}): the ones
 * the IR models, and the rest (x87, MMX, mask, vector, segment, control, debug), which make an instruction
 * unsupported. {@code g} is Go's alias for R14.
 */
final class Registers {
  private static final Set<String> OTHER = new HashSet<>();

  static {
    for (int i = 0; i < 8; i++) {
      OTHER.add("F" + i);
      OTHER.add("M" + i);
      OTHER.add("K" + i);
      OTHER.add("DR" + i);
      OTHER.add("TR" + i);
    }
    for (int i = 0; i < 32; i++) {
      OTHER.add("X" + i);
      OTHER.add("Y" + i);
      OTHER.add("Z" + i);
    }
    for (int i = 0; i < 16; i++) {
      OTHER.add("CR" + i);
    }
    OTHER.addAll(Set.of("CS", "SS", "DS", "ES", "FS", "GS", "GDTR", "IDTR", "LDTR", "MSW", "TASK"));
  }

  private Registers() {}

  /** True for every name Go's amd64 assembler reads as a register. */
  static boolean isRegister(String name) {
    return reg(name) != null || OTHER.contains(name);
  }

  /** The IR register {@code name} denotes, or null (also for registers the IR does not model). */
  static Reg reg(String name) {
    return name.equals("g") ? Reg.R14 : Reg.byName(name);
  }
}
