package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a {@link Trace}: at the start of each instruction it closes the previous step by comparing the
 * machine with the snapshot taken when that step began; stores are collected as they happen.
 */
final class Tracer implements Memory.StoreListener {
  private final Machine m;
  private final List<TraceStep> steps = new ArrayList<>();
  private final long[] regs = new long[16];
  private long rflags;
  private long undefined;
  private long fs;
  private long gs;
  private final List<TraceStep.Change> stores = new ArrayList<>();
  private String routine;
  private int index;
  private String instruction;
  private SourcePos pos;

  Tracer(Machine m) {
    this.m = m;
    m.memory.listener(this);
  }

  /** Instruction {@code index} of {@code program} starts. */
  void begin(RoutineProgram program, int index) {
    Instr in = program.lowered().at(index);
    open(program.routine().symbol(), index, in.toString(), in.pos());
  }

  /** A bound model of {@code symbol} is called. */
  void external(String symbol) {
    open(symbol, -1, "(model of " + symbol + ")", SourcePos.NONE);
  }

  private void open(String routine, int index, String instruction, SourcePos pos) {
    close();
    this.routine = routine;
    this.index = index;
    this.instruction = instruction;
    this.pos = pos;
    System.arraycopy(m.r, 0, regs, 0, 16);
    rflags = m.rflags;
    undefined = m.undefinedFlags;
    fs = m.fsBase;
    gs = m.gsBase;
  }

  private void close() {
    if (routine == null) {
      return;
    }
    List<TraceStep.Change> changes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      if (regs[i] != m.r[i]) {
        changes.add(new TraceStep.RegisterChange(Reg.gpr(i), regs[i], m.r[i]));
      }
    }
    if (rflags != m.rflags || undefined != m.undefinedFlags) {
      changes.add(new TraceStep.FlagsChange(rflags, m.rflags, undefined, m.undefinedFlags));
    }
    if (fs != m.fsBase) {
      changes.add(new TraceStep.SegmentChange("FS", fs, m.fsBase));
    }
    if (gs != m.gsBase) {
      changes.add(new TraceStep.SegmentChange("GS", gs, m.gsBase));
    }
    changes.addAll(stores);
    stores.clear();
    steps.add(new TraceStep(routine, index, instruction, pos, changes));
    routine = null;
  }

  @Override
  public void stored(long address, int bytes, long old, long value) {
    if (routine == null) {
      return; // the run's own setup, such as pushing the final return address
    }
    stores.add(new TraceStep.Store(address, bytes, old, value & Machine.mask(8 * bytes)));
  }

  /** Ends the trace: closes the last step and detaches from the memory. */
  Trace finish(Trap trap, Long exitStatus) {
    close();
    m.memory.listener(null);
    String outcome = trap != null ? trap.toString() : exitStatus != null ? "exit(" + exitStatus + ")" : "returned";
    return new Trace(steps, outcome);
  }
}
