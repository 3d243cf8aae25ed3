package dev.rtproof.examples;

import static dev.rtproof.dsl.target.Go119.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The Go 1.19 scheduler routines run in the emulator as their javadoc describes (their claims are proved in
 * the build).
 */
class SchedulerRoutinesTest {
  private final Emulator e = Examples.emulator("GO1_19");
  private final long g0 = e.layout().address("runtime·g0");
  private final long m0 = e.layout().address("runtime·m0");

  /** gogo(&g0.sched) resumes g0 at systemstack_switch, whose RET returns to the run's end. */
  @Test
  void gogoRestoresTheGobufAndClearsIt() {
    Machine m = e.newMachine();
    long buf = g0 + g_sched;
    long resumeSp = m.sp() - 8;                    // where run() pushes the halt address
    m.store(m.sp(), 8, buf);                       // buf+0(FP)
    m.store(buf + gobuf_g, 8, g0);
    m.store(buf + gobuf_pc, 8, e.layout().address("runtime·systemstack_switch"));
    m.store(buf + gobuf_sp, 8, resumeSp);
    m.store(buf + gobuf_ret, 8, 0x9abcL);
    m.store(buf + gobuf_ctxt, 8, 0x1234L);
    m.store(buf + gobuf_bp, 8, 0x5678L);
    m.fsBase = m0 + m_tls + 8;
    RunResult r = e.run(m, "runtime·gogo");
    assertTrue(r.returned(), String.valueOf(r.trap()));
    assertEquals(g0, m.get(Reg.R14));
    assertEquals(g0, m.load(m.fsBase - 8, 8), "[FS-8] = buf.g");
    assertEquals(0x9abcL, m.get(Reg.AX));
    assertEquals(0x1234L, m.get(Reg.DX));
    assertEquals(0x5678L, m.get(Reg.BP));
    assertEquals(resumeSp + 8, m.sp(), "SP = buf.sp, popped by systemstack_switch's RET");
    for (long field : new long[] {gobuf_sp, gobuf_ret, gobuf_ctxt, gobuf_bp}) {
      assertEquals(0L, m.load(buf + field, 8), "cleared gobuf field at " + field);
    }
  }

  /** morestack_noctxt clears DX and jumps to morestack, which refuses to grow g0's stack. */
  @Test
  void morestackOnG0CallsBadmorestackg0() {
    Machine m = e.newMachine();
    m.fsBase = m0 + m_tls + 8;
    m.store(m0 + m_tls, 8, g0);                    // running on g0
    m.store(g0 + g_m, 8, m0);
    m.store(m0 + m_g0, 8, g0);
    m.set(Reg.DX, 0xdeadL);
    java.util.List<Long> dx = new java.util.ArrayList<>();
    e.bind("runtime·badmorestackg0", c -> {
      dx.add(c.register(Reg.DX));
      throw c.exit(2);
    });
    RunResult r = e.run(m, "runtime·morestack_noctxt");
    assertEquals(2, r.exitStatus(), String.valueOf(r.trap()));
    assertEquals(java.util.List.of(0L), dx, "DX cleared before morestack");
  }
}
