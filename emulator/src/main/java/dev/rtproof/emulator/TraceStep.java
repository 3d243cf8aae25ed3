package dev.rtproof.emulator;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One executed instruction of a {@link Trace}: where it is and what it changed. A call to a bound
 * {@link External} model is a step of its own with index -1, including the RET executed for it.
 *
 * @param routine the routine (or model symbol)
 * @param index the instruction's index in the routine's lowered code, or -1 for a model
 * @param instruction the instruction in Go syntax
 * @param pos its source position
 * @param changes what changed, in the order registers, flags, segment bases, stores
 */
public record TraceStep(String routine, int index, String instruction, SourcePos pos, List<Change> changes) {

  public TraceStep {
    changes = List.copyOf(changes);
  }

  /** One effect of an instruction. */
  public sealed interface Change {}

  /** A register's new value. */
  public record RegisterChange(Reg register, long before, long after) implements Change {
    @Override
    public String toString() {
      return register + "=" + Trap.hex(after);
    }
  }

  /** RFLAGS and its undefined mask after the instruction. */
  public record FlagsChange(long before, long after, long undefinedBefore, long undefinedAfter) implements Change {
    @Override
    public String toString() {
      return "flags=" + Flags.format(after, undefinedAfter).replace(' ', ',');
    }
  }

  /** The FS or GS base. */
  public record SegmentChange(String segment, long before, long after) implements Change {
    @Override
    public String toString() {
      return segment + ".base=" + Trap.hex(after);
    }
  }

  /** A store of {@code bytes} bytes. */
  public record Store(long address, int bytes, long before, long after) implements Change {
    @Override
    public String toString() {
      return "[" + Trap.hex(address) + "]/" + bytes + "=" + Trap.hex(after);
    }
  }

  @Override
  public String toString() {
    String where = pos.isKnown() ? pos.toString() : routine + (index >= 0 ? "+" + index : "");
    String what = changes.stream().map(Object::toString).collect(Collectors.joining(" "));
    return where + ": " + instruction + (what.isEmpty() ? "" : "  ; " + what);
  }
}
