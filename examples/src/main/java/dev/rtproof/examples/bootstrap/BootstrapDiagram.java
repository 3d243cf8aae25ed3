package dev.rtproof.examples.bootstrap;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.examples.bootstrap.BootstrapState.P;

/** The memory diagram of the bootstrap's outcome: g0 and its stack, m0 and its TLS, the Ps, the main g. */
final class BootstrapDiagram {
  private BootstrapDiagram() {}

  static String svg(BootstrapState s) {
    int ps = s.allp().size();
    int height = Math.max(420, 110 + 70 * ps);
    StringBuilder b = new StringBuilder("<svg class=\"bootstrap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"")
        .append(height).append("\" role=\"img\"><title>g0, m0, allp and the main goroutine</title><defs><marker id=\"arrow\""
            + " viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
    // the g0 stack, carved out of the OS stack: hi at the top, lo below
    b.append(box("stack", 20, 20, 170, 300))
        .append(text(30, 40, "g0 stack (OS stack)", true))
        .append(text(30, 62, "hi " + Hex.of(s.g0().hi()), false))
        .append(text(30, 300, "lo " + Hex.of(s.g0().lo()), false))
        .append(text(30, 280, "guard " + Hex.of(s.g0().guard0()), false));
    // g0
    b.append(box("box", 240, 20, 170, 110)).append(text(250, 40, "g0 (runtime·g0)", true))
        .append(text(250, 62, "stack.lo, stack.hi", false)).append(text(250, 82, "stackguard0/1", false))
        .append(text(250, 102, "m = " + s.names().of(s.g0().m()), false))
        .append(edge(240, 57, 190, 57)).append(edge(240, 57, 190, 295));
    // m0 with its TLS
    b.append(box("box", 240, 200, 170, 130)).append(text(250, 220, "m0 (runtime·m0)", true))
        .append(text(250, 242, "g0 = " + s.names().of(s.m0().g0()), false))
        .append(text(250, 262, "tls[0] = " + s.names().of(s.m0().tls()[0]), false))
        .append(text(250, 282, "id = " + s.m0().id(), false))
        .append(text(250, 302, "p = " + s.names().of(s.m0().p()), false))
        .append(text(250, 322, "FS = &tls[1]", false))
        .append(edge(325, 130, 325, 200)).append(edge(300, 200, 300, 130))
        // -8(FS) is where get_tls finds g: m0.tls[0]
        .append(edge(480, 257, 412, 257)).append(text(422, 250, "-8(FS)", false));
    // the Ps
    for (int i = 0; i < s.allp().size(); i++) {
      P p = s.allp().get(i);
      int y = 20 + 70 * i;
      b.append(box("box", 520, y, 170, 55)).append(text(530, y + 20, "allp[" + i + "]", true))
          .append(text(530, y + 40, (p.status() == 1 ? "_Prunning" : p.status() == 0 ? "_Pidle" : "status " + p.status())
              + (p.m() != 0 ? ", m = &m0" : ""), false));
    }
    if (!s.allp().isEmpty()) {
      b.append(edge(410, 300, 520, 45));
    }
    if (s.main() != null) {
      b.append(box("box", 750, 20, 240, 110)).append(text(760, 40, "g1 (main)", true))
          .append(text(760, 62, "goid " + s.main().goid(), false))
          .append(text(760, 82, "sched.pc = " + s.names().of(s.main().schedPc()), false))
          .append(text(760, 102, "[sched.sp] = " + s.names().of(s.mainTop()), false))
          .append(edge(690, 45, 750, 45)).append(text(696, 38, "runnext", false));
    }
    return b.append("</svg>").toString();
  }

  private static String box(String cls, int x, int y, int w, int h) {
    return "<rect class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" rx=\"4\"/>";
  }

  private static String text(int x, int y, String t, boolean title) {
    return "<text x=\"" + x + "\" y=\"" + y + "\"" + (title ? " class=\"title\"" : "") + ">"
        + t.replace("&", "&amp;").replace("<", "&lt;") + "</text>";
  }

  private static String edge(int x1, int y1, int x2, int y2) {
    return "<line class=\"edge\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
  }
}
