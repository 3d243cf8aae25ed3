package dev.rtproof.emulator.random;

import static dev.rtproof.dsl.ir.Op.*;

import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Writes the body of one random routine: data instructions mixed with the structures the features
 * allow (branches, loops, stack operations, OS calls, calls, one trap). Keeps the invariants
 * {@link RandomPrograms} promises: forward branches that never cross a stack operation or a loop edge,
 * balanced pushes, memory only in the scratch buffer and pushed words.
 */
final class RoutineWriter {
  /** A label a forward branch goes to, placed before the instruction {@code remaining} emits ahead. */
  private static final class Pending {
    final String name;
    int remaining;

    Pending(String name, int remaining) {
      this.name = name;
      this.remaining = remaining;
    }
  }

  private final String symbol;
  private final int frame;
  private final RandomOperands o;
  private final Set<Feature> f;
  private final String helper;
  private final RandomPrograms.TrapBudget traps;
  private final DataOps data;
  private Routine.Builder b;
  private final List<Pending> open = new ArrayList<>();
  /** Stack operations not yet undone, innermost first: 8 for a PUSHQ, −n for an ADJSP $n. */
  private final Deque<Integer> stack = new ArrayDeque<>();
  private int emitted;
  private int labels;
  private int line = 1;
  private boolean inLoop;
  private boolean ended;

  RoutineWriter(String symbol, int frame, RandomOperands o, Set<Feature> features, String helper,
      RandomPrograms.TrapBudget traps) {
    this.symbol = symbol;
    this.frame = frame;
    this.o = o;
    this.f = features;
    this.helper = helper;
    this.traps = traps;
    this.data = new DataOps(o, this::emit);
  }

  Routine write(int length) {
    b = Routine.builder(symbol, "GO1_19").flags(TextFlags.NOSPLIT | (frame == 0 ? TextFlags.NOFRAME : 0))
        .frame(frame).source("random/" + symbol.substring(1) + ".s", symbol);
    b.declaredAt(0, 1);
    while (emitted < length && !ended) {
      step(length - emitted);
    }
    closeLabels();
    while (!stack.isEmpty() && !ended) {
      undoStack();
    }
    // After an exit the RET is dead code, but labels still need an instruction to stand before.
    if (!ended && helper != null && o.chance(20)) {
      emit(JMP, Mem.symbol(helper, 0)); // a tail call: the helper returns to our caller
    } else {
      emit(RET);
    }
    return b.build();
  }

  private void step(int left) {
    int k = o.rnd(100);
    if (k < 8 && f.contains(Feature.BRANCHES)) {
      branch();
    } else if (k < 12 && f.contains(Feature.LOOPS) && !inLoop && left >= 6) {
      loop();
    } else if (k < 20 && f.contains(Feature.STACK) && !inLoop) {
      stackOp();
    } else if (k < 22 && f.contains(Feature.DIRECTION)) {
      emit(o.chance(50) ? CLD : STD);
    } else if (k < 24 && f.contains(Feature.HINTS)) {
      emit(o.pick(new Op[] {NOP, PAUSE, BYTE}));
    } else if (k < 25 && f.contains(Feature.PCALIGN)) {
      emit(PCALIGN, new Imm(o.chance(50) ? 8 : 16));
    } else if (k < 29 && f.contains(Feature.SYSCALLS)) {
      syscall();
    } else if (k < 31 && f.contains(Feature.CPUID)) {
      cpuid();
    } else if (k < 34 && f.contains(Feature.CALLS) && helper != null) {
      call();
    } else if (k < 37 && f.contains(Feature.ADDRESSES)) {
      address();
    } else if (k < 40 && f.contains(Feature.TLS)) {
      tls();
    } else if (k < 42 && f.contains(Feature.TRAPS) && traps.take()) {
      trap();
    } else if (k < 50 && f.contains(Feature.STACK) && pushedWords() > 0) {
      stackSlot();
    } else {
      data.any(f.contains(Feature.MEMORY), f.contains(Feature.HINTS));
    }
  }

  // ---- emitting ------------------------------------------------------------------------------------

  private void emit(Op op, Operand... args) {
    placeDueLabels();
    if (op == BYTE) {
      args = new Operand[] {new Imm(0x90)};
    }
    b.at(line++, 1).instr(op, args);
    emitted++;
    for (Pending p : open) {
      p.remaining--;
    }
  }

  private void placeDueLabels() {
    for (Iterator<Pending> it = open.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.remaining <= 0) {
        b.at(line, 1).label(p.name);
        it.remove();
      }
    }
  }

  /** Makes every pending label land before the next instruction: a barrier no branch may cross. */
  private void closeLabels() {
    for (Pending p : open) {
      p.remaining = 0;
    }
  }

  private String newLabel() {
    return "L" + labels++;
  }

  // ---- control flow ------------------------------------------------------------------------------------

  /** A forward branch, usually right after the instruction whose flags it tests, as real code has it. */
  private void branch() {
    switch (o.rnd(5)) {
      case 0, 1 -> data.compare(f.contains(Feature.MEMORY));
      case 2 -> data.test(f.contains(Feature.MEMORY));
      case 3 -> data.any(f.contains(Feature.MEMORY), false);
      default -> { }
    }
    String l = newLabel();
    open.add(new Pending(l, o.between(1, 5)));
    if (o.chance(85)) {
      emit(FlagGuard.jump(o.pick(Cond.values())), new LabelRef(l));
    } else {
      emit(JMP, new LabelRef(l));
    }
  }

  /** {@code MOVQ $k, R12; Ln: body; DECQ R12; JNE Ln}, with k in 1…4 and no stack operation inside. */
  private void loop() {
    closeLabels();
    emit(MOVQ, new Imm(o.between(1, 4)), RandomPrograms.COUNTER);
    String l = newLabel();
    placeDueLabels();
    b.at(line, 1).label(l);
    inLoop = true;
    int body = o.between(2, 6);
    for (int i = 0; i < body && !ended; i++) {
      step(0);
    }
    inLoop = false;
    if (ended) {
      return;
    }
    closeLabels();
    switch (o.rnd(3)) {
      case 0 -> emit(DECQ, RandomPrograms.COUNTER);
      case 1 -> emit(SUBQ, new Imm(1), RandomPrograms.COUNTER);
      default -> emit(DECL, RandomPrograms.COUNTER);
    }
    emit(JNE, new LabelRef(l));
  }

  // ---- the stack -----------------------------------------------------------------------------------------

  private void stackOp() {
    closeLabels();
    if (stack.isEmpty() || (stack.size() < 4 && o.chance(55))) {
      if (o.chance(80)) {
        emit(PUSHQ, o.source(64, f.contains(Feature.MEMORY)));
        stack.push(8);
      } else {
        int n = 8 * o.between(1, 3);
        emit(ADJSP, new Imm(n));
        stack.push(-n);
      }
    } else {
      undoStack();
    }
  }

  private void undoStack() {
    closeLabels();
    int top = stack.pop();
    if (top == 8) {
      Operand dst = f.contains(Feature.MEMORY) && o.chance(25) ? o.scratch(8) : o.reg(64, false);
      emit(POPQ, dst);
    } else {
      emit(ADJSP, new Imm(top));
    }
  }

  /** How many pushed words lie at the top of the stack, above any ADJSP space (which holds garbage on a CPU). */
  private int pushedWords() {
    int n = 0;
    for (int e : stack) {
      if (e != 8) {
        break;
      }
      n++;
    }
    return n;
  }

  /** A read or write of a pushed word through {@code off(SP)}. */
  private void stackSlot() {
    Mem slot = Mem.reg(8L * o.rnd(pushedWords()), Reg.SP);
    switch (o.rnd(3)) {
      case 0 -> emit(MOVQ, slot, o.reg(64, false));
      case 1 -> emit(MOVQ, o.chance(50) ? o.reg(64, false) : o.imm(64), slot);
      default -> emit(o.pick(new Op[] {ADDQ, SUBQ, XORQ, ANDQ, ORQ}), o.reg(64, false), slot);
    }
  }

  // ---- the operating system, CPUID, calls, addresses, TLS, traps ---------------------------------------

  private void syscall() {
    closeLabels(); // a sequence: no branch may land inside it
    switch (o.rnd(20)) {
      case 0, 1, 2, 3, 4 -> emit(MOVQ, new Imm(Linux.SYS_gettid), Reg.AX);
      case 5, 6, 7, 8 -> {
        // FS stays where TLS operands expect it, or Linux refuses the new base with -EPERM.
        if (o.chance(70)) {
          emit(LEAQ, Mem.reg(InitialState.FS_OFFSET, RandomPrograms.BASE), Reg.SI);
        } else {
          emit(MOVQ, new Imm(o.chance(50) ? Linux.TASK_SIZE_MAX : -8), Reg.SI);
        }
        emit(MOVQ, new Imm(Linux.ARCH_SET_FS), Reg.DI);
        emit(MOVQ, new Imm(Linux.SYS_arch_prctl), Reg.AX);
      }
      case 9, 10, 11, 12 -> {
        emit(LEAQ, Mem.reg(8L * o.rnd(RandomPrograms.SCRATCH_SIZE / 8), RandomPrograms.BASE), Reg.SI);
        emit(MOVQ, new Imm(o.chance(50) ? Linux.ARCH_GET_FS : Linux.ARCH_GET_GS), Reg.DI);
        emit(MOVQ, new Imm(Linux.SYS_arch_prctl), Reg.AX);
      }
      case 13, 14, 15, 16, 17, 18 -> {
        emit(MOVQ, new Imm(o.between(1, 2)), Reg.DI);
        int off = o.rnd(RandomPrograms.SCRATCH_SIZE);
        emit(LEAQ, Mem.reg(off, RandomPrograms.BASE), Reg.SI);
        emit(MOVQ, new Imm(o.between(0, RandomPrograms.SCRATCH_SIZE - off)), Reg.DX);
        emit(MOVQ, new Imm(Linux.SYS_write), Reg.AX);
      }
      default -> {
        emit(MOVQ, new Imm(o.between(0, 255)), Reg.DI);
        emit(MOVQ, new Imm(Linux.SYS_exit_group), Reg.AX);
        emit(SYSCALL);
        ended = true;
        return;
      }
    }
    emit(SYSCALL);
  }

  private void cpuid() {
    closeLabels(); // a sequence: no branch may land inside it
    if (o.chance(70)) {
      emit(MOVL, new Imm(new int[] {0, 1, 2, 7}[o.rnd(4)]), Reg.AX);
      emit(CPUID);
    } else {
      emit(XORL, Reg.CX, Reg.CX);
      emit(XGETBV);
    }
  }

  private void call() {
    closeLabels(); // a sequence: no branch may land inside it
    if (o.chance(70)) {
      emit(CALL, Mem.symbol(helper, 0));
    } else {
      Reg r = o.dataReg();
      emit(MOVQ, new SymAddr(helper, 0), r);
      emit(CALL, r);
    }
  }

  private void address() {
    Reg r = o.reg(64, false);
    switch (o.rnd(3)) {
      case 0 -> emit(MOVQ, new SymAddr(RandomPrograms.SCRATCH, o.rnd(RandomPrograms.SCRATCH_SIZE)), r);
      case 1 -> emit(LEAQ, o.scratch(1), r);
      default -> emit(MOVQ, new SymAddr(RandomPrograms.SCRATCH, 8L * o.rnd(8)), o.scratch(8));
    }
  }

  /** {@code get_tls(r)} then a load or store through {@code g(r)}: -8(FS) plus a displacement, in the buffer. */
  private void tls() {
    Reg r = o.dataReg();
    placeDueLabels();
    b.at(line++, 1).getTls(r);
    emitted++;
    open.forEach(p -> p.remaining--);
    long disp = 8L * o.between(-16, 15);
    Mem g = Mem.tls(disp, r);
    if (o.chance(50)) {
      emit(MOVQ, g, o.reg(64, false));
    } else {
      emit(MOVQ, o.chance(50) ? o.reg(64, false) : o.imm(64), g);
    }
  }

  private void trap() {
    closeLabels(); // a sequence: no branch may land inside it
    switch (o.rnd(8)) {
      case 0 -> emit(INT, new Imm(3));
      case 1 -> emit(UNDEF);
      case 2 -> emit(MOVL, new Imm(0xf1), Mem.absolute(0xf1));
      case 3 -> emit(MOVQ, Reg.AX, Mem.reg(RandomPrograms.SCRATCH_SIZE - o.rnd(4), RandomPrograms.BASE));
      case 4 -> {
        emit(MOVQ, new Imm(999), Reg.AX);
        emit(SYSCALL);
      }
      case 5 -> emit(CALL, Mem.symbol("runtime·abort", 0));
      case 6 -> emit(CALL, Mem.symbol("runtime·nowhere", 0));
      default -> {
        emit(MOVL, new Imm(1), Reg.CX);
        emit(XGETBV);
      }
    }
  }
}
