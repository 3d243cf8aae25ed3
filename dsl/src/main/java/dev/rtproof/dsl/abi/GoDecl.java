package dev.rtproof.dsl.abi;

import java.util.List;

/**
 * A parsed Go function declaration, {@code func Name(params) results}. Unnamed parameters are named
 * {@code arg}, {@code arg1}, … and unnamed results {@code ret}, {@code ret1}, …, as asmdecl names them.
 */
public record GoDecl(String name, List<Param> params, List<Param> results) {

  /** One parameter or result. */
  public record Param(String name, GoType type) {}

  public GoDecl {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** Parses {@code text}, e.g. {@code func Foo(a bool, b int16) (c []byte)}. */
  public static GoDecl parse(String text) throws GoDeclException {
    return new GoDeclParser(text).declaration();
  }
}
