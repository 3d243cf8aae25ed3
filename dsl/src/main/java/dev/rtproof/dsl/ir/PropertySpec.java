package dev.rtproof.dsl.ir;

import java.util.List;

/**
 * A property a routine claims, as declared: the property name of the architecture table
 * ({@code stack-alignment}, {@code stack-balance}, {@code unreachable}, {@code no-fault},
 * {@code tls-round-trip}, {@code ensures}, …), its arguments, and the annotation's position.
 *
 * <p>Arguments by property:
 *
 * <ul>
 *   <li>stack-alignment {@code [modulus, at…]}; unreachable {@code [symbol…]}; tls-round-trip {@code [m]};
 *       ensures {@code [expression]}; stack-balance and no-fault none;
 *   <li>stackguard (from {@code @StackGuard}): none for the plain form, which claims the guarantee of the
 *       prologue the assembler inserts; otherwise exactly {@code [frame, body]}: the frame size the check
 *       guards as a decimal number ({@code ""}: the framesize of the inserted prologue) and the label where
 *       the body starts ({@code ""}: the first instruction after the inserted prologue);
 *   <li>assert {@code [expression]}, one per {@code ASSERT("…")}; the {@link Assertion} with the same
 *       {@link #pos} in {@link Routine#assertions()} says which instruction it precedes;
 *   <li>frame-layout (from {@code @Go}) none: the declaration is {@link Routine#go()}.
 * </ul>
 */
public record PropertySpec(String name, List<String> args, SourcePos pos) {
  public static final String STACK_ALIGNMENT = "stack-alignment";
  public static final String STACK_BALANCE = "stack-balance";
  public static final String UNREACHABLE = "unreachable";
  public static final String NO_FAULT = "no-fault";
  public static final String TLS_ROUND_TRIP = "tls-round-trip";
  public static final String ENSURES = "ensures";
  public static final String STACKGUARD = "stackguard";
  public static final String ASSERT = "assert";
  public static final String FRAME_LAYOUT = "frame-layout";

  public PropertySpec {
    args = List.copyOf(args);
  }

  /** The name with its arguments, as reports show it: {@code stack-alignment(16 at runtime·settls)}. */
  public String label() {
    if (args.isEmpty()) {
      return name;
    }
    if (name.equals(STACKGUARD) && args.size() == 2) {
      String frame = args.get(0).isEmpty() ? "" : "frame " + args.get(0);
      String body = args.get(1).isEmpty() ? "" : "body " + args.get(1);
      return name + "(" + frame + (frame.isEmpty() || body.isEmpty() ? "" : ", ") + body + ")";
    }
    if (name.equals(STACK_ALIGNMENT)) {
      String at = args.size() > 1 ? " at " + String.join(", ", args.subList(1, args.size())) : "";
      return name + "(" + args.get(0) + at + ")";
    }
    return name + "(" + String.join(", ", args) + ")";
  }
}
