package dev.rtproof.cli;

import dev.rtproof.dsl.asm.AsmFile;
import dev.rtproof.dsl.asm.AsmRoutine;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Op;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** The summary the asm commands print: routines, instructions, and the mnemonics kept unsupported. */
final class AsmSummary {
  private AsmSummary() {}

  static void print(AsmFile f, PrintWriter out) {
    int instrs = f.routines().stream().mapToInt(r -> r.routine().instrs().size()).sum();
    Map<String, Integer> unsupported = f.unsupported();
    int kept = unsupported.values().stream().mapToInt(Integer::intValue).sum();
    out.printf("%s: %d routines, %d instructions, %d data symbols; %d instructions kept unsupported%s%n", f.file(),
        f.routines().size(), instrs, f.data().size(), kept, kept == 0 ? "" : ":");
    Map<String, String> example = new TreeMap<>();
    for (AsmRoutine r : f.routines()) {
      for (Instr in : r.routine().instrs()) {
        if (in.op() == Op.UNSUPPORTED) {
          example.putIfAbsent(AsmFile.mnemonic(in), in.raw());
        }
      }
    }
    unsupported.forEach((mnemonic, count) -> {
      boolean modelled = Op.byName(mnemonic) != null;
      out.printf("  %-10s %5d%s%n", mnemonic, count,
          modelled ? "  (operands outside the model, e.g. " + example.get(mnemonic) + ")" : "");
    });
  }
}
