package dev.rtproof.verifier.symbolic;

import dev.rtproof.dsl.expr.Names;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.SymbolTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one verification can reach: the data symbols that the routine, the routines it can call or jump to,
 * their requirements, assertions and contracts, the property, and the address images of those symbols name;
 * and whether any of that uses the thread's g slot. Only these become regions of the symbolic memory: a
 * symbol nothing names can be reached only through a pointer the code was given, which may as well point
 * anywhere else outside the model, and every region costs the solver its placement and disjointness from
 * all the others (a program with 18 data symbols spent most of each trivial proof on them).
 */
public record VerificationScope(Set<String> dataSymbols, boolean threadModel) {
  /** An expression that reads the FS base needs the thread model. */
  private static final java.util.regex.Pattern FS = java.util.regex.Pattern.compile("\\bFS\\b");

  public VerificationScope {
    dataSymbols = Set.copyOf(dataSymbols);
  }

  /** Every data symbol of {@code program}, with the thread model when any routine uses TLS. */
  public static VerificationScope whole(Program program, boolean threadModel) {
    Set<String> all = new LinkedHashSet<>();
    for (SymbolTable.Symbol s : program.symbols().all()) {
      if (s.kind() == SymbolTable.Kind.DATA) {
        all.add(s.name());
      }
    }
    return new VerificationScope(all, threadModel);
  }

  /** What verifying {@code spec} of {@code routine} can reach. */
  public static VerificationScope of(Program program, Routine routine, PropertySpec spec) {
    return of(program, routine, List.of(spec));
  }

  /** What verifying all of {@code specs} of {@code routine} in one execution can reach. */
  public static VerificationScope of(Program program, Routine routine, List<PropertySpec> specs) {
    List<String> texts = new ArrayList<>();
    specs.forEach(spec -> texts.addAll(spec.args()));
    boolean tls = false;
    // Every symbol the code names, whether it is code (followed) or data.
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(routine.symbol()));
    while (!todo.isEmpty()) {
      String symbol = todo.pop();
      if (!seen.add(symbol)) {
        continue;
      }
      Contract contract = program.contract(symbol);
      if (contract != null) {
        texts.addAll(contract.writes());
        texts.addAll(contract.ensures());
      }
      Routine r = program.routine(symbol);
      if (r == null) {
        continue;
      }
      r.requires().stream().map(Condition::expression).forEach(texts::add);
      r.assertions().stream().map(Assertion::expression).forEach(texts::add);
      for (Instr in : program.lowered(symbol).code()) {
        for (Operand o : in.args()) {
          String name = o instanceof SymAddr a ? a.symbol()
              : o instanceof Mem m && m.kind() == Mem.Kind.SYMBOL ? m.name() : null;
          if (name != null) {
            todo.push(name);
          }
          tls |= o instanceof Mem m && m.kind() == Mem.Kind.TLS;
        }
      }
    }
    // Expressions may write a symbol with '.' for '·': both spellings are searched, which may over-count.
    List<String> spelled = new ArrayList<>(texts);
    texts.forEach(t -> spelled.add(Names.normalizeSymbol(t)));
    Set<String> data = new LinkedHashSet<>();
    for (SymbolTable.Symbol s : program.symbols().all()) {
      if (s.kind() == SymbolTable.Kind.DATA
          && (seen.contains(s.name()) || spelled.stream().anyMatch(t -> t.contains(s.name())))) {
        withImages(program, s.name(), data);
      }
    }
    return new VerificationScope(data, tls || texts.stream().anyMatch(t -> FS.matcher(t).find()));
  }

  /** Adds {@code symbol} and, transitively, every symbol whose address its DATA image holds. */
  private static void withImages(Program program, String symbol, Set<String> out) {
    if (!out.add(symbol)) {
      return;
    }
    DataSymbol d = program.data().get(symbol);
    if (d != null) {
      for (DataSymbol.Init a : d.addresses()) {
        String target = ((SymAddr) a.value()).symbol();
        SymbolTable.Symbol t = program.symbols().get(target);
        if (t != null && t.kind() == SymbolTable.Kind.DATA) {
          withImages(program, target, out);
        }
      }
    }
  }
}
