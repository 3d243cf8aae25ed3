package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Routine;
import java.util.List;

/**
 * What a routine's text determines, without where it was written: header, instructions (mnemonic, operands,
 * raw text, and whether it is the {@code get_tls} macro) and labels. Two routines are "the same IR" when
 * their codes are equal — the meaning of "print then parse is the identity" and of "Java → .s → IR gives the
 * same IR". Positions are left out, and so is whether an instruction came out of some other macro: printed
 * assembly spells macro expansions out, so that is provenance, like a position.
 */
public record RoutineCode(String symbol, String target, int flags, int frame, int args, List<Code> instrs,
    List<Label> labels) {

  /** An instruction without its position; {@code getTls} for the macro {@code get_tls(r)}. */
  public record Code(Op op, List<Operand> args, String raw, boolean getTls) {}

  /** A label without its position. */
  public record Label(String name, int index) {}

  /** A DATA init without its position. */
  public record Init(long offset, int width, Operand value) {}

  /** A GLOBL symbol without positions. */
  public record Data(String name, int flags, long size, List<Init> inits) {}

  public static RoutineCode of(Routine r) {
    List<Code> code = r.instrs().stream()
        .filter(i -> i.origin() != Instr.Origin.IMPLICIT)
        .map(i -> new Code(i.op(), i.args(), i.raw(), i.origin() == Instr.Origin.MACRO && i.isGetTls())).toList();
    List<Label> labels = r.labels().stream().map((LabelDef l) -> new Label(l.name(), l.index())).toList();
    return new RoutineCode(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), code, labels);
  }

  public static Data of(DataSymbol d) {
    return new Data(d.name(), d.flags(), d.size(),
        d.inits().stream().map(i -> new Init(i.offset(), i.width(), i.value())).toList());
  }
}
