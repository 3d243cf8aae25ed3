package dev.rtproof.examples;

import static dev.rtproof.dsl.target.Go116.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.emulator.Emulator;
import dev.rtproof.emulator.External;
import dev.rtproof.emulator.Machine;
import dev.rtproof.emulator.RunResult;
import dev.rtproof.verifier.Counterexample;
import dev.rtproof.verifier.Status;
import dev.rtproof.verifier.Verdict;
import dev.rtproof.verifier.replay.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go 1.16's rt0_go run in the emulator, and settls under the one-page-too-weak requirement DI + 8 < 2^47. */
class Rt0Go116Test {
  private static final long ARGC = 3;
  private static final long ARGV = 0x7fffffffe008L;

  /** What the runtime functions rt0_go calls saw. */
  private final List<String> calls = new ArrayList<>();
  private long newprocSp;
  private long newprocSize = -1;
  private long newprocFn;
  private long argsArgc;
  private long argsArgv;

  private Emulator emulator() {
    Emulator e = Examples.emulator("GO1_16");
    External record = c -> calls.add(c.symbol());
    e.bind("runtime·check", record).bind("runtime·osinit", record).bind("runtime·schedinit", record);
    e.bind("runtime·args", c -> {
      calls.add(c.symbol());
      argsArgc = c.arg(0, 4);
      argsArgv = c.arg(8);
    });
    e.bind("runtime·newproc", c -> {
      calls.add(c.symbol());
      newprocSp = c.machine().sp();
      newprocSize = c.arg(0, 4);
      newprocFn = c.arg(8);
    });
    e.bind("runtime·mstart", c -> {
      calls.add(c.symbol());
      throw c.exit(0);
    });
    return e;
  }

  @Test
  void rt0GoCallsNewprocWithTheSizeAndTheEntryOnAnAlignedStack() {
    Emulator e = emulator();
    Machine m = e.newMachine();
    m.set(Reg.DI, ARGC);
    m.set(Reg.SI, ARGV);
    RunResult r = e.run(m, "go116·rt0_go");
    assertEquals(0, r.exitStatus(), String.valueOf(r.trap()));
    assertEquals(List.of("runtime·check", "runtime·args", "runtime·osinit", "runtime·schedinit", "runtime·newproc",
        "runtime·mstart"), calls);
    assertEquals(ARGC, argsArgc, "argc copied from 16(SP) to 0(SP)");
    assertEquals(ARGV, argsArgv, "argv copied from 24(SP) to 8(SP)");
    assertEquals(0, newprocSize, "PUSHQ $0: the argument size");
    assertEquals(e.layout().address("runtime·mainPC"), newprocFn, "PUSHQ AX: the entry");
    assertEquals(8, newprocSp % 16, "two pushes keep the CALL at SP ≡ 0 (mod 16); the return address makes it 8");

    long g0 = e.layout().address("runtime·g0");
    long m0 = e.layout().address("runtime·m0");
    long hi = m.load(g0 + g_stack + stack_hi, 8);
    assertEquals(0, hi % 16);
    assertEquals(hi - 65536 + 104, m.load(g0 + g_stack + stack_lo, 8));
    assertEquals(g0, m.load(m.fsBase - 8, 8), "[FS-8] = &g0");
    assertEquals(m0 + m_tls + 8, m.fsBase);
    assertEquals(g0, m.load(m0 + m_g0, 8));
    assertEquals(m0, m.load(g0 + g_m, 8));
  }

  /** As documented on go116·settls: under DI + 8 < 2^47, Linux refuses the last page and settls crashes. */
  @Test
  void settlsFaultsForAnAddressInTheLastUserPage() {
    var settls = Mutation.requires("DI + 8 < 0x800000000000").apply(Examples.routine("go116·settls"));
    Verdict v = Examples.verify(settls, "no-fault");
    assertEquals(Status.VIOLATED, v.status(), v.toString());
    Counterexample c = v.counterexample();
    assertEquals(Violation.Kind.FAULT, c.violation().kind());
    long base = c.registers().get("DI") + 8;
    assertTrue(Long.compareUnsigned(base, 0x7ffffffff000L) >= 0 && Long.compareUnsigned(base, 1L << 47) < 0,
        "DI + 8 = 0x" + Long.toHexString(base) + " lies in the last page below 2^47");
    assertEquals(settls.instrs().get(Mutation.indexOf(settls, "MOVL $241, 241")).pos(), v.pos(),
        "reported on the crash store MOVL $0xf1, 0xf1");
    assertTrue(!c.replay().isEmpty() && c.replay().get(c.replay().size() - 1).contains("FAULT"),
        String.join("\n", c.replay()));
  }
}
