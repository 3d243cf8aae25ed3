package dev.rtproof.dsl.ir;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.target.TargetProfile;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routines that run together, for one target: each lowered once, with their symbol table. */
public final class Program {
  private final TargetProfile profile;
  private final Map<String, Routine> routines = new LinkedHashMap<>();
  private final Map<String, Lowered> lowered = new LinkedHashMap<>();
  private final SymbolTable symbols;
  private final Map<String, DataSymbol> data = new LinkedHashMap<>();
  private final Map<String, Contract> contracts = new LinkedHashMap<>();

  public Program(Collection<Routine> routines) {
    this(routines, java.util.List.of(), java.util.List.of());
  }

  /** Routines with the globals they use ({@code GLOBL}/{@code DATA}) and contracts of symbols they call. */
  public Program(Collection<Routine> routines, Collection<DataSymbol> data, Collection<Contract> contracts) {
    String target = null;
    for (Routine r : routines) {
      if (target != null && !target.equals(r.target())) {
        throw new IllegalArgumentException("routines for different targets: " + target + " and " + r.target()
            + " (" + r.symbol() + ")");
      }
      target = r.target();
      if (this.routines.put(r.symbol(), r) != null) {
        throw new IllegalArgumentException("two routines named " + r.symbol());
      }
    }
    if (target == null) {
      throw new IllegalArgumentException("a program needs at least one routine");
    }
    Target t = Target.byName(target);
    if (t == null) {
      throw new IllegalArgumentException("unknown target " + target);
    }
    this.profile = t.profile();
    for (DataSymbol d : data) {
      if (this.data.put(d.name(), d) != null) {
        throw new IllegalArgumentException("two GLOBLs named " + d.name());
      }
    }
    for (Contract c : contracts) {
      if (this.contracts.put(c.symbol(), c) != null) {
        throw new IllegalArgumentException("two contracts for " + c.symbol());
      }
    }
    for (Routine r : routines) {
      lowered.put(r.symbol(), Lowering.lower(r, profile));
    }
    this.symbols = SymbolTable.of(routines, this.data.values(), profile);
  }

  public TargetProfile profile() {
    return profile;
  }

  public Collection<Routine> routines() {
    return Collections.unmodifiableCollection(routines.values());
  }

  /** The routine named {@code symbol}, or null. */
  public Routine routine(String symbol) {
    return routines.get(symbol);
  }

  /** The lowered form of routine {@code symbol}, or null. */
  public Lowered lowered(String symbol) {
    return lowered.get(symbol);
  }

  public SymbolTable symbols() {
    return symbols;
  }

  /** The globals declared with GLOBL, by name. */
  public Map<String, DataSymbol> data() {
    return Collections.unmodifiableMap(data);
  }

  /** The contracts of symbols the routines call, by symbol. */
  public Map<String, Contract> contracts() {
    return Collections.unmodifiableMap(contracts);
  }

  /** The contract of {@code symbol}, or null. */
  public Contract contract(String symbol) {
    return contracts.get(symbol);
  }
}
