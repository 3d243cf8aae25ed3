package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * A property a routine claims, as declared: the property name of the architecture table
 * ({@code stack-alignment}, {@code stack-balance}, {@code unreachable}, {@code no-fault},
 * {@code tls-round-trip}, {@code ensures}, …), its arguments, and the annotation's position.
 *
 * <p>Arguments by property: stack-alignment {@code [modulus, at…]}; unreachable {@code [symbol…]};
 * tls-round-trip {@code [m]}; ensures {@code [expression]}; the others none.
 */
public record PropertySpec(String name, List<String> args, SourcePos pos) {
  public static final String STACK_ALIGNMENT = "stack-alignment";
  public static final String STACK_BALANCE = "stack-balance";
  public static final String UNREACHABLE = "unreachable";
  public static final String NO_FAULT = "no-fault";
  public static final String TLS_ROUND_TRIP = "tls-round-trip";
  public static final String ENSURES = "ensures";

  public PropertySpec {
    args = List.copyOf(args);
  }

  /** The name with its arguments, as reports show it: {@code stack-alignment(16 at runtime·settls)}. */
  public String label() {
    if (args.isEmpty()) {
      return name;
    }
    if (name.equals(STACK_ALIGNMENT)) {
      String at = args.size() > 1 ? " at " + String.join(", ", args.subList(1, args.size())) : "";
      return name + "(" + args.get(0) + at + ")";
    }
    return name + "(" + String.join(", ", args) + ")";
  }
}
