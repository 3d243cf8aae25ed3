package dev.rtproof.verifier;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.FuncInterp;
import com.microsoft.z3.Model;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Flags;
import dev.rtproof.verifier.replay.InitialState;
import dev.rtproof.verifier.symbolic.CallEffects;
import dev.rtproof.verifier.symbolic.Environment;
import dev.rtproof.verifier.symbolic.Smt;
import dev.rtproof.verifier.symbolic.SymState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a Z3 model into the concrete initial state a replay starts from: entry registers and flags,
 * FS/GS, where the solver placed the stack and each symbol, the initial bytes of every region (the
 * model's array values: explicit entries plus a fill for the rest), what each call without a routine
 * returned, and what CPUID answered for each leaf it was asked.
 */
final class ModelReader {
  private static final long[] FLAG_BITS = {Flags.CF, Flags.PF, Flags.AF, Flags.ZF, Flags.SF, Flags.OF};

  private final Model model;
  private final Environment env;

  ModelReader(Model model, Environment env) {
    this.model = model;
    this.env = env;
  }

  long value(Expr<BitVecSort> e) {
    return Smt.value(model, e);
  }

  boolean truth(BoolExpr e) {
    return model.eval(e, true).isTrue();
  }

  InitialState read(SymState entry, List<CallEffects.Event> calls) {
    InitialState.Builder b = InitialState.builder();
    for (int i = 0; i < 16; i++) {
      b.register(Reg.gpr(i), value(entry.regs[i]));
    }
    b.rflags(Flags.INITIAL | statusFlags(entry.flags));
    b.fs(value(entry.fs)).gs(value(entry.gs));
    env.dataBases().forEach((name, base) -> b.symbol(name, value(base)));
    List<Environment.Region> regions = env.regions();
    for (int i = 0; i < regions.size(); i++) {
      Environment.Region r = regions.get(i);
      long start = value(r.start());
      b.region(r.name(), start, r.size());
      Contents c = contents(entry.mem.array(i));
      if (c.fill != 0) {
        b.fill(start, r.size(), c.fill);
      }
      c.bytes.forEach((offset, v) -> {
        if (Long.compareUnsigned(offset, r.size()) < 0) {
          b.bytes(start + offset, v);
        }
      });
    }
    for (CallEffects.Event e : calls) {
      b.call(answer(e, regions));
    }
    for (BitVecExpr leafExpr : env.cpuidLeaves()) {
      long leaf = value(leafExpr);
      BitVecExpr l = env.smt.bv(leaf, 32);
      b.cpuid(leaf, value(env.cpuid(Reg.AX, l)), value(env.cpuid(Reg.BX, l)), value(env.cpuid(Reg.CX, l)),
          value(env.cpuid(Reg.DX, l)));
    }
    return b.build();
  }

  private long statusFlags(BoolExpr[] flags) {
    long bits = 0;
    for (int i = 0; i < FLAG_BITS.length; i++) {
      if (truth(flags[i])) {
        bits |= FLAG_BITS[i];
      }
    }
    return bits;
  }

  private InitialState.CallAnswer answer(CallEffects.Event e, List<Environment.Region> regions) {
    Map<Reg, Long> regs = new LinkedHashMap<>();
    e.regs().forEach((r, v) -> regs.put(r, value(v)));
    List<InitialState.Fill> fills = new ArrayList<>();
    Map<Long, Integer> bytes = new TreeMap<>();
    for (CallEffects.Havoc h : e.memory()) {
      Environment.Region r = regions.get(h.region());
      long start = value(r.start());
      long lo = Math.max(value(h.lo()), start);
      long hi = Math.min(value(h.hi()), start + r.size());
      if (Long.compareUnsigned(lo, hi) >= 0) {
        continue;
      }
      Contents c = contents(h.values());
      if (c.fill != 0) {
        fills.add(new InitialState.Fill(lo, hi - lo, c.fill));
      }
      c.bytes.forEach((offset, v) -> {
        long a = start + offset;
        if (Long.compareUnsigned(a, lo) >= 0 && Long.compareUnsigned(a, hi) < 0) {
          bytes.put(a, v);
        }
      });
    }
    return new InitialState.CallAnswer(e.site(), e.visit(), regs, statusFlags(e.flags()), fills, bytes);
  }

  /** An array value of the model: the default byte and the bytes that differ, by index. */
  private record Contents(int fill, Map<Long, Integer> bytes) {}

  private Contents contents(ArrayExpr<BitVecSort, BitVecSort> array) {
    Map<Long, Integer> bytes = new TreeMap<>();
    int fill = decode(model.eval(array, true), bytes);
    return new Contents(fill, bytes);
  }

  /** Collects the entries of an array value into {@code bytes} (earlier stores win); returns the default. */
  private int decode(Expr<?> a, Map<Long, Integer> bytes) {
    if (a.isStore()) {
      Expr<?>[] args = a.getArgs();
      bytes.putIfAbsent(number(args[1]), (int) number(args[2]));
      return decode(args[0], bytes);
    }
    if (a.isConstantArray()) {
      return (int) number(a.getArgs()[0]);
    }
    if (a.isAsArray()) {
      FuncDecl<?> f = a.getFuncDecl().getParameters()[0].getFuncDecl();
      FuncInterp<?> fi = model.getFuncInterp(f);
      for (FuncInterp.Entry<?> e : fi.getEntries()) {
        bytes.putIfAbsent(number(e.getArgs()[0]), (int) number(e.getValue()));
      }
      return (int) number(fi.getElse());
    }
    if (a instanceof com.microsoft.z3.Lambda<?>) {
      return decodeLambda(a, bytes);
    }
    throw new IllegalStateException("cannot read the array value " + a);
  }

  /** {@code (lambda ((x (_ BitVec 64))) (ite (= x k) v …))}: the entries and the final default. */
  private int decodeLambda(Expr<?> lambda, Map<Long, Integer> bytes) {
    Expr<?> body = ((com.microsoft.z3.Lambda<?>) lambda).getBody();
    while (body.isITE()) {
      Expr<?>[] args = body.getArgs();
      Expr<?> cond = args[0];
      if (!cond.isEq()) {
        throw new IllegalStateException("cannot read the array value " + lambda);
      }
      Expr<?> k = cond.getArgs()[0].isNumeral() ? cond.getArgs()[0] : cond.getArgs()[1];
      bytes.putIfAbsent(number(k), (int) number(args[1]));
      body = args[2];
    }
    return (int) number(body);
  }

  private static long number(Expr<?> e) {
    if (e instanceof BitVecNum n) {
      return n.getBigInteger().longValue();
    }
    throw new IllegalStateException("not a number in the model: " + e);
  }
}
