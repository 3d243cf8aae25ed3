package dev.rtproof.dsl.ir;

import java.util.Objects;

/** A branch target naming a label of the same routine. */
public record LabelRef(String name) implements Operand {
  public LabelRef {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return name;
  }
}
