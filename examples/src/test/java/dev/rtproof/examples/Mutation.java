package dev.rtproof.examples;

import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One deliberate bug in a routine's IR, named by the instruction it touches as it prints
 * ({@code "ADDQ $8, DI"}; {@code "POPQ AX#2"} is the second of two): drop it, change its mnemonic or
 * operands, or insert one before it. Labels and assertions after an edit keep pointing at the same
 * instructions.
 */
final class Mutation {
  private Mutation() {}

  /** Drops the instruction that prints as {@code text}. */
  static UnaryOperator<Routine> drop(String text) {
    return r -> {
      int i = indexOf(r, text);
      List<Instr> instrs = new ArrayList<>(r.instrs());
      instrs.remove(i);
      return with(r, instrs, i, -1);
    };
  }

  /** Replaces the mnemonic of the instruction that prints as {@code text}, keeping its operands. */
  static UnaryOperator<Routine> op(String text, Op op) {
    return r -> replaceAt(r, indexOf(r, text), in -> new Instr(op, in.args(), in.pos(), in.origin()));
  }

  /** Replaces the instruction that prints as {@code text} by {@code op} with {@code args}. */
  static UnaryOperator<Routine> replace(String text, Op op, Operand... args) {
    return r -> replaceAt(r, indexOf(r, text), in -> new Instr(op, Arrays.asList(args), in.pos(), in.origin()));
  }

  /** Inserts {@code op args} before the instruction that prints as {@code text}. */
  static UnaryOperator<Routine> insertBefore(String text, Op op, Operand... args) {
    return r -> {
      int i = indexOf(r, text);
      List<Instr> instrs = new ArrayList<>(r.instrs());
      instrs.add(i, new Instr(op, Arrays.asList(args), r.instrs().get(i).pos(), Instr.Origin.SOURCE));
      return with(r, instrs, i, +1);
    };
  }

  /** Replaces the routine's requirements. */
  static UnaryOperator<Routine> requires(String... expressions) {
    return r -> new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), r.instrs(), r.labels(),
        Arrays.stream(expressions).map(e -> new Condition(e, SourcePos.NONE)).toList(), r.properties(), r.go(),
        r.unroll(), r.assertions(), r.pos(), r.origin());
  }

  private static Routine replaceAt(Routine r, int i, UnaryOperator<Instr> change) {
    List<Instr> instrs = new ArrayList<>(r.instrs());
    instrs.set(i, change.apply(instrs.get(i)));
    return with(r, instrs, i, 0);
  }

  /**
   * The index of the instruction of {@code r} that prints as {@code text}: the only one, or with a
   * {@code #n} suffix the n-th.
   */
  static int indexOf(Routine r, String text) {
    int hash = text.lastIndexOf('#');
    String printed = hash < 0 ? text : text.substring(0, hash);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < r.instrs().size(); i++) {
      if (r.instrs().get(i).toString().equals(printed)) {
        found.add(i);
      }
    }
    int n = hash < 0 ? 1 : Integer.parseInt(text.substring(hash + 1));
    if (found.size() < n || (hash < 0 && found.size() > 1)) {
      throw new IllegalArgumentException(r.symbol() + " has " + found.size() + " instructions " + printed
          + (hash < 0 ? "" : ", not " + n) + "; it has " + r.instrs().stream().map(Instr::toString).toList());
    }
    return found.get(n - 1);
  }

  /**
   * {@code r} with {@code instrs}, the labels and assertions at or after {@code at} moved by {@code shift}
   * (an insertion moves the instruction at {@code at} itself; a removal moves the ones after it).
   */
  private static Routine with(Routine r, List<Instr> instrs, int at, int shift) {
    int from = shift < 0 ? at + 1 : at;
    List<LabelDef> labels = r.labels().stream()
        .map(l -> l.index() >= from ? new LabelDef(l.name(), l.index() + shift, l.pos()) : l).toList();
    List<Assertion> assertions = r.assertions().stream()
        .map(a -> a.index() >= from ? new Assertion(a.index() + shift, a.expression(), a.assume(), a.pos()) : a).toList();
    return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), instrs, labels, r.requires(),
        r.properties(), r.go(), r.unroll(), assertions, r.pos(), r.origin());
  }
}
