package dev.rtproof.verifier.report;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.verifier.Counterexample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A counterexample as a memory picture in SVG, like the seeds' stack drawings: the addresses that matter
 * (the entry SP and its return-address slot, each symbol, the values that show the violation) top-down
 * from high to low addresses, the violating ones in red.
 */
final class CounterexamplePicture {
  private static final int ROW = 30;
  private static final int WIDTH = 640;

  private record Mark(long address, String label, boolean witness) {}

  private CounterexamplePicture() {}

  static String svg(Counterexample c) {
    List<Mark> marks = new ArrayList<>();
    Long sp = c.registers().get("SP");
    if (sp != null) {
      marks.add(new Mark(sp, "SP at entry: 0(SP) holds the return address", false));
    }
    c.symbols().forEach((name, address) -> marks.add(new Mark(address, name, false)));
    for (Map.Entry<String, Long> w : c.witnesses().entrySet()) {
      marks.add(new Mark(w.getValue(), w.getKey() + " at the violation", true));
    }
    marks.sort(Comparator.comparing(Mark::address, Long::compareUnsigned).reversed());
    int height = ROW * (marks.size() + 2);
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"memory\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\">")
        .append("<title>").append(Html.text(c.what())).append("</title>")
        .append("<text x=\"10\" y=\"18\" class=\"axis\">high addresses</text>")
        .append("<rect x=\"200\" y=\"").append(ROW).append("\" width=\"160\" height=\"").append(ROW * marks.size())
        .append("\" class=\"column\"/>");
    for (int i = 0; i < marks.size(); i++) {
      Mark m = marks.get(i);
      int y = ROW * (i + 1) + ROW / 2;
      String cls = m.witness() ? "witness" : "mark";
      b.append("<line x1=\"190\" y1=\"").append(y).append("\" x2=\"370\" y2=\"").append(y).append("\" class=\"")
          .append(cls).append("\"/>")
          .append("<text x=\"10\" y=\"").append(y + 4).append("\" class=\"addr ").append(cls).append("\">")
          .append(Hex.of(m.address())).append("</text>")
          .append("<text x=\"380\" y=\"").append(y + 4).append("\" class=\"label ").append(cls).append("\">")
          .append(Html.text(m.label())).append("</text>");
    }
    b.append("<text x=\"10\" y=\"").append(height - 8).append("\" class=\"axis\">low addresses</text></svg>");
    return b.toString();
  }
}
