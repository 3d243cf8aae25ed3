package dev.rtproof.emulator.random;

import static dev.rtproof.emulator.Flags.AF;
import static dev.rtproof.emulator.Flags.CF;
import static dev.rtproof.emulator.Flags.OF;
import static dev.rtproof.emulator.Flags.PF;
import static dev.rtproof.emulator.Flags.SF;
import static dev.rtproof.emulator.Flags.STATUS;
import static dev.rtproof.emulator.Flags.ZF;

import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps random programs deterministic on real CPUs: a conditional jump must not read a flag that an
 * earlier instruction may have left undefined (the SDM leaves OF undefined after a shift by more than
 * one, for instance). A forward data-flow analysis finds the flags that may be undefined before each
 * instruction; a jump reading one gets a condition that reads none, or becomes a NOP.
 */
final class FlagGuard {
  private FlagGuard() {}

  static Routine apply(Routine r) {
    List<Instr> code = r.instrs();
    long[] maybe = analyse(r);
    List<Instr> out = new ArrayList<>(code.size());
    boolean changed = false;
    for (int i = 0; i < code.size(); i++) {
      Instr in = code.get(i);
      if (in.op().form() == Op.Form.JCC && (reads(in.op().cond()) & maybe[i]) != 0) {
        in = safe(in, maybe[i]);
        changed = true;
      }
      out.add(in);
    }
    if (!changed) {
      return r;
    }
    return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), out, r.labels(), r.requires(),
        r.properties(), r.go(), r.unroll(), r.assertions(), r.pos(), r.origin());
  }

  /** The first condition after the jump's own (in {@link Cond} order, cyclically) that reads no such flag. */
  private static Instr safe(Instr in, long maybe) {
    Cond[] conds = Cond.values();
    for (int k = 1; k < conds.length; k++) {
      Cond c = conds[(in.op().cond().ordinal() + k) % conds.length];
      if ((reads(c) & maybe) == 0) {
        return new Instr(jump(c), in.args(), in.pos(), in.origin());
      }
    }
    return new Instr(Op.NOP, List.of(), in.pos(), in.origin());
  }

  static Op jump(Cond c) {
    for (Op op : Op.values()) {
      if (op.cond() == c) {
        return op;
      }
    }
    throw new IllegalArgumentException(c.name());
  }

  /** The status flags a condition reads. */
  static long reads(Cond c) {
    return switch (c) {
      case EQ, NE -> ZF;
      case LS, HI -> CF | ZF;
      case CS, CC -> CF;
      case LT, GE -> SF | OF;
      case GT, LE -> ZF | SF | OF;
      case MI, PL -> SF;
      case OS, OC -> OF;
      case PS, PC -> PF;
    };
  }

  /** The flags that may be undefined before each instruction (a fixed point over all paths). */
  private static long[] analyse(Routine r) {
    List<Instr> code = r.instrs();
    long[] before = new long[code.size() + 1];
    boolean[] reached = new boolean[code.size() + 1];
    reached[0] = true;
    boolean again = true;
    while (again) {
      again = false;
      for (int i = 0; i < code.size(); i++) {
        if (!reached[i]) {
          continue;
        }
        Instr in = code.get(i);
        long after = transfer(in, before[i]);
        for (int s : successors(r, i)) {
          if (!reached[s] || (before[s] | after) != before[s]) {
            reached[s] = true;
            before[s] |= after;
            again = true;
          }
        }
      }
    }
    return before;
  }

  private static int[] successors(Routine r, int i) {
    Instr in = r.instrs().get(i);
    int target = -1;
    if (in.op().isBranch() && in.args().size() == 1) {
      if (in.arg(0) instanceof LabelRef l) {
        target = r.labelIndex(l.name());
      } else if (in.arg(0) instanceof PcRel pc) {
        target = i + pc.n();
      }
    }
    return switch (in.op().form()) {
      case JCC -> target >= 0 ? new int[] {i + 1, target} : new int[] {i + 1};
      case JMP -> target >= 0 ? new int[] {target} : new int[0];
      case RET -> new int[0];
      case CALL -> target >= 0 ? new int[] {i + 1, target} : new int[] {i + 1};
      default -> new int[] {i + 1};
    };
  }

  private static long transfer(Instr in, long maybe) {
    Op op = in.op();
    return switch (op.form()) {
      case ALU, CMP, TEST -> switch (op) {
        case ANDQ, ANDL, ORQ, ORL, XORQ, XORL -> AF;
        default -> op.form() == Op.Form.TEST ? AF : 0;
      };
      case CMPXCHG, ADJSP -> 0;
      case UNARY -> switch (op) {
        case NOTQ -> maybe;
        case INCQ, INCL, DECQ, DECL -> maybe & CF;
        default -> 0;
      };
      case SHIFT -> {
        if (in.arg(0) instanceof Imm count) {
          long c = count.value() & (op.width() == 64 ? 63 : 31);
          yield c == 0 ? maybe : c == 1 ? AF : AF | OF;
        }
        yield maybe | AF | OF;
      }
      // A callee may leave anything undefined.
      case CALL -> STATUS;
      default -> maybe;
    };
  }
}
