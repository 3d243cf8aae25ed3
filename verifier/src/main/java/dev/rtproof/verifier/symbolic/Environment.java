package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecSort;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import dev.rtproof.dsl.Linux;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.SymbolTable;
import dev.rtproof.emulator.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where things are, symbolically: the entry SP and its stack window, a base address variable per data
 * symbol, code symbols at the emulator's addresses. Every constraint comes with the sentence the report
 * prints, so a proof lists exactly what it assumed.
 */
public final class Environment {
  /** Lowest mappable address (Linux {@code mmap_min_addr}). */
  public static final long MIN_ADDRESS = 0x10000L;
  /** The stack window around the entry SP, as the emulator maps it. */
  public static final long STACK_BELOW = Layout.STACK_SIZE - (Layout.STACK_TOP - Layout.INITIAL_SP);
  public static final long STACK_ABOVE = Layout.STACK_TOP - Layout.INITIAL_SP;

  /** A mapped range: a name, a start address and a size in bytes. */
  public record Region(String name, BitVecExpr start, long size) {}

  public final Smt smt;
  public final Program program;
  public final Layout layout;
  public final BitVecExpr sp0;
  private final Map<String, BitVecExpr> dataBases = new LinkedHashMap<>();
  private final List<Region> regions = new ArrayList<>();
  /** Region index by the name of the variable its addresses are written against ("SP" for the stack). */
  private final Map<String, Integer> regionByBase = new LinkedHashMap<>();
  private final List<BoolExpr> constraints = new ArrayList<>();
  private final Set<String> assumptions = new LinkedHashSet<>();

  public Environment(Smt smt, Program program) {
    this.smt = smt;
    this.program = program;
    this.layout = new Layout(program.symbols());
    this.sp0 = smt.var("SP");
    regions.add(new Region("stack", smt.sub(sp0, smt.bv(STACK_BELOW)), STACK_BELOW + STACK_ABOVE));
    regionByBase.put("SP", 0);
    constraints.add(smt.eq(smt.and(sp0, smt.bv(7)), smt.bv(0)));
    constraints.add(smt.ule(smt.bv(MIN_ADDRESS + STACK_BELOW), sp0));
    constraints.add(smt.ule(sp0, smt.bv(Linux.TASK_SIZE_MAX - STACK_ABOVE)));
    assumptions.add("SP at entry is 8-byte aligned, in user space, and [SP-" + (STACK_BELOW / 1024) + " KiB, SP+"
        + (STACK_ABOVE / 1024) + " KiB) is mapped stack");
    List<String> sized = new ArrayList<>();
    for (SymbolTable.Symbol s : program.symbols().all()) {
      if (s.kind() != SymbolTable.Kind.DATA) {
        continue;
      }
      BitVecExpr base = smt.var(s.name());
      dataBases.put(s.name(), base);
      constraints.add(smt.eq(smt.and(base, smt.bv(7)), smt.bv(0)));
      constraints.add(smt.ule(smt.bv(MIN_ADDRESS), base));
      constraints.add(smt.ule(base, smt.bv(Linux.TASK_SIZE_MAX - s.size())));
      regionByBase.put(s.name(), regions.size());
      regions.add(new Region(s.name(), base, s.size()));
      sized.add(s.name() + " " + s.size() + " bytes (" + s.sizeSource() + ")");
    }
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        constraints.add(disjoint(regions.get(i), regions.get(j)));
      }
    }
    if (!sized.isEmpty()) {
      assumptions.add("data symbols are 8-byte aligned, in user space, disjoint from each other and the stack: "
          + String.join(", ", sized));
    }
  }

  private BoolExpr disjoint(Region a, Region b) {
    return smt.any(
        smt.ule(smt.add(a.start(), smt.bv(a.size())), b.start()),
        smt.ule(smt.add(b.start(), smt.bv(b.size())), a.start()));
  }

  /** The address of {@code symbol}: a variable for data, the emulator's concrete address for code. */
  public BitVecExpr address(String symbol) {
    BitVecExpr base = dataBases.get(symbol);
    if (base != null) {
      return base;
    }
    Long text = layout.textSymbols().get(symbol);
    if (text != null) {
      return smt.bv(text);
    }
    throw new IllegalArgumentException("symbol " + symbol + " is not used by the routines being verified");
  }

  public boolean knows(String symbol) {
    return dataBases.containsKey(symbol) || layout.textSymbols().containsKey(symbol);
  }

  /** The region whose addresses are {@code variable + offset}, or -1. */
  public int regionOfBase(String variable) {
    Integer i = regionByBase.get(variable);
    return i == null ? -1 : i;
  }

  /** Offset in region {@code i} of its base variable (the stack starts below the entry SP). */
  public long baseOffset(int i) {
    return i == 0 ? STACK_BELOW : 0;
  }

  /** True when {@code [address, address + bytes)} lies inside region {@code i}. */
  public BoolExpr inRegion(Expr<BitVecSort> address, int bytes, int i) {
    Region r = regions.get(i);
    return smt.ule(smt.sub(address, r.start()), smt.bv(r.size() - bytes));
  }

  /** The region names, in order, for counterexample reports. */
  public List<Region> regions() {
    return java.util.Collections.unmodifiableList(regions);
  }

  public Map<String, BitVecExpr> dataBases() {
    return Map.copyOf(dataBases);
  }

  /** The conjunction of all placement constraints. */
  public BoolExpr constraints() {
    return smt.all(constraints.toArray(new BoolExpr[0]));
  }

  /** Records an assumption the proof now depends on (a syscall model, a call default, …). */
  public void assume(String sentence) {
    assumptions.add(sentence);
  }

  public List<String> assumptions() {
    return List.copyOf(assumptions);
  }
}
