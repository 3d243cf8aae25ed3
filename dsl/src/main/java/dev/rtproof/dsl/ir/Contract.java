package dev.rtproof.dsl.ir;

import java.util.List;
import java.util.Objects;

/**
 * What a symbol with no routine promises its callers ({@code @Contract}): the registers it may change,
 * the memory it may write (expressions of ranges, e.g. {@code "SP - 64 .. SP"}), and postconditions
 * on return. Used by the verifier instead of the default call contract.
 */
public record Contract(String symbol, List<Reg> clobbers, List<String> writes, List<String> ensures, SourcePos pos) {
  public Contract {
    Objects.requireNonNull(symbol, "symbol");
    clobbers = List.copyOf(clobbers);
    writes = List.copyOf(writes);
    ensures = List.copyOf(ensures);
  }
}
