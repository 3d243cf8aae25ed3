package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.SourcePos;
import java.util.List;

/**
 * A {@code #define}: object-like when {@code params} is null, function-like otherwise.
 *
 * @param header the header that defined it ({@code go_asm.h}, {@code textflag.h}), or null for a
 *     definition in the file being read or a predefined name
 */
record Macro(String name, List<String> params, List<Token> body, SourcePos pos, String header) {
  Macro {
    params = params == null ? null : List.copyOf(params);
    body = List.copyOf(body);
  }

  boolean isFunctionLike() {
    return params != null;
  }
}
