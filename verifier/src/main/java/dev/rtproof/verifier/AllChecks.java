package dev.rtproof.verifier;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.verifier.property.PropertyCheck;
import dev.rtproof.verifier.symbolic.ExecutionObserver;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.List;

/**
 * Several properties' checks watching one execution: every event goes to each, in order. Only checks that
 * leave the body where the routine's code puts it share an execution (see {@link Verifier}).
 */
final class AllChecks implements ExecutionObserver {
  private final List<PropertyCheck> checks;

  AllChecks(List<PropertyCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public void entry(SymState s) {
    checks.forEach(c -> c.entry(s));
  }

  @Override
  public void instruction(SymState s, Instr in) {
    checks.forEach(c -> c.instruction(s, in));
  }

  @Override
  public void bodyEntry(SymState s) {
    checks.forEach(c -> c.bodyEntry(s));
  }

  @Override
  public int bodyEntryIndex(Lowered code) {
    return checks.get(0).bodyEntryIndex(code);
  }

  @Override
  public void memoryAccess(SymState s, BitVecExpr address, int bytes, boolean write, BoolExpr mapped, Instr in) {
    checks.forEach(c -> c.memoryAccess(s, address, bytes, write, mapped, in));
  }

  @Override
  public void tlsAccess(SymState s, BitVecExpr address, Instr in) {
    checks.forEach(c -> c.tlsAccess(s, address, in));
  }

  @Override
  public void call(SymState s, String symbol, BitVecExpr target, Instr in) {
    checks.forEach(c -> c.call(s, symbol, target, in));
  }

  @Override
  public void tailJump(SymState s, String symbol, BitVecExpr target, Instr in) {
    checks.forEach(c -> c.tailJump(s, symbol, target, in));
  }

  @Override
  public void syscall(SymState s, Instr in) {
    checks.forEach(c -> c.syscall(s, in));
  }

  @Override
  public void exit(SymState s, Instr in) {
    checks.forEach(c -> c.exit(s, in));
  }

  @Override
  public void badJump(SymState s, BoolExpr when, String what, Instr in) {
    checks.forEach(c -> c.badJump(s, when, what, in));
  }

  @Override
  public void assertion(SymState s, Assertion a, Instr in) {
    checks.forEach(c -> c.assertion(s, a, in));
  }
}
