package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Op;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a {@code .s} file holds: its TEXT routines in order and its GLOBL/DATA symbols. */
public record AsmFile(String file, List<AsmRoutine> routines, List<DataSymbol> data) {
  public AsmFile {
    routines = List.copyOf(routines);
    data = List.copyOf(data);
  }

  /** The routine named {@code symbol}, or null. */
  public AsmRoutine routine(String symbol) {
    return routines.stream().filter(r -> r.routine().symbol().equals(symbol)).findFirst().orElse(null);
  }

  /** Mnemonics kept as unsupported instructions, with how often each occurs, sorted by name. */
  public Map<String, Integer> unsupported() {
    Map<String, Integer> counts = new TreeMap<>();
    for (AsmRoutine r : routines) {
      for (Instr in : r.routine().instrs()) {
        if (in.op() == Op.UNSUPPORTED) {
          counts.merge(mnemonic(in), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The mnemonic of an instruction, also of an unsupported one. */
  public static String mnemonic(Instr in) {
    if (in.op() != Op.UNSUPPORTED) {
      return in.op().name();
    }
    int space = in.raw().indexOf(' ');
    return space < 0 ? in.raw() : in.raw().substring(0, space);
  }
}
