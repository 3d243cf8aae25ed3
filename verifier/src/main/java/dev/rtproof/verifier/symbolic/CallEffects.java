package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CALL to code that is not inlined does to the state: its {@code @Contract} when it has one,
 * else the documented default (every register but SP, the flags, and the stack below the call-site SP
 * may change; DF is clear; it returns). The new values are variables named after the call site and the
 * visit ({@code call@0x401005#1!AX}), so a counterexample can tell a replay what each call returned.
 */
public final class CallEffects {
  /** One call whose effects are variables: the values a replay must make the callee produce. */
  public record Event(long site, int visit, String symbol, Map<Reg, BitVecExpr> regs, BoolExpr[] flags,
      List<Havoc> memory) {}

  /** Bytes {@code [lo, hi)} of region {@code region} take the values of array {@code values} (by offset). */
  public record Havoc(int region, ArrayExpr<BitVecSort, BitVecSort> values, BitVecExpr lo, BitVecExpr hi) {}

  private final Environment env;
  private final Smt smt;
  private final List<Event> events = new ArrayList<>();

  CallEffects(Environment env) {
    this.env = env;
    this.smt = env.smt;
  }

  List<Event> events() {
    return events;
  }

  /**
   * Applies the effects of a call to {@code symbol} (null when indirect, at {@code address}; {@code target}
   * names it for the report) on {@code s}, which is at the callee's entry (the return address pushed); pops
   * the return address.
   */
  void apply(SymState s, String symbol, BitVecExpr address, String target, PathOracle oracle) {
    if (symbol == null) {
      // The default lets an indirect callee return; a replay can only call code, so a counterexample should
      // call a function that a replay answers (when the violation allows it).
      String stand = env.answeredFunction();
      if (stand != null) {
        env.preferReplayable(smt.eq(address, env.address(stand)));
      }
    }
    Contract contract = symbol == null ? null : env.program.contract(symbol);
    String prefix = "call@" + Hex.of(s.address()) + "#" + s.visit() + "!";
    Snapshot entry = Snapshot.of(s);
    BitVecExpr callSp = smt.addConstant(s.sp(), 8);
    Map<Reg, BitVecExpr> regs = new LinkedHashMap<>();
    List<Reg> clobbered = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Reg r = Reg.gpr(i);
      if (r != Reg.SP && (contract == null || contract.clobbers().contains(r))) {
        clobbered.add(r);
      }
    }
    for (Reg r : clobbered) {
      BitVecExpr v = smt.ctx.mkBVConst(prefix + r, 64);
      regs.put(r, v);
      s.regs[r.number()] = v;
    }
    String[] flagNames = {"CF", "PF", "AF", "ZF", "SF", "OF"};
    BoolExpr[] flags = new BoolExpr[flagNames.length];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = smt.ctx.mkBoolConst(prefix + flagNames[i]);
      s.flags[i] = flags[i];
    }
    s.flags[SymState.DF] = smt.falsity();
    List<Havoc> memory = new ArrayList<>();
    if (contract == null) {
      env.assume("CALL to " + target + ", which has no routine or @Contract here: it may change every register but"
          + " SP, the flags, and the stack below the call-site SP; DF is clear when it returns; it returns");
      memory.add(havocBelow(s, prefix, callSp));
    } else {
      env.assume("CALL to " + symbol + " follows its @Contract: clobbers " + clobbered + ", writes "
          + contract.writes() + ", ensures " + contract.ensures() + "; the flags may change, DF is clear; it returns");
      for (String range : contract.writes()) {
        int dots = range.indexOf("..");
        if (dots < 0) {
          throw new IllegalArgumentException("@Contract(" + symbol + ") writes \"" + range + "\": expected lo .. hi");
        }
        BitVecExpr lo = value(range.substring(0, dots), s, entry, oracle, symbol);
        BitVecExpr hi = value(range.substring(dots + 2), s, entry, oracle, symbol);
        for (int i = 0; i < env.regions().size(); i++) {
          Havoc h = havoc(s, i, prefix + "w" + memory.size() + "!", lo, hi);
          s.mem.replace(i, changed(s, h));
          memory.add(h);
        }
      }
    }
    events.add(new Event(s.address(), s.visit(), symbol, regs, flags, memory));
    s.regs[Reg.SP.number()] = callSp;
    if (contract != null) {
      for (String e : contract.ensures()) {
        s.assume(env.condition(e, "@Contract(" + symbol + ") ensures", s, entry, oracle));
      }
    }
  }

  private BitVecExpr value(String text, SymState s, Snapshot entry, PathOracle oracle, String symbol) {
    try {
      dev.rtproof.dsl.expr.Expr e = dev.rtproof.dsl.expr.ExprParser.parse(text.trim(), env.names());
      if (e.isBool()) {
        throw new IllegalArgumentException("@Contract(" + symbol + ") writes \"" + text.trim() + "\": an address,"
            + " not a condition, is expected");
      }
      return new ExprTranslator(env, s, entry, oracle).value(e);
    } catch (dev.rtproof.dsl.expr.ExprException e) {
      throw new IllegalArgumentException("@Contract(" + symbol + ") writes \"" + text.trim() + "\": " + e.getMessage(), e);
    }
  }

  /**
   * The stack's bytes below {@code callSp} become the values of a fresh array. {@code callSp − 8} holds the
   * return address the path just pushed or read, as {@link SymMemory#replaceBelow} requires, so later reads
   * shown to lie above the stretch read the bytes from before the call, with no lambda for Z3 to expand.
   */
  private Havoc havocBelow(SymState s, String prefix, BitVecExpr callSp) {
    Havoc h = havoc(s, 0, prefix, env.regions().get(0).start(), callSp);
    s.mem.replaceBelow(0, changed(s, h), callSp);
    return h;
  }

  /** Region {@code i}'s bytes at addresses in {@code [lo, hi)} become the values of a fresh array. */
  private Havoc havoc(SymState s, int i, String prefix, BitVecExpr lo, BitVecExpr hi) {
    ArrayExpr<BitVecSort, BitVecSort> values = smt.memory(prefix + "mem!" + env.regions().get(i).name());
    return new Havoc(i, values, lo, hi);
  }

  /** Region {@code h.region}'s bytes after the havoc: the new values inside {@code [lo, hi)}, the old ones elsewhere. */
  @SuppressWarnings("unchecked")
  private ArrayExpr<BitVecSort, BitVecSort> changed(SymState s, Havoc h) {
    ArrayExpr<BitVecSort, BitVecSort> old = s.mem.array(h.region());
    BitVecExpr o = smt.ctx.mkBVConst("offset", 64);
    BitVecExpr address = smt.add(env.regions().get(h.region()).start(), o);
    BoolExpr inside = smt.all(smt.ule(h.lo(), address), smt.ult(address, h.hi()));
    Expr<BitVecSort> body = smt.ctx.mkITE(inside, smt.ctx.mkSelect(h.values(), o), smt.ctx.mkSelect(old, o));
    return (ArrayExpr<BitVecSort, BitVecSort>) (Object) smt.ctx.mkLambda(new Expr<?>[] {o}, body);
  }
}
