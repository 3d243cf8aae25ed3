package dev.rtproof.examples.bootstrap;

import static dev.rtproof.dsl.target.Go119.*;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.examples.bootstrap.BootstrapState.G;
import dev.rtproof.examples.bootstrap.BootstrapState.P;
import java.util.ArrayList;
import java.util.List;

/** The bootstrap's outcome for people: tabulated as seed 003 does, and as an HTML page with a diagram. */
public final class BootstrapReport {
  private BootstrapReport() {}

  private static final String[] G_STATUS = {"_Gidle", "_Grunnable", "_Grunning", "_Gsyscall", "_Gwaiting", "_Gmoribund_unused", "_Gdead"};
  private static final String[] P_STATUS = {"_Pidle", "_Prunning", "_Psyscall", "_Pgcstop", "_Pdead"};

  public static String text(Bootstrap.Outcome o) {
    BootstrapState s = o.state();
    BootstrapState.Names n = s.names();
    G g0 = s.g0();
    StringBuilder b = new StringBuilder();
    b.append("_rt0_amd64_linux -> _rt0_amd64 -> runtime·rt0_go -> check, args, osinit, schedinit, newproc, mstart\n");
    b.append("ended: ").append(o.result().exitStatus() != null
        ? "mstart0: the scheduler would run the main goroutine from here (not modelled)" : String.valueOf(o.result().trap()))
        .append("; ").append(o.result().steps()).append(" instructions; argc = ").append(s.argc())
        .append("; kernel SP = ").append(Hex.of(o.entrySp())).append("\n\n");
    b.append("g0 = g{                                   // runtime·g0\n")
        .append("    stack: stack{\n")
        .append(field("        lo", Hex.of(g0.lo()), "hi - 64*1024 + 104 = hi - " + (g0.hi() - g0.lo())))
        .append(field("        hi", Hex.of(g0.hi()), "SP after ANDQ $~15, SP"))
        .append("    },\n")
        .append(field("    stackguard0", Hex.of(g0.guard0()), guardNote(g0)))
        .append(field("    stackguard1", Hex.of(g0.guard1()), ""))
        .append(field("    m", n.of(g0.m()), ""))
        .append("}\n");
    List<String> tls = new ArrayList<>();
    for (long t : s.m0().tls()) {
      tls.add(n.of(t));
    }
    b.append("m0 = m{                                   // runtime·m0\n")
        .append(field("    g0", n.of(s.m0().g0()), ""))
        .append(field("    tls", "[" + String.join(", ", tls) + "]", "FS = &m0.tls[1], so -8(FS) is tls[0]"))
        .append(field("    id", Long.toString(s.m0().id()), ""))
        .append(field("    p", n.of(s.m0().p()), ""))
        .append(field("    alllink", n.of(s.m0().alllink()), "allm = " + n.of(s.allm())))
        .append("}\n");
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < s.allp().size(); i++) {
      ps.add("allp[" + i + "]");
    }
    b.append("allp = [").append(String.join(", ", ps)).append("]        // gomaxprocs = ").append(s.gomaxprocs())
        .append(", ncpu = ").append(s.ncpu()).append("\n");
    for (int i = 0; i < s.allp().size(); i++) {
      P p = s.allp().get(i);
      b.append("allp[").append(i).append("] = p{id: ").append(p.id()).append(", status: ").append(name(P_STATUS, p.status()))
          .append(", m: ").append(n.of(p.m()));
      if (p.runnext() != 0) {
        b.append(", runnext: ").append(n.of(p.runnext()));
      }
      if (p.status() == const__Pidle) {
        b.append(", link: ").append(n.of(p.link()));
      }
      b.append("}\n");
    }
    b.append("sched = schedt{maxmcount: ").append(s.sched().maxmcount()).append(", mnext: ").append(s.sched().mnext())
        .append(", pidle: ").append(n.of(s.sched().pidle())).append(", npidle: ").append(s.sched().npidle()).append("}")
        .append("   // idle list: ").append(idleList(s)).append("\n");
    G g1 = s.main();
    if (g1 != null) {
      b.append("g1 = g{                                   // the main goroutine, allp[0].runnext\n")
          .append(field("    goid", Long.toString(g1.goid()), ""))
          .append(field("    status", name(G_STATUS, g1.status()), ""))
          .append(field("    stack", "stack{lo: " + Hex.of(g1.lo()) + ", hi: " + Hex.of(g1.hi()) + "}", (g1.hi() - g1.lo()) + " bytes"))
          .append(field("    sched.sp", Hex.of(g1.schedSp()), ""))
          .append(field("    sched.pc", n.of(g1.schedPc()), "gostartcallfn: main starts here"))
          .append(field("    sched.ctxt", n.of(g1.schedCtxt()), "the funcval"))
          .append(field("    [sched.sp]", n.of(s.mainTop()), "newproc1's sched.pc = goexit + 1, pushed as main's return address"))
          .append("}\n");
    }
    return b.toString();
  }

  private static String guardNote(G g0) {
    if (g0.guard0() == g0.lo()) {
      return "= lo, as rt0_go sets it";
    }
    return "= lo + StackGuard (" + (g0.guard0() - g0.lo()) + "), set by mstart0; rt0_go had set lo";
  }

  private static String idleList(BootstrapState s) {
    List<String> chain = new ArrayList<>();
    long at = s.sched().pidle();
    for (int guard = 0; at != 0 && guard < s.allp().size(); guard++) {
      chain.add(s.names().of(at));
      long next = 0;
      for (P p : s.allp()) {
        if (p.address() == at) {
          next = p.link();
        }
      }
      at = next;
    }
    return chain.isEmpty() ? "empty" : String.join(" -> ", chain);
  }

  private static String field(String name, String value, String note) {
    String line = name + ": " + value + ",";
    return note.isEmpty() ? line + "\n" : String.format("%-41s // %s%n", line, note);
  }

  private static String name(String[] names, int v) {
    return v >= 0 && v < names.length ? names[v] : Integer.toString(v);
  }

  /** A self-contained page: the tables and an SVG of the g0 stack, m0.tls and the g/m/p links. */
  public static String html(Bootstrap.Outcome o) {
    String text = text(o).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>rtproof: the Go 1.19 bootstrap</title>"
        + "<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}pre{font:13px ui-monospace,monospace;background:#f6f6f6;"
        + "padding:1em}svg text{font:12px ui-monospace,monospace}svg .box{fill:#eef3fb;stroke:#5b7db1}"
        + "svg .stack{fill:#f7efe2;stroke:#b18a5b}svg .edge{stroke:#333;fill:none;marker-end:url(#arrow)}"
        + "svg .title{font-weight:bold}</style></head><body>\n<h1>The Go 1.19 bootstrap, run</h1>\n"
        + BootstrapDiagram.svg(o.state()) + "\n<pre>" + text + "</pre>\n</body></html>\n";
  }
}
