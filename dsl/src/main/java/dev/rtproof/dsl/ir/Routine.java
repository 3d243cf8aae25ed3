package dev.rtproof.dsl.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A TEXT routine as written: header, instructions and labels in source order, and what it claims.
 *
 * @param symbol the Go symbol, e.g. {@code runtime·settls}
 * @param target the name of the {@code dev.rtproof.dsl.Target} it is written for, e.g. {@code GO1_19}
 * @param flags TEXT flags ({@link TextFlags})
 * @param frame declared frame size; may be negative ({@code $-8})
 * @param args declared argument size, or {@link TextFlags#ARGS_UNKNOWN}
 * @param go the Go declaration ({@code func Swap(a, b int) (int, int)}) of {@code @Go}, or ""
 * @param unroll how many times the verifier unrolls a loop before answering UNKNOWN
 * @param assertions {@code ASSERT}/{@code ASSUME} points in the body
 * @param origin where it was declared, {@code dev.rtproof.examples.Tls#settls} for Java
 */
public record Routine(
    String symbol,
    String target,
    int flags,
    int frame,
    int args,
    List<Instr> instrs,
    List<LabelDef> labels,
    List<Condition> requires,
    List<PropertySpec> properties,
    String go,
    int unroll,
    List<Assertion> assertions,
    SourcePos pos,
    String origin) {

  /** The default loop bound of {@code @Routine(unroll = …)}. */
  public static final int DEFAULT_UNROLL = 16;

  public Routine {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(target, "target");
    instrs = List.copyOf(instrs);
    labels = List.copyOf(labels);
    requires = List.copyOf(requires);
    properties = List.copyOf(properties);
    Objects.requireNonNull(go, "go");
    assertions = List.copyOf(assertions);
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(origin, "origin");
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  /** The index of the instruction label {@code name} precedes, or -1. */
  public int labelIndex(String name) {
    for (LabelDef l : labels) {
      if (l.name().equals(name)) {
        return l.index();
      }
    }
    return -1;
  }

  /** Starts a routine; generated programs rebuild their IR through this builder. */
  public static Builder builder(String symbol, String target) {
    return new Builder(symbol, target);
  }

  /** A readable way to write IR in Java, used by generated code and tests. */
  public static final class Builder {
    private final String symbol;
    private final String target;
    private int flags;
    private int frame;
    private int args = TextFlags.ARGS_UNKNOWN;
    private String file = "";
    private String origin = "";
    private SourcePos pos = SourcePos.NONE;
    private SourcePos next = SourcePos.NONE;
    private final List<Instr> instrs = new ArrayList<>();
    private final List<LabelDef> labels = new ArrayList<>();
    private final List<Condition> requires = new ArrayList<>();
    private final List<PropertySpec> properties = new ArrayList<>();
    private final List<Assertion> assertions = new ArrayList<>();
    private String go = "";
    private int unroll = DEFAULT_UNROLL;

    private Builder(String symbol, String target) {
      this.symbol = symbol;
      this.target = target;
    }

    public Builder flags(int flags) {
      this.flags = flags;
      return this;
    }

    public Builder frame(int frame) {
      this.frame = frame;
      return this;
    }

    public Builder args(int args) {
      this.args = args;
      return this;
    }

    /** The Go declaration, as {@code @Go} gives it. */
    public Builder go(String declaration) {
      this.go = declaration;
      return this;
    }

    public Builder unroll(int bound) {
      this.unroll = bound;
      return this;
    }

    /** {@code ASSERT}/{@code ASSUME} before the next instruction. */
    public Builder assertion(String expression, boolean assume) {
      assertions.add(new Assertion(instrs.size(), expression, assume, next));
      return this;
    }

    /** The source file of everything that follows, and the origin of the routine. */
    public Builder source(String file, String origin) {
      this.file = file;
      this.origin = origin;
      return this;
    }

    /** The position of the routine declaration. */
    public Builder declaredAt(int line, int column) {
      this.pos = new SourcePos(file, line, column);
      return this;
    }

    /** The position of the next instruction, label, requirement or property. */
    public Builder at(int line, int column) {
      this.next = new SourcePos(file, line, column);
      return this;
    }

    /** The position set by the last {@link #at}. */
    public SourcePos atPos() {
      return next;
    }

    /** The position set by {@link #declaredAt}. */
    public SourcePos declared() {
      return pos;
    }

    public Builder instr(Op op, Operand... operands) {
      instrs.add(new Instr(op, List.of(operands), next, Instr.Origin.SOURCE));
      return this;
    }

    /** An instruction that a macro call at the current position expanded to. */
    public Builder expanded(Op op, Operand... operands) {
      instrs.add(new Instr(op, List.of(operands), next, Instr.Origin.MACRO));
      return this;
    }

    /** {@code get_tls(r)}: one instruction, {@code MOVQ TLS, r}. */
    public Builder getTls(Reg r) {
      instrs.add(new Instr(Op.MOVQ, List.of(Reg.TLS, r), next, Instr.Origin.MACRO));
      return this;
    }

    public Builder label(String name) {
      labels.add(new LabelDef(name, instrs.size(), next));
      return this;
    }

    public Builder requires(String expression) {
      requires.add(new Condition(expression, next));
      return this;
    }

    public Builder property(String name, String... arguments) {
      properties.add(new PropertySpec(name, List.of(arguments), next));
      return this;
    }

    public Builder add(Instr instr) {
      instrs.add(instr);
      return this;
    }

    public Routine build() {
      return new Routine(symbol, target, flags, frame, args, instrs, labels, requires, properties, go, unroll,
          assertions, pos, origin);
    }
  }
}
