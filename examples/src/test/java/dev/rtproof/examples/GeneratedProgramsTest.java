package dev.rtproof.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.target.Go119;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Interpreter;
import dev.rtproof.emulator.Layout;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RoutineProgram;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.emulator.Trap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The programs the processor generated for the examples, run in the emulator. */
class GeneratedProgramsTest {
  private static final long M_TLS_DI = 0x7fff00001000L;

  @Test
  void generatedSettlsSetsFsToDiPlusEight() {
    Emulator e = new Emulator(List.of(new Tls_settls()));
    Machine m = e.newMachine();
    m.set(Reg.DI, M_TLS_DI);
    m.set(Reg.BP, 0xb0b0L);
    RunResult r = e.run(m, "runtime·settls");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(M_TLS_DI + 8, m.fsBase);
    assertEquals(0L, m.get(Reg.AX), "arch_prctl succeeded");
    assertEquals(Layout.INITIAL_SP, m.sp(), "SP balanced after RET");
    assertEquals(0xb0b0L, m.get(Reg.BP), "BP restored by the implicit epilogue");
  }

  @Test
  void settlsCrashesOnItsCrashLineWhenLinuxRefusesTheBase() {
    Emulator e = new Emulator(List.of(new Tls_settls()));
    Machine m = e.newMachine();
    m.set(Reg.DI, 0x7ffffffff000L - 8);
    RunResult r = e.run(m, "runtime·settls");
    assertEquals(Trap.Kind.FAULT, r.trap().kind());
    assertEquals(0xf1L, r.trap().address());
    assertTrue(r.trap().pos().file().endsWith("examples/Tls.java"), r.trap().pos().toString());
    assertEquals("MOVL $241, 241", new Tls_settls().lowered().at(r.trap().index()).toString());
  }

  @Test
  void rt0GoHeadBindsG0AndM0() {
    Emulator e = new Emulator(List.of(new Rt0GoHead_rt0_go_head(), new Tls_settls()));
    Machine m = e.newMachine();
    RunResult r = e.run(m, "runtime·rt0_go_head");
    // The head's closing RET pops the zero above the freshly aligned SP: rt0_go never returns.
    assertEquals(Trap.Kind.BAD_JUMP, r.trap().kind(), String.valueOf(r.trap()));
    assertEquals("RET", new Rt0GoHead_rt0_go_head().lowered().at(r.trap().index()).toString());
    long g0 = e.layout().address("runtime·g0");
    long m0 = e.layout().address("runtime·m0");
    long sp = m.sp() - 8;
    assertEquals(0, sp % 16);
    assertEquals(sp, m.load(g0 + Go119.g_stack + Go119.stack_hi, 8));
    assertEquals(sp - 65536 + 104, m.load(g0 + Go119.g_stack + Go119.stack_lo, 8));
    assertEquals(sp - 65536 + 104, m.load(g0 + Go119.g_stackguard0, 8));
    assertEquals(g0, m.load(m.fsBase - 8, 8), "[FS-8] = &g0");
    assertEquals(m0 + Go119.m_tls + 8, m.fsBase);
    assertEquals(g0, m.load(m0 + Go119.m_g0, 8));
    assertEquals(m0, m.load(g0 + Go119.g_m, 8));
  }

  @Test
  void generatedProgramsAgreeWithTheInterpreter() {
    List<RoutineProgram> generated = List.of(new Rt0GoHead_rt0_go_head(), new Tls_settls());
    List<RoutineProgram> interpreted = generated.stream()
        .map(p -> (RoutineProgram) new Interpreter(p.routine())).toList();
    for (long di : new long[] {0, 1, 0x1234, -1}) {
      Machine a = run(generated, di);
      Machine b = run(interpreted, di);
      assertArrayEquals(b.r, a.r, "registers, DI=" + di);
      assertEquals(b.rflags, a.rflags);
      assertEquals(b.undefinedFlags, a.undefinedFlags);
      assertEquals(b.fsBase, a.fsBase);
      assertEquals(b.steps(), a.steps());
    }
  }

  private static Machine run(List<RoutineProgram> programs, long di) {
    Emulator e = new Emulator(programs);
    Machine m = e.newMachine();
    m.set(Reg.DI, di);
    m.set(Reg.SI, di * 3);
    e.run(m, "runtime·rt0_go_head");
    return m;
  }
}
