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

  public Program(Collection<Routine> routines) {
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
    for (Routine r : routines) {
      lowered.put(r.symbol(), Lowering.lower(r, profile));
    }
    this.symbols = SymbolTable.of(routines, profile);
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
}
