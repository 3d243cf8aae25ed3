package dev.rtproof.examples;

import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.verifier.replay.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Claims of examples that the verifier of today does not prove within a build's budget (seconds to
 * minutes each; the examples' javadoc says why), kept here so that they are checked
 * ({@code PendingClaimsTest}) and move into the examples' annotations once they are fast: each is the
 * example's IR plus requirements, a contract or a property — an {@code ASSERT} placed before the
 * instruction that prints as {@link Claim#before}.
 */
final class PendingClaims {
  private PendingClaims() {}

  /**
   * Property {@code name(args…)} of routine {@code routine}; with {@code before}, an assert of
   * {@code args[0]} before that instruction. {@code requires} and {@code contracts} are added to the
   * routine and its program for the claim.
   */
  record Claim(String routine, String name, List<String> args, String before, List<String> requires,
      List<Contract> contracts) {

    /** The example's routine with this claim (and only this claim) added. */
    Routine apply(Routine r) {
      List<Condition> req = new ArrayList<>(r.requires());
      requires.forEach(e -> req.add(new Condition(e, SourcePos.NONE)));
      SourcePos at = new SourcePos("PendingClaims", 1, 1);
      List<Assertion> assertions = new ArrayList<>(r.assertions());
      if (before != null) {
        assertions.add(new Assertion(Mutation.indexOf(r, before), args.get(0), false, at));
      }
      return new Routine(r.symbol(), r.target(), r.flags(), r.frame(), r.args(), r.instrs(), r.labels(), req,
          List.of(new PropertySpec(name, args, at)), r.go(), r.unroll(), assertions, r.pos(), r.origin());
    }

    /** The program of the example's target with the claim's routine and contracts. */
    Program program() {
      Routine claimed = apply(Examples.routine(routine));
      Program base = Examples.programWith(claimed);
      return new Program(base.routines(), Examples.DATA, contracts);
    }

    String label() {
      return routine + " " + (before == null ? new PropertySpec(name, args, SourcePos.NONE).label()
          : "assert(" + args.get(0) + ") before " + before);
    }
  }

  private static Claim property(String routine, String name, String... args) {
    return new Claim(routine, name, List.of(args), null, List.of(), List.of());
  }

  private static Claim assertion(String routine, String before, String expression) {
    return new Claim(routine, PropertySpec.ASSERT, List.of(expression), before, List.of(), List.of());
  }

  /** Go 1.19's rt0_go: a free {@code _cgo_init} could hold abort's address, and mstart0 never returns. */
  private static Claim rt0Go(Claim c) {
    return new Claim(c.routine(), c.name(), c.args(), c.before(), List.of("load64(_cgo_init) != runtime·abort"),
        List.of(new Contract("runtime·mstart0", List.of(), List.of(), List.of("false"), SourcePos.NONE)));
  }

  /** Go 1.16's rt0_go: mstart is Go code that never returns. */
  private static Claim rt0Go116(Claim c) {
    return new Claim(c.routine(), c.name(), c.args(), c.before(), List.of("load64(_cgo_init) != runtime·abort"),
        List.of(new Contract("runtime·mstart", List.of(), List.of(), List.of("false"), SourcePos.NONE)));
  }

  private static final String G0_SCHED = "runtime·g0 + g_sched";

  private static final Claim RT0_GO_ALIGNED = rt0Go(property("runtime·rt0_go", PropertySpec.STACK_ALIGNMENT, "16",
      "runtime·settls", "runtime·check", "runtime·args", "runtime·osinit", "runtime·schedinit", "runtime·mstart"));
  private static final Claim RT0_GO_ABORT = rt0Go(property("runtime·rt0_go", PropertySpec.UNREACHABLE,
      "runtime·abort"));
  private static final Claim RT0_GO116_ALIGNED = rt0Go116(property("go116·rt0_go", PropertySpec.STACK_ALIGNMENT, "16"));
  private static final Claim RT0_GO116_TLS = rt0Go116(property("go116·rt0_go", PropertySpec.TLS_ROUND_TRIP,
      "runtime·m0"));
  private static final Claim GOGO_R14 = property("gogo<>", PropertySpec.ENSURES,
      "R14 == entry(DX) && load64(FS - 8) == entry(DX)");
  private static final Claim GOGO_CLEARED = property("gogo<>", PropertySpec.ENSURES, "load64(" + G0_SCHED
      + " + gobuf_sp) == 0 && load64(" + G0_SCHED + " + gobuf_ret) == 0 && load64(" + G0_SCHED
      + " + gobuf_ctxt) == 0 && load64(" + G0_SCHED + " + gobuf_bp) == 0");
  private static final Claim MCALL_BADMCALL = property("runtime·mcall", PropertySpec.UNREACHABLE, "runtime·badmcall");
  private static final Claim MCALL_SCHED = assertion("runtime·mcall", "MOVQ (DX), R12",
      "load64(AX + g_sched + gobuf_sp) == entry(SP) + 8 && load64(AX + g_sched + gobuf_pc) == load64(entry(SP))");
  private static final Claim SYSTEMSTACK_G = property("runtime·systemstack", PropertySpec.ENSURES,
      "load64(FS - 8) == entry(R14)");
  private static final Claim SYSTEMSTACK_BAD = property("runtime·systemstack", PropertySpec.UNREACHABLE,
      "runtime·badsystemstack", "runtime·abort");
  private static final Claim GOSAVE_SCHED = property("gosave_systemstack_switch<>", PropertySpec.ENSURES,
      "load64(R14 + g_sched + gobuf_pc) == runtime·systemstack_switch"
          + " && load64(R14 + g_sched + gobuf_sp) == SP + 8 && load64(R14 + g_sched + gobuf_bp) == BP"
          + " && load64(R14 + g_sched + gobuf_ret) == 0 && R14 == entry(R14)");
  private static final Claim GOSAVE_ABORT = property("gosave_systemstack_switch<>", PropertySpec.UNREACHABLE,
      "runtime·abort");
  private static final Claim MORESTACK_BAD = property("runtime·morestack", PropertySpec.UNREACHABLE,
      "runtime·badmorestackg0", "runtime·badmorestackgsignal");
  private static final Claim MORESTACK_MOREBUF = assertion("runtime·morestack", "CALL runtime·newstack(SB)",
      "load64(runtime·m0 + m_morebuf + gobuf_pc) == load64(entry(SP) + 8)"
          + " && load64(runtime·m0 + m_morebuf + gobuf_sp) == entry(SP) + 16"
          + " && load64(runtime·m0 + m_morebuf + gobuf_g) == R14");

  static final List<Claim> CLAIMS = List.of(
      RT0_GO_ALIGNED,
      rt0Go(property("runtime·rt0_go", PropertySpec.TLS_ROUND_TRIP, "runtime·m0")),
      RT0_GO_ABORT,
      rt0Go(assertion("runtime·rt0_go", "CALL runtime·check(SB)",
          "load64(FS - 8) == runtime·g0 && load64(runtime·m0 + m_g0) == runtime·g0"
              + " && load64(runtime·g0 + g_m) == runtime·m0 && load64(runtime·g0 + g_stack + stack_hi) == SP")),
      rt0Go(assertion("runtime·rt0_go", "CALL runtime·check(SB)",
          "load64(_cgo_init) != 0 || (load64(runtime·m0 + m_tls) == runtime·g0"
              + " && load64(runtime·g0 + g_stack + stack_lo) == SP - 65536 + 104"
              + " && load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo)"
              + " && load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo))")),
      rt0Go(assertion("runtime·rt0_go", "CALL runtime·check(SB)",
          "load64(_cgo_init) == 0"
              + " || (load64(runtime·g0 + g_stackguard0) == load64(runtime·g0 + g_stack + stack_lo) + const__StackGuard"
              + " && load64(runtime·g0 + g_stackguard1) == load64(runtime·g0 + g_stack + stack_lo) + const__StackGuard)")),

      RT0_GO116_ALIGNED,
      RT0_GO116_TLS,
      rt0Go116(property("go116·rt0_go", PropertySpec.UNREACHABLE, "runtime·abort")),

      property("gogo<>", PropertySpec.NO_FAULT),
      GOGO_R14,
      property("gogo<>", PropertySpec.ENSURES, "BX == load64(entry(BX) + gobuf_pc)"),
      GOGO_CLEARED,
      assertion("gogo<>", "MOVQ $0, (BX)", "SP == load64(BX + gobuf_sp) && AX == load64(BX + gobuf_ret)"
          + " && DX == load64(BX + gobuf_ctxt) && BP == load64(BX + gobuf_bp)"),

      MCALL_BADMCALL,
      MCALL_SCHED,
      assertion("runtime·mcall", "MOVQ (DX), R12",
          "AX == entry(R14) && R14 == runtime·g0 && load64(FS - 8) == runtime·g0"),
      assertion("runtime·mcall", "MOVQ (DX), R12",
          "SP == load64(runtime·g0 + g_sched + gobuf_sp) - 8 && load64(SP) == entry(R14) && DX == entry(AX)"),

      property("runtime·systemstack", PropertySpec.STACK_BALANCE),
      SYSTEMSTACK_G,
      SYSTEMSTACK_BAD,
      property("gosave_systemstack_switch<>", PropertySpec.STACK_BALANCE),
      GOSAVE_ABORT,
      GOSAVE_SCHED,

      MORESTACK_BAD,
      MORESTACK_MOREBUF,
      assertion("runtime·morestack", "CALL runtime·newstack(SB)",
          "load64(R14 + g_sched + gobuf_pc) == load64(entry(SP)) && load64(R14 + g_sched + gobuf_sp) == entry(SP) + 8"
              + " && load64(R14 + g_sched + gobuf_bp) == entry(BP) && load64(R14 + g_sched + gobuf_ctxt) == entry(DX)"),
      assertion("runtime·morestack", "CALL runtime·newstack(SB)",
          "load64(FS - 8) == runtime·g0 && SP == load64(runtime·g0 + g_sched + gobuf_sp)"));

  /** A pending claim's mutant: the example with {@code change}, which must refute {@code claim}. */
  record Mutant(String what, UnaryOperator<Routine> change, Claim claim, Violation.Kind kind) {
    /** The program of the example's target with the mutated routine carrying the claim. */
    Program program() {
      Routine mutated = claim.apply(change.apply(Examples.routine(claim.routine())));
      return new Program(Examples.programWith(mutated).routines(), Examples.DATA, claim.contracts());
    }

    String label() {
      return claim.routine() + ": " + what + " → " + claim.label();
    }
  }

  static final List<Mutant> MUTANTS = List.of(
      new Mutant("wrong mask $~7", Mutation.replace("ANDQ $-16, SP", Op.ANDQ, new Imm(~7), Reg.SP), RT0_GO_ALIGNED,
          Violation.Kind.MISALIGNED),
      new Mutant("mstart's CALL dropped", Mutation.drop("CALL runtime·mstart(SB)"), RT0_GO_ABORT,
          Violation.Kind.REACHED),
      new Mutant("without PUSHQ $0", Mutation.drop("PUSHQ $0"), RT0_GO116_ALIGNED, Violation.Kind.MISALIGNED),
      new Mutant("settls of the wrong slot", Mutation.replace("LEAQ runtime·m0+136(SB), DI", Op.LEAQ,
          Mem.symbol("runtime·m0", 144), Reg.DI), RT0_GO116_TLS, Violation.Kind.TLS_MISMATCH),
      new Mutant("R14 not set", Mutation.drop("MOVQ DX, R14"), GOGO_R14, Violation.Kind.EXPRESSION),
      new Mutant("ctxt not cleared", Mutation.drop("MOVQ $0, 24(BX)"), GOGO_CLEARED, Violation.Kind.EXPRESSION),
      new Mutant("JNE goodm inverted", Mutation.op("JNE goodm", Op.JEQ), MCALL_BADMCALL, Violation.Kind.REACHED),
      new Mutant("g.sched.sp is SP, not the caller's SP",
          Mutation.replace("LEAQ fn(FP), BX", Op.LEAQ, Mem.reg(0, Reg.SP), Reg.BX), MCALL_SCHED,
          Violation.Kind.EXPRESSION),
      new Mutant("switching back to g0, not curg",
          Mutation.replace("MOVQ 192(BX), AX", Op.MOVQ, Mem.reg(0, Reg.BX), Reg.AX), SYSTEMSTACK_G,
          Violation.Kind.EXPRESSION),
      new Mutant("no noswitch on g0", Mutation.drop("JEQ noswitch#2"), SYSTEMSTACK_BAD, Violation.Kind.REACHED),
      new Mutant("g.sched.sp off by a word", Mutation.replace("LEAQ 8(SP), R9", Op.LEAQ, Mem.reg(0, Reg.SP), Reg.R9),
          GOSAVE_SCHED, Violation.Kind.EXPRESSION),
      new Mutant("JEQ 2(PC) inverted", Mutation.op("JEQ 2(PC)", Op.JNE), GOSAVE_ABORT, Violation.Kind.REACHED),
      new Mutant("g0 check inverted", Mutation.op("JNE 3(PC)#1", Op.JEQ), MORESTACK_BAD, Violation.Kind.REACHED),
      new Mutant("morebuf.sp off by a word", Mutation.replace("LEAQ 16(SP), AX", Op.LEAQ, Mem.reg(8, Reg.SP), Reg.AX),
          MORESTACK_MOREBUF, Violation.Kind.EXPRESSION));
}
