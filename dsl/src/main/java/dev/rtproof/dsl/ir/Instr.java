package dev.rtproof.dsl.ir;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One assembler instruction: a mnemonic, its operands in Go order (sources first, destination last),
 * where it came from, and how it came to be. {@code raw} is the source text of an {@link Op#UNSUPPORTED}
 * instruction and null otherwise.
 */
public record Instr(Op op, List<Operand> args, SourcePos pos, Origin origin, String raw) {

  /** How an instruction entered the routine. */
  public enum Origin {
    /** Written by the user. */
    SOURCE,
    /** The expansion of a Go macro written by the user; {@code get_tls(r)} is one instruction. */
    MACRO,
    /** Added by the assembler (frame setup, epilogue, prologue); not printed, but executed and verified. */
    IMPLICIT
  }

  public Instr {
    Objects.requireNonNull(op, "op");
    args = List.copyOf(args);
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(origin, "origin");
    if ((op == Op.UNSUPPORTED) != (raw != null)) {
      throw new IllegalArgumentException("raw text is for UNSUPPORTED instructions only: " + op + " " + raw);
    }
  }

  /** A modelled instruction. */
  public Instr(Op op, List<Operand> args, SourcePos pos, Origin origin) {
    this(op, args, pos, origin, null);
  }

  /** An instruction rtproof keeps but does not execute, e.g. {@code VMOVDQU (SI), Y0}, as its source text. */
  public static Instr unsupported(String text, SourcePos pos) {
    return new Instr(Op.UNSUPPORTED, List.of(), pos, Origin.SOURCE, text);
  }

  public static Instr of(Op op, SourcePos pos, Operand... args) {
    return new Instr(op, List.of(args), pos, Origin.SOURCE);
  }

  public Operand arg(int i) {
    return args.get(i);
  }

  /** The last operand: the destination of data instructions, the target of branches. */
  public Operand last() {
    return args.get(args.size() - 1);
  }

  /** True for {@code MOVQ TLS, r}, the expansion of {@code get_tls(r)}. */
  public boolean isGetTls() {
    return op == Op.MOVQ && args.size() == 2 && args.get(0) == Reg.TLS;
  }

  @Override
  public String toString() {
    if (op == Op.UNSUPPORTED) {
      return raw;
    }
    if (origin == Origin.MACRO && isGetTls()) {
      return "get_tls(" + args.get(1) + ")";
    }
    String ops = args.stream().map(Object::toString).collect(Collectors.joining(", "));
    return ops.isEmpty() ? op.name() : op.name() + " " + ops;
  }
}
