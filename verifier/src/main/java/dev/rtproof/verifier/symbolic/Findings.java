package dev.rtproof.verifier.symbolic;

import com.microsoft.z3.BoolExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * What one symbolic execution produced for one property: the obligations to discharge, the path
 * conditions under which the property's trigger is reached (for vacuity), and the reasons the
 * exploration was incomplete (for UNKNOWN).
 */
public final class Findings {
  public final List<Obligation> obligations = new ArrayList<>();
  public final List<BoolExpr> triggers = new ArrayList<>();
  /** Paths the exploration could not finish, with the path condition under which each happens. */
  public final List<Incomplete> incomplete = new ArrayList<>();

  /** A path that was cut short: why, and when it is taken. */
  public record Incomplete(String reason, BoolExpr path) {}
}
