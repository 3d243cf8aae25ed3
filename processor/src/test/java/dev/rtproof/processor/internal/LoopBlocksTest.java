package dev.rtproof.processor.internal;

import static dev.rtproof.dsl.ir.Op.ADDQ;
import static dev.rtproof.dsl.ir.Op.DECQ;
import static dev.rtproof.dsl.ir.Op.INCQ;
import static dev.rtproof.dsl.ir.Op.JCS;
import static dev.rtproof.dsl.ir.Op.JMP;
import static dev.rtproof.dsl.ir.Op.JNE;
import static dev.rtproof.dsl.ir.Op.MOVQ;
import static dev.rtproof.dsl.ir.Op.RET;
import static dev.rtproof.dsl.ir.Op.SHLQ;
import static dev.rtproof.dsl.ir.Reg.AX;
import static dev.rtproof.dsl.ir.Reg.BX;
import static dev.rtproof.dsl.ir.Reg.CX;
import static dev.rtproof.dsl.ir.Reg.DX;
import static dev.rtproof.dsl.ir.Reg.R8;
import static dev.rtproof.dsl.ir.Reg.SP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Lowering;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunDifference;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.Trap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocks that branch back to themselves run as Java loops counting the rounds the step limit allows, with
 * the CF a DECQ keeps folded only where it can be read ({@link FastChunk}). Over hundreds of rounds (the
 * random programs' loops run at most four) the generated program stops at every step limit exactly where
 * the interpreter stops, in the same state, and the CF read after each loop is the one its last round left.
 */
class LoopBlocksTest {
  /**
   * Two loops: the first's rounds start with ADDQ, which writes CF before anything could read the CF kept
   * from the round before; the second's start with a load, which may fault, so the kept CF must be folded
   * on the way round. AX is -1, so from the second round on the ADDQ into BX carries, and DECQ keeps that
   * CF for the JCS after each loop (a stale CF would be 0: each JCS would fall through).
   */
  private static Routine routine() {
    return Routine.builder("·loops", "GO1_19").flags(TextFlags.NOSPLIT).source("L.java", "L#loops")
        .at(1, 1).instr(MOVQ, new Imm(-1), AX)
        .at(2, 1).instr(MOVQ, new Imm(300), CX)
        .at(3, 1).label("first")
        .at(4, 1).instr(ADDQ, AX, BX)
        .at(5, 1).instr(INCQ, DX)
        .at(6, 1).instr(DECQ, CX)
        .at(7, 1).instr(JNE, new LabelRef("first"))
        .at(8, 1).instr(JCS, new LabelRef("carried"))
        .at(9, 1).instr(SHLQ, new Imm(8), DX)
        .at(10, 1).label("carried")
        .at(11, 1).instr(MOVQ, new Imm(200), CX)
        .at(12, 1).label("second")
        .at(13, 1).instr(MOVQ, Mem.reg(0, SP), R8)
        .at(14, 1).instr(ADDQ, R8, DX)
        .at(15, 1).instr(ADDQ, AX, BX)
        .at(16, 1).instr(DECQ, CX)
        .at(17, 1).instr(JNE, new LabelRef("second"))
        .at(18, 1).instr(JCS, new LabelRef("end"))
        .at(19, 1).instr(SHLQ, new Imm(8), DX)
        .at(20, 1).label("end")
        .at(21, 1).instr(RET)
        .build();
  }

  @Test
  void loopsStopAtEveryStepLimitWhereTheInterpreterStops() throws Exception {
    RoutineProgram p = generated(routine(), "// block of 4, a loop");
    Emulator reference = Emulator.interpreting(List.of(p.routine())); // the IR as the program rebuilds it
    Emulator generated = new Emulator(List.of(p));
    RunResult whole = run(reference, -1);
    assertTrue(whole.returned(), String.valueOf(whole.trap()));
    assertTrue(whole.machine().cf(), "the last round carried");
    assertNull(RunDifference.between(whole, run(generated, -1)));
    stopsWhereTheInterpreterStops(reference, generated, whole.steps());
  }

  /** {@code JMP} back to the block's own start: a loop left only when the step limit falls in it. */
  @Test
  void anEndlessLoopStopsWhereTheInterpreterStops() throws Exception {
    Routine endless = Routine.builder("·loops", "GO1_19").flags(TextFlags.NOSPLIT).source("L.java", "L#loops")
        .at(1, 1).label("again")
        .at(2, 1).instr(ADDQ, new Imm(3), AX)
        .at(3, 1).instr(DECQ, BX)
        .at(4, 1).instr(JMP, new LabelRef("again"))
        .build();
    RoutineProgram p = generated(endless, "// block of 3, a loop");
    stopsWhereTheInterpreterStops(Emulator.interpreting(List.of(p.routine())), new Emulator(List.of(p)), 1000);
  }

  /** The program generated for {@code r}, whose text must contain {@code loop} (the loop's block). */
  private static RoutineProgram generated(Routine r, String loop) throws Exception {
    ClassName name = ProgramGenerator.className("gen", "Loops", "loops");
    String text = new ProgramGenerator().generate(name, r, Lowering.lower(r, Target.GO1_19.profile())).toString();
    assertTrue(text.contains(loop) && text.contains("int rounds"), text);
    return (RoutineProgram) InMemoryCompiler.compile(
        List.of(new InMemoryCompiler.Source(name.reflectionName(), text))).loadClass(name.reflectionName())
        .getDeclaredConstructor().newInstance();
  }

  private static void stopsWhereTheInterpreterStops(Emulator reference, Emulator generated, long steps) {
    for (long limit = 0; limit < steps; limit++) {
      RunResult expected = run(reference, limit);
      RunResult actual = run(generated, limit);
      long l = limit;
      assertNull(RunDifference.between(expected, actual), () -> "step limit " + l);
      assertEquals(Trap.Kind.STEP_LIMIT, actual.trap().kind());
    }
  }

  private static RunResult run(Emulator e, long limit) {
    Machine m = e.newMachine();
    if (limit >= 0) {
      m.stepLimit(limit);
    }
    return e.run(m, "·loops");
  }
}
