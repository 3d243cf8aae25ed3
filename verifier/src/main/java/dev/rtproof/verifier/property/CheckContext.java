package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.expr.Expr;
import dev.rtproof.dsl.expr.ExprException;
import dev.rtproof.dsl.expr.ExprParser;
import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.ExprTranslator;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.Obligation;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/** What a check needs: the solver helpers, the environment, where to record, and the entry state. */
public final class CheckContext {
  public final Smt smt;
  public final Environment env;
  public final PropertySpec spec;
  public final Names names;
  private final Findings findings;
  private final SymState entry;
  private final PathOracle oracle;

  public CheckContext(Environment env, Findings findings, PropertySpec spec, Names names, SymState entry,
      PathOracle oracle) {
    this.smt = env.smt;
    this.env = env;
    this.spec = spec;
    this.names = names;
    this.findings = findings;
    this.entry = entry;
    this.oracle = oracle;
  }

  public SymState entry() {
    return entry;
  }

  /** Records that {@code claim} must hold whenever {@code s}'s path reaches {@code in}. */
  public void obligation(SymState s, BoolExpr claim, Instr in, String what, Map<String, BitVecExpr> witnesses) {
    findings.obligations.add(new Obligation(s.path, claim, in.pos(), what, witnesses));
  }

  /** Records that the property's trigger is reached when {@code when} holds. */
  public void trigger(BoolExpr when) {
    findings.triggers.add(when);
  }

  /** Parses and translates a condition of the expression language at {@code now}. */
  public BoolExpr condition(String text, SymState now) {
    try {
      Expr e = ExprParser.parseCondition(text, names);
      return new ExprTranslator(env, now, entry, oracle).condition(e);
    } catch (ExprException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
