package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Structural checks every routine must pass before it is lowered, whether it came from Java or {@code .s}. */
public final class RoutineChecks {
  private RoutineChecks() {}

  /**
   * The assembler's own SP check ({@code obj6.go preprocess}): PUSHQ, POPQ and ADJSP move a tracked SP
   * delta in program order; at each RET it must be back to zero ("unbalanced PUSH/POP"), and after a RET it
   * is zero again, since what follows is reached by a branch from inside the frame. {@code go tool asm}
   * rejects such a routine; rtproof reports it as a warning so that a deliberately unbalanced routine (a
   * mutant) can still be run and shown VIOLATED by {@code stack-balance}.
   */
  public static List<Problem> stackBalance(Routine r) {
    List<Problem> problems = new ArrayList<>();
    long delta = 0;
    for (Instr in : r.instrs()) {
      switch (in.op()) {
        case PUSHQ -> delta += 8;
        case POPQ -> delta -= 8;
        case ADJSP -> delta += in.arg(0) instanceof Imm imm ? imm.value() : 0;
        case RET -> {
          if (delta != 0) {
            problems.add(new Problem("unbalanced-push-pop", "unbalanced PUSH/POP: SP is " + Math.abs(delta)
                + " bytes " + (delta > 0 ? "below" : "above") + " the frame at this RET", in.pos()));
          }
          delta = 0;
        }
        default -> { }
      }
    }
    return problems;
  }

  /**
   * {@code LOCK} is its own assembler instruction and prefixes the next one, which the CPU requires to be a
   * read-modify-write of memory (ADD, SUB, AND, OR, XOR, INC, DEC, NEG, NOT, XCHG, CMPXCHG; anything else
   * raises #UD). {@code go tool asm} does not check this. An unmodelled next instruction is not judged.
   */
  static List<Problem> lockTargets(Routine r) {
    List<Problem> problems = new ArrayList<>();
    List<Instr> in = r.instrs();
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).op() != Op.LOCK) {
        continue;
      }
      Instr next = i + 1 < in.size() ? in.get(i + 1) : null;
      if (next != null && next.op() == Op.UNSUPPORTED) {
        continue;
      }
      boolean lockable = next != null && switch (next.op().form()) {
        case ALU, UNARY, XCHG, CMPXCHG -> true;
        default -> false;
      };
      boolean toMemory = lockable && next.args().stream().anyMatch(o -> o instanceof Mem);
      if (!toMemory) {
        problems.add(new Problem("lock-target", "LOCK must precede a read-modify-write of memory (ADD, SUB, AND, OR,"
            + " XOR, INC, DEC, NEG, NOT, XCHG, CMPXCHG to memory), not " + (next == null ? "the end of "
            + r.symbol() : next.toString()) + "; the CPU raises #UD", in.get(i).pos()));
      }
    }
    return problems;
  }

  public static List<Problem> check(Routine r) {
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LabelDef l : r.labels()) {
      if (!seen.add(l.name())) {
        problems.add(new Problem("duplicate-label", "label '" + l.name() + "' is defined twice in " + r.symbol(), l.pos()));
      }
      if (l.index() >= r.instrs().size()) {
        problems.add(new Problem("label-at-end", "label '" + l.name() + "' labels no instruction", l.pos()));
      }
    }
    for (int i = 0; i < r.instrs().size(); i++) {
      Instr in = r.instrs().get(i);
      if (!in.op().isBranch() || in.args().size() != 1) {
        continue;
      }
      Operand t = in.arg(0);
      if (t instanceof LabelRef ref && r.labelIndex(ref.name()) < 0) {
        problems.add(new Problem("unknown-label", "no label '" + ref.name() + "' in " + r.symbol(), in.pos()));
      } else if (t instanceof PcRel pc) {
        int target = i + pc.n();
        if (target < 0 || target >= r.instrs().size()) {
          problems.add(new Problem("pc-out-of-range", pc + " from instruction " + (i + 1) + " of " + r.instrs().size()
              + " lands " + (target < 0 ? "before the first" : "after the last") + " instruction", in.pos()));
        }
      }
    }
    for (Assertion a : r.assertions()) {
      if (a.index() >= r.instrs().size()) {
        problems.add(new Problem("assertion-at-end", (a.assume() ? "ASSUME" : "ASSERT") + "(\"" + a.expression()
            + "\") precedes no instruction; it must come before the instruction it is about", a.pos()));
      }
    }
    Target target = Target.byName(r.target());
    for (Instr in : r.instrs()) {
      for (Operand o : in.args()) {
        if (o instanceof Mem m && m.kind() == Mem.Kind.LOCAL && (m.disp() >= 0 || -m.disp() > Math.max(r.frame(), 0))) {
          problems.add(new Problem("local-out-of-frame", m + " is outside " + r.symbol() + "'s " + Math.max(r.frame(), 0)
              + "-byte frame (locals are name-off(SP) with 0 < off ≤ frame)", in.pos()));
        }
      }
      if (in.op() == Op.PCALIGN && target != null && target.profile().goMinor() < 21) {
        problems.add(new Problem("target-unsupported", "PCALIGN is not an amd64 instruction before Go 1.21; "
            + r.symbol() + " targets " + target.profile().goVersion(), in.pos()));
      }
    }
    problems.addAll(lockTargets(r));
    if (r.instrs().isEmpty()) {
      problems.add(new Problem("empty-routine", r.symbol() + " has no instructions", r.pos()));
    }
    return problems;
  }
}
