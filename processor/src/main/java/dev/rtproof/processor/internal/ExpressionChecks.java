package dev.rtproof.processor.internal;

import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.processor.internal.ContractReader.ReadContract;
import dev.rtproof.processor.internal.RoutineReader.ReadRoutine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the expressions of routines ({@code @Requires}, {@code @Ensures}, {@code ASSERT}) and of contracts
 * against a program's names before anything is verified, so a typo is an error on its own line rather than
 * an ERROR verdict.
 */
final class ExpressionChecks {
  private final Diagnostics diags;
  private final Set<String> checkedContracts = new HashSet<>();

  ExpressionChecks(Diagnostics diags) {
    this.diags = diags;
  }

  /** True when every expression of {@code r} parses; reports each one that does not. */
  boolean routineParses(ReadRoutine r, Names names) {
    boolean ok = true;
    List<Condition> conditions = new ArrayList<>(r.routine().requires());
    for (PropertySpec p : r.routine().properties()) {
      if (p.name().equals(PropertySpec.ENSURES)) {
        conditions.add(new Condition(p.args().get(0), p.pos()));
      }
    }
    for (Assertion a : r.routine().assertions()) {
      conditions.add(new Condition(a.expression(), a.pos()));
    }
    for (Condition c : conditions) {
      try {
        ExprParser.parseCondition(c.expression(), names);
      } catch (ExprException e) {
        diags.error("bad-expression", "\"" + c.expression() + "\", column " + e.column() + ": " + e.getMessage(),
            r.treeAt(c.pos()), r.cu());
        ok = false;
      }
    }
    return ok;
  }

  /** Parses each contract's conditions and write ranges once, against the names of the first program using it. */
  void contractsParse(Collection<ReadContract> contracts, Names names) {
    for (ReadContract c : contracts) {
      if (!checkedContracts.add(c.contract().symbol())) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String w : c.contract().writes()) {
        values.addAll(List.of(w.split("\\.\\.", -1)));
      }
      try {
        for (String e : c.contract().ensures()) {
          ExprParser.parseCondition(e, names);
        }
        for (String v : values) {
          ExprParser.parse(v.trim(), names);
        }
      } catch (ExprException e) {
        diags.error("bad-expression", "@Contract(" + c.contract().symbol() + "), column " + e.column() + ": "
            + e.getMessage(), c.tree(), c.cu());
      }
    }
  }
}
