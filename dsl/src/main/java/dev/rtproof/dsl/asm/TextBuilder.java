package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.RoutineChecks;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;

/** Collects one TEXT routine's instructions and labels while its statements are read. */
final class TextBuilder {
  private final String symbol;
  private final String target;
  private final int flags;
  private final Directives.FrameSize size;
  private final SourcePos pos;
  private final String origin;
  private final List<String> doc;
  private final List<Instr> instrs = new ArrayList<>();
  private final List<LabelDef> labels = new ArrayList<>();
  private final List<Token> pending = new ArrayList<>();
  private final List<List<AsmExpr>> numbers = new ArrayList<>();
  private final List<AsmRoutine.Comments> comments = new ArrayList<>();

  TextBuilder(String symbol, String target, int flags, Directives.FrameSize size, SourcePos pos, String origin,
      List<String> doc) {
    this.symbol = symbol;
    this.target = target;
    this.flags = flags;
    this.size = size;
    this.pos = pos;
    this.origin = origin;
    this.doc = doc;
  }

  /** Labels of the next instruction. */
  void labels(List<Token> names) {
    pending.addAll(names);
  }

  void add(Instr in, List<AsmExpr> operandNumbers, AsmRoutine.Comments notes) {
    for (Token l : pending) {
      labels.add(new LabelDef(l.text(), instrs.size(), l.pos()));
    }
    pending.clear();
    instrs.add(in);
    numbers.add(operandNumbers);
    comments.add(notes);
  }

  /** The routine, checked like any other (labels, {@code n(PC)} ranges). */
  AsmRoutine build() throws AsmException {
    if (!pending.isEmpty()) {
      Token l = pending.get(0);
      throw new AsmException(l.pos(), "label-at-end", "label " + l.text() + " labels no instruction: " + symbol + " ends after it");
    }
    Routine r = new Routine(symbol, target, flags, size.frame(), size.args(), instrs, labels, List.of(), List.of(), "",
        Routine.DEFAULT_UNROLL, List.of(), pos, origin);
    for (Problem p : RoutineChecks.check(r)) {
      throw new AsmException(p.pos().isKnown() ? p.pos() : pos, p.id(), p.message());
    }
    return new AsmRoutine(r, numbers, comments, doc);
  }
}
