package dev.rtproof.emulator.conformance;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.RoutineChecks;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.random.InitialState;
import dev.rtproof.emulator.random.RandomCase;
import dev.rtproof.emulator.random.RandomPrograms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a case the CPU and the emulator disagree on to a minimal one that still disagrees: first
 * the program (dropping instructions, and push/pop pairs, while the program stays one the generator
 * could have written), then the initial state (zeroing registers, flags, the buffer). Each round runs
 * all candidates natively in one batch and keeps the first that still disagrees.
 */
final class Shrinker {
  private final GoHarness go;

  Shrinker(GoHarness go) {
    this.go = go;
  }

  /** A still-failing case that no single reduction keeps failing, with its mismatch. */
  record Shrunk(RandomCase c, String mismatch) {}

  Shrunk shrink(RandomCase failing, String mismatch) throws Exception {
    Shrunk best = new Shrunk(failing, mismatch);
    for (boolean progress = true; progress; ) {
      progress = false;
      for (Function<RandomCase, List<RandomCase>> reductions : List.<Function<RandomCase, List<RandomCase>>>of(
          Shrinker::programReductions, Shrinker::stateReductions)) {
        Shrunk next = firstFailing(reductions.apply(best.c()));
        if (next != null) {
          best = next;
          progress = true;
          break;
        }
      }
    }
    return best;
  }

  private Shrunk firstFailing(List<RandomCase> candidates) throws Exception {
    List<RandomCase> valid = new ArrayList<>();
    for (RandomCase c : candidates) {
      if (valid(c)) {
        valid.add(c);
      }
    }
    if (valid.isEmpty()) {
      return null;
    }
    List<NativeState> cpu = go.run(valid);
    for (int i = 0; i < valid.size(); i++) {
      RunResult emulated = Conformance.emulate(valid.get(i), cpu.get(i).bodySp());
      String mismatch = Conformance.mismatch(valid.get(i), emulated, cpu.get(i));
      if (mismatch != null) {
        return new Shrunk(valid.get(i), mismatch);
      }
    }
    return null;
  }

  private static List<RandomCase> programReductions(RandomCase c) {
    Routine r = c.entry();
    List<RandomCase> out = new ArrayList<>();
    int last = r.instrs().size() - 1;
    for (int i = 0; i < last; i++) {
      int partner = partner(r, i);
      if (partner > i) {
        out.add(c.with(List.of(without(r, i, partner)), c.state()));
      }
      out.add(c.with(List.of(without(r, i, -1)), c.state()));
    }
    return out;
  }

  private static List<RandomCase> stateReductions(RandomCase c) {
    InitialState s = c.state();
    List<RandomCase> out = new ArrayList<>();
    if (!java.util.Arrays.equals(s.scratch(), new byte[RandomPrograms.SCRATCH_SIZE])) {
      out.add(c.with(c.routines(), s.withZeroScratch()));
    }
    if (s.statusFlags() != 0) {
      out.add(c.with(c.routines(), new InitialState(s.registers(), 0, s.scratch())));
    }
    for (int n = 0; n < 16; n++) {
      if (n != Reg.SP.number() && n != RandomPrograms.BASE.number() && s.registers()[n] != 0) {
        out.add(c.with(c.routines(), s.withRegister(n, 0)));
      }
    }
    return out;
  }

  /** For a PUSHQ or ADJSP $n, the index of the POPQ or ADJSP $-n that undoes it; else -1. */
  private static int partner(Routine r, int i) {
    Op op = r.instrs().get(i).op();
    if (op != Op.PUSHQ && !(op == Op.ADJSP && ((Imm) r.instrs().get(i).arg(0)).value() > 0)) {
      return -1;
    }
    int depth = 0;
    for (int j = i; j < r.instrs().size(); j++) {
      depth += stackDelta(r.instrs().get(j));
      if (depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static long stackDelta(Instr in) {
    return switch (in.op()) {
      case PUSHQ -> 8;
      case POPQ -> -8;
      case ADJSP -> ((Imm) in.arg(0)).value();
      default -> 0;
    };
  }

  private static Routine without(Routine r, int a, int b) {
    List<Instr> code = new ArrayList<>();
    for (int i = 0; i < r.instrs().size(); i++) {
      if (i != a && i != b) {
        code.add(r.instrs().get(i));
      }
    }
    List<LabelDef> labels = new ArrayList<>();
    for (LabelDef l : r.labels()) {
      int shift = (a < l.index() ? 1 : 0) + (b >= 0 && b < l.index() ? 1 : 0);
      labels.add(new LabelDef(l.name(), l.index() - shift, l.pos()));
    }
    return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), code, labels, r.requires(),
        r.properties(), r.go(), r.unroll(), r.assertions(), r.pos(), r.origin());
  }

  /**
   * True when the generator could have written {@code c}: well-formed, pushes balanced with no branch
   * across a stack operation, {@code off(SP)} only on pushed words, LOCK only before a memory
   * read-modify-write, no branch on a possibly undefined flag, and the emulator returns from it.
   */
  static boolean valid(RandomCase c) {
    Routine r = c.entry();
    if (!RoutineChecks.check(r).isEmpty() || !stackDiscipline(r) || !locksPrefixMemoryWrites(r)
        || !RandomPrograms.readsOnlyDefinedFlags(r)) {
      return false;
    }
    Emulator e = c.interpreter();
    Machine m = c.machine(e);
    m.stepLimit(100_000);
    return e.run(m, r.symbol()).returned();
  }

  private static boolean stackDiscipline(Routine r) {
    Deque<Long> stack = new ArrayDeque<>();
    List<Instr> code = r.instrs();
    int[] depthAt = new int[code.size() + 1];
    for (int i = 0; i < code.size(); i++) {
      Instr in = code.get(i);
      depthAt[i] = stack.size();
      long d = stackDelta(in);
      if (d > 0) {
        stack.push(in.op() == Op.PUSHQ ? 8 : -d);
      } else if (d < 0) {
        if (stack.isEmpty() || stack.pop() != (in.op() == Op.POPQ ? 8 : d)) {
          return false;
        }
      }
      for (var o : in.args()) {
        if (o instanceof Mem m && m.base() == Reg.SP && m.disp() >= 8L * pushedWords(stack)) {
          return false;
        }
      }
    }
    if (!stack.isEmpty()) {
      return false;
    }
    for (int i = 0; i < code.size(); i++) {
      Instr in = code.get(i);
      if (in.op().isBranch() && in.arg(0) instanceof dev.rtproof.dsl.ir.LabelRef l) {
        int t = r.labelIndex(l.name());
        for (int j = Math.min(i, t) + (t > i ? 1 : 0); j < Math.max(i, t); j++) {
          if (stackDelta(code.get(j)) != 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static int pushedWords(Deque<Long> stack) {
    int n = 0;
    for (long e : stack) {
      if (e != 8) {
        break;
      }
      n++;
    }
    return n;
  }

  private static boolean locksPrefixMemoryWrites(Routine r) {
    List<Instr> code = r.instrs();
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).op() != Op.LOCK) {
        continue;
      }
      int next = i + 1;
      Instr in = next < code.size() ? code.get(next) : null;
      boolean lockable = in != null && !in.args().isEmpty() && in.last() instanceof Mem
          && switch (in.op().form()) {
            case ALU, UNARY, XCHG, CMPXCHG -> true;
            default -> false;
          };
      if (!lockable || r.labels().stream().anyMatch(l -> l.index() == next)) {
        return false;
      }
    }
    return true;
  }
}
