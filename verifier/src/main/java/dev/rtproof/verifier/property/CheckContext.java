package dev.rtproof.verifier.property;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.verifier.replay.Violation;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Findings;
import dev.rtproof.verifier.symbolic.Obligation;
import dev.rtproof.verifier.symbolic.PathOracle;
import dev.rtproof.verifier.symbolic.SymMemory;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.Snapshot;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.Map;

/** What a check needs: the solver helpers, the environment, where to record, and the entry state. */
public final class CheckContext {
  public final Smt smt;
  public final Environment env;
  public final PropertySpec spec;
  private final Findings findings;
  private final SymState entry;
  private final PathOracle oracle;

  public CheckContext(Environment env, Findings findings, PropertySpec spec, SymState entry, PathOracle oracle) {
    this.smt = env.smt;
    this.env = env;
    this.spec = spec;
    this.findings = findings;
    this.entry = entry;
    this.oracle = oracle;
  }

  /** The state at the routine's entry (unchanged by execution). */
  public SymState entry() {
    return entry;
  }

  /**
   * Records that {@code claim} must hold whenever {@code s}'s path reaches {@code in}; a replay of a
   * counterexample must observe {@code violation}.
   */
  public void obligation(SymState s, BoolExpr claim, Instr in, String what, Map<String, BitVecExpr> witnesses,
      Violation violation) {
    obligation(s, claim, in.pos(), what, witnesses, violation);
  }

  /** Like {@link #obligation(SymState, BoolExpr, Instr, String, Map, Violation)}, reported at {@code pos}. */
  public void obligation(SymState s, BoolExpr claim, SourcePos pos, String what, Map<String, BitVecExpr> witnesses,
      Violation violation) {
    findings.obligations.add(new Obligation(s.path(), claim, pos, what, witnesses, violation));
  }

  /** Records that the property's trigger is reached when {@code when} holds. */
  public void trigger(BoolExpr when) {
    findings.triggers.add(when);
  }

  /** Where {@code bytes} at {@code address} lie on {@code s}'s path, with the oracle to tell which writes they skip. */
  public SymMemory.Resolution resolve(SymState s, BitVecExpr address, int bytes) {
    return s.mem.resolve(address, bytes, s.path(), oracle);
  }

  /** Translates a condition of the expression language at {@code now} ({@code entry(R)}: the routine's entry). */
  public BoolExpr condition(String text, SymState now) {
    return env.condition(text, spec.name(), now, Snapshot.of(entry), oracle);
  }
}
