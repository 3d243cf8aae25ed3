package dev.rtproof.examples.bootstrap;

import static dev.rtproof.dsl.target.Go119.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.emulator.DataSection;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.RoutineProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The bootstrap run ends in the state the seeds describe. */
class BootstrapTest {
  static Emulator emulator() {
    List<RoutineProgram> programs = new ArrayList<>();
    // One emulator runs one target's routines: the Go 1.19 ones the bootstrap starts.
    ServiceLoader.load(RoutineProgram.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.routine().target().equals("GO1_19")).forEach(programs::add);
    List<DataSymbol> data = new ArrayList<>();
    ServiceLoader.load(DataSection.class).forEach(d -> data.addAll(d.symbols()));
    return new Emulator(programs, data);
  }

  @Test
  void theBootstrapReachesMstart0InTheSeedsState() {
    Emulator e = emulator();
    Bootstrap.Outcome o = Bootstrap.run(e, Bootstrap.Options.defaults());
    assertEquals(RuntimeModels.SCHEDULER_STARTS, o.result().exitStatus(), String.valueOf(o.result().trap()));
    BootstrapState s = o.state();
    long g0 = e.layout().address("runtime·g0");
    long m0 = e.layout().address("runtime·m0");

    // rt0_go's SP: the kernel SP, minus 5*8, aligned down to 16
    long aligned = (o.entrySp() - 40) & ~15L;
    assertEquals(aligned, s.g0().hi(), "g0.stack.hi = the aligned SP");
    assertEquals(aligned - 65536 + 104, s.g0().lo(), "lo = hi - 65536 + 104");
    assertEquals(s.g0().lo() + const__StackGuard, s.g0().guard0(), "mstart0 set the guards to lo + StackGuard");
    assertEquals(g0, s.m0().tls()[0], "m0.tls[0] = &g0");
    assertEquals(m0 + m_tls + 8, s.fs(), "FS = &m0.tls[1]");
    assertEquals(g0, s.m0().g0(), "m0.g0 = &g0");
    assertEquals(m0, s.g0().m(), "g0.m = &m0");
    assertEquals(m0, s.allm(), "allm = &m0");

    assertEquals(4, s.allp().size(), "GOMAXPROCS = ncpu = 4 Ps");
    assertEquals(m0, s.allp().get(0).m(), "allp[0].m = &m0");
    assertEquals(s.allp().get(0).address(), s.m0().p(), "m0.p = allp[0]");
    assertEquals(const__Prunning, s.allp().get(0).status());
    assertEquals(3, s.sched().npidle());
    // procresize walks down from allp[3] and pidleput pushes at the head: allp[1] -> allp[2] -> allp[3]
    assertEquals(s.allp().get(1).address(), s.sched().pidle(), "the idle list starts at allp[1]");
    assertEquals(s.allp().get(2).address(), s.allp().get(1).link());
    assertEquals(s.allp().get(3).address(), s.allp().get(2).link());
    assertEquals(0, s.allp().get(3).link());

    BootstrapState.G main = s.main();
    assertNotNull(main, "the main goroutine is allp[0].runnext");
    assertEquals(const__Grunnable, main.status());
    assertEquals(1, main.goid());
    assertEquals(2048, main.hi() - main.lo(), "a 2 KiB stack");
    assertEquals(e.layout().address("runtime·goexit") + 1, s.mainTop(), "[sched.sp] = goexit + 1, main's return address");
    assertEquals(e.layout().address("runtime·main"), main.schedPc(), "sched.pc = runtime·main");
    assertEquals(e.layout().address("runtime·mainPC"), main.schedCtxt(), "ctxt = the funcval &mainPC");
  }

  @Test
  void gomaxprocsFromTheEnvironmentSetsTheNumberOfPs() {
    Bootstrap.Outcome o = Bootstrap.run(emulator(),
        new Bootstrap.Options(List.of("./hello", "-v"), List.of("GOMAXPROCS=2"), 8));
    assertEquals(2, o.state().allp().size());
    assertEquals(8, o.state().ncpu());
    assertEquals(2, o.state().argc());
  }

  @Test
  void theTableAndThePageShowTheState() {
    Bootstrap.Outcome o = Bootstrap.run(emulator(), Bootstrap.Options.defaults());
    String text = BootstrapReport.text(o);
    assertTrue(text.contains("tls: [&g0, nil, nil, nil, nil, nil],"), text);
    assertTrue(text.contains("allp[0] = p{id: 0, status: _Prunning, m: &m0, runnext: &g1}"), text);
    assertTrue(text.contains("idle list: allp[1] -> allp[2] -> allp[3]"), text);
    assertTrue(text.contains("[sched.sp]: runtime·goexit+1,"), text);
    String html = BootstrapReport.html(o);
    assertTrue(html.contains("<svg class=\"bootstrap\""), html);
    assertTrue(html.contains("m0 (runtime·m0)"), html);
  }
}
