package dev.rtproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void settlsReturnsWithFsSetAndShowsTheStackItWrote() {
    int rc = run("run", "runtime.settls", "--set", "DI=runtime·m0+136");
    String text = out.toString();
    assertEquals(0, rc, text + err);
    assertTrue(text.startsWith("runtime·settls returned after 13 instructions"), text);
    assertTrue(text.contains("AX  0x0000000000000000"), text);
    assertTrue(text.matches("(?s).*FS\\.base 0x[0-9a-f]+090 .*"), "m0 + 136 + 8, m0 being page-aligned: " + text);
    assertTrue(text.contains("memory written (final values):\n  entry SP-8 "), "BP saved in the frame: " + text);
    assertTrue(!text.contains("entry SP  "), "the run's own return address is not the routine's doing: " + text);
  }

  @Test
  void aTrapIsPrintedWithItsLineAndFailsTheRun() {
    int rc = run("run", "runtime·settls", "--set", "DI=0x7ffffffff000");
    String text = out.toString();
    assertEquals(1, rc, text);
    assertTrue(text.contains("runtime·settls trapped after 11 instructions"), text);
    assertTrue(text.contains("FAULT: unmapped write of 4 bytes at 0xf1 in runtime·settls at dev/rtproof/examples/Tls.java:"),
        text);
  }

  @Test
  void memoryCanBeSetAndTheTraceShowsEachInstruction() {
    assertEquals(0, run("run", "·readId", "--trace"));
    String text = out.toString();
    assertTrue(text.contains("MOVQ ·Id(SB), AX  ; AX=0x2537"), text);
    assertTrue(text.contains("=> returned"), text);
    assertTrue(text.contains("entry SP+8"), "ret+0(FP) is 8(SP) at entry: " + text);
    out.getBuffer().setLength(0);
    assertEquals(0, run("run", "·readId", "--mem", "·Id=42", "--interpret"));
    assertTrue(out.toString().contains("AX  0x000000000000002a"), out.toString());
  }

  @Test
  void rt0GoRunsTheBootstrapFromTheKernelEntryAndDrawsIt(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("boot.html");
    int rc = run("run", "runtime·rt0_go", "--html", page.toString());
    String text = out.toString();
    assertEquals(0, rc, text + err);
    assertTrue(text.startsWith("_rt0_amd64_linux -> _rt0_amd64 -> runtime·rt0_go"), text);
    assertTrue(text.contains("mstart0: the scheduler would run the main goroutine"), text);
    assertTrue(text.matches("(?s).*m0 = m\\{ +// runtime·m0\\n    g0: &g0,\\n    tls: \\[&g0, .*"), "m0.tls[0] = &g0: " + text);
    assertTrue(text.contains("allp[0] = p{id: 0, status: _Prunning, m: &m0, runnext: &g1}"), text);
    assertTrue(text.contains("    status: _Grunnable,"), text);
    assertTrue(text.contains("page with the memory diagram: " + page), text);
    String html = Files.readString(page);
    assertTrue(html.contains("<svg") && html.contains("m0.tls"), html);
  }

  @Test
  void bareRunsTheRoutineAloneAndScenarioRunsRefuseBareOptions() {
    assertEquals(1, run("run", "runtime·rt0_go", "--bare"));
    assertTrue(out.toString().startsWith("runtime·rt0_go trapped"), out.toString());
    assertEquals(2, run("run", "runtime·rt0_go", "--set", "AX=1"));
    assertTrue(err.toString().contains("runs the bootstrap scenario; add --bare"), err.toString());
  }

  @Test
  void badArgumentsAreUsageErrorsNamingWhatIsWrong() {
    assertEquals(2, run("run", "·nowhere"));
    assertTrue(err.toString().contains("no routine ·nowhere on the classpath"), err.toString());
    assertEquals(2, run("run", "·readId", "--set", "XY=1"));
    assertTrue(err.toString().contains("XY is not a register"), err.toString());
    assertEquals(2, run("run", "·readId", "--mem", "·Id+4=1"));
    assertTrue(err.toString().contains("8 bytes at ·Id+4 are outside ·Id"), err.toString());
    assertEquals(2, run("run", "·readId", "--set", "AX=12q"));
    assertTrue(err.toString().contains("AX=12q: no symbol 12q in the program"), err.toString());
  }
}
