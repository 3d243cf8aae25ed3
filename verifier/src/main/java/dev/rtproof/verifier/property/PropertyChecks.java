package dev.rtproof.verifier.property;

import dev.rtproof.dsl.ir.PropertySpec;

/** Creates the check for a property by name. */
public final class PropertyChecks {
  private PropertyChecks() {}

  public static PropertyCheck create(CheckContext cx) {
    return switch (cx.spec.name()) {
      case PropertySpec.STACK_ALIGNMENT -> new StackAlignmentCheck(cx);
      case PropertySpec.STACK_BALANCE -> new StackBalanceCheck(cx);
      case PropertySpec.UNREACHABLE -> new UnreachableCheck(cx);
      case PropertySpec.NO_FAULT -> new NoFaultCheck(cx);
      case PropertySpec.TLS_ROUND_TRIP -> new TlsRoundTripCheck(cx);
      case PropertySpec.ENSURES -> new EnsuresCheck(cx);
      case PropertySpec.ASSERT -> new AssertCheck(cx);
      case PropertySpec.STACKGUARD -> new StackGuardCheck(cx);
      case PropertySpec.FRAME_LAYOUT -> new FrameLayoutCheck(cx);
      default -> throw new IllegalArgumentException("unknown property " + cx.spec.name());
    };
  }
}
