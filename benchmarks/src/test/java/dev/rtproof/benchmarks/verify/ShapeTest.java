package dev.rtproof.benchmarks.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rtproof.dsl.ir.Program;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verifier;
import dev.rtproof.verifier.VerifyOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaling shapes have the sizes they claim, and their properties hold, merged or not. */
class ShapeTest {
  private static Status verify(Routine r, VerifyOptions options) {
    return new Verifier(options).verify(new Program(List.of(r)), r, r.properties().get(0)).status();
  }

  @Test
  void sizesCountInstructionsDiamondsAndMemoryOperations() {
    assertEquals(100, Shape.STRAIGHT.routine(100).instrs().size());
    assertEquals(2 + 3 * 5, Shape.DIAMONDS.routine(5).instrs().size());
    assertEquals(2 + 3 * 5, Shape.COUNTED_DIAMONDS.routine(5).instrs().size());
    assertEquals(3 + 30, Shape.MEMORY.routine(30).instrs().size());
  }

  @Test
  void smallShapesAreProvedWithAndWithoutMerging() {
    for (VerifyOptions o : List.of(VerifyOptions.defaults(), VerifyOptions.defaults().withoutMerging())) {
      assertEquals(Status.PROVED, verify(Shape.STRAIGHT.routine(100), o));
      assertEquals(Status.PROVED, verify(Shape.DIAMONDS.routine(4), o));
      assertEquals(Status.PROVED, verify(Shape.COUNTED_DIAMONDS.routine(4), o));
      assertEquals(Status.PROVED, verify(Shape.MEMORY.routine(30), o));
    }
  }
}
