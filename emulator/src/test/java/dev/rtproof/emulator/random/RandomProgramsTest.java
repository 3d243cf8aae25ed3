package dev.rtproof.emulator.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.RoutineChecks;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.Trap;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomProgramsTest {
  @Test
  void theSameSeedGivesTheSameCasesAndAnotherSeedOthers() {
    RandomPrograms a = new RandomPrograms(42, Feature.all(), 30);
    RandomPrograms b = new RandomPrograms(42, Feature.all(), 30);
    for (int i = 0; i < 50; i++) {
      RandomCase x = a.next();
      RandomCase y = b.next();
      assertEquals(x.toString(), y.toString());
      assertEquals(x.toString(), a.generate(x.seed()).toString(), "a case is reproducible from its seed");
    }
    assertNotEquals(new RandomPrograms(1, Feature.all(), 30).next().toString(),
        new RandomPrograms(2, Feature.all(), 30).next().toString());
  }

  @Test
  void cpuProgramsAreWellFormedAndAlwaysReturnWithTheirStackBalanced() {
    RandomPrograms p = new RandomPrograms(7, Feature.cpu(), 40);
    for (int i = 0; i < 2000; i++) {
      RandomCase c = p.next();
      for (Routine r : c.routines()) {
        assertEquals(java.util.List.of(), RoutineChecks.check(r), c.toString());
      }
      Emulator e = c.interpreter();
      Machine m = c.machine(e);
      long sp = m.sp();
      RunResult res = e.run(m, c.entry().symbol());
      assertTrue(res.returned(), () -> res.trap() + "\n" + c);
      assertEquals(sp, m.sp(), c::toString);
    }
  }

  @Test
  void cpuProgramsCoverEveryConditionAndEveryDataInstruction() {
    Set<Op> seen = EnumSet.noneOf(Op.class);
    RandomPrograms p = new RandomPrograms(3, Feature.cpu(), 40);
    for (int i = 0; i < 500; i++) {
      for (Instr in : p.next().entry().instrs()) {
        seen.add(in.op());
      }
    }
    for (Cond c : Cond.values()) {
      assertTrue(seen.contains(FlagGuard.jump(c)), "J" + c);
    }
    Set<Op> cpuOnlyExcluded = EnumSet.of(Op.CALL, Op.SYSCALL, Op.CPUID, Op.XGETBV, Op.UNDEF, Op.INT, Op.PCALIGN,
        Op.UNSUPPORTED);
    for (Op op : Op.values()) {
      if (!cpuOnlyExcluded.contains(op)) {
        assertTrue(seen.contains(op), op.name());
      }
    }
  }

  @Test
  void fullProgramsUseEveryInstructionTheEmulatorExecutesAndEveryTrapKindOccurs() {
    Set<Op> seen = EnumSet.noneOf(Op.class);
    Set<Trap.Kind> traps = EnumSet.noneOf(Trap.Kind.class);
    RandomPrograms p = new RandomPrograms(11, Feature.all(), 40);
    for (int i = 0; i < 1500; i++) {
      RandomCase c = p.next();
      c.routines().forEach(r -> r.instrs().forEach(in -> seen.add(in.op())));
      Emulator e = c.interpreter();
      RunResult res = e.run(c.machine(e), c.entry().symbol());
      if (res.trapped()) {
        traps.add(res.trap().kind());
      }
    }
    assertEquals(EnumSet.complementOf(EnumSet.of(Op.UNSUPPORTED)), seen);
    assertEquals(EnumSet.of(Trap.Kind.FAULT, Trap.Kind.INT, Trap.Kind.UNDEF, Trap.Kind.ABORT,
        Trap.Kind.UNBOUND_SYMBOL, Trap.Kind.UNKNOWN_SYSCALL, Trap.Kind.UNSUPPORTED), traps);
  }
}
