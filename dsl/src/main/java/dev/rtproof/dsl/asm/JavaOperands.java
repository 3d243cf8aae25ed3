package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.ArrayList;
import java.util.List;

/** One instruction as a DSL statement: {@code MOVQ(mem(g_m, CX), AX);}. */
final class JavaOperands {
  private final JavaExpressions numbers;

  JavaOperands(JavaExpressions numbers) {
    this.numbers = numbers;
  }

  String statement(Instr in, List<AsmExpr> written) {
    if (in.origin() == Instr.Origin.MACRO && in.isGetTls()) {
      return "get_tls(" + in.arg(1) + ");";
    }
    List<String> args = new ArrayList<>();
    for (int i = 0; i < in.args().size(); i++) {
      args.add(operand(in.arg(i), i < written.size() ? written.get(i) : null));
    }
    return in.op().name() + "(" + String.join(", ", args) + ");";
  }

  private String operand(Operand o, AsmExpr written) {
    if (o instanceof Reg r) {
      return r.name();
    }
    if (o instanceof Imm i) {
      return "$(" + numbers.spell(written, i.value()) + ")";
    }
    if (o instanceof SymAddr a) {
      return "$(" + sym(a.symbol(), a.offset(), written) + ")";
    }
    if (o instanceof LabelRef l) {
      return string(l.name());
    }
    if (o instanceof PcRel p) {
      return "pc(" + numbers.spell(written, p.n()) + ")";
    }
    Mem m = (Mem) o;
    String disp = numbers.spell(written, m.disp());
    return switch (m.kind()) {
      case REG -> m.index() != null ? "mem(" + disp + ", " + m.base() + ", " + m.index() + ", " + m.scale() + ")"
          : m.disp() == 0 && written == null ? "mem(" + m.base() + ")" : "mem(" + disp + ", " + m.base() + ")";
      case TLS -> m.disp() == 0 ? "g(" + m.base() + ")" : "mem(" + disp + ", " + m.base() + ", TLS, 1)";
      case SYMBOL -> sym(m.name(), m.disp(), written);
      case ABSOLUTE -> "abs(" + disp + ")";
      case FP -> "arg(" + string(m.name()) + ", " + disp + ")";
      case LOCAL -> "local(" + string(m.name()) + ", " + disp + ")";
    };
  }

  /** A DATA value: {@code $(n)} or {@code $(sym("x", off))}. */
  String value(Operand o) {
    return operand(o, null);
  }

  /** {@code sym("name")} or {@code sym("name", offset)}. */
  static String symbol(String name, long offset) {
    return offset == 0 ? "sym(" + string(name) + ")" : "sym(" + string(name) + ", " + JavaExpressions.literal(offset) + ")";
  }

  private String sym(String name, long offset, AsmExpr written) {
    return offset == 0 && (written == null || written.value() == 0 && !(written instanceof AsmExpr.Named))
        ? "sym(" + string(name) + ")" : "sym(" + string(name) + ", " + numbers.spell(written, offset) + ")";
  }

  /** A Java string literal; the middle dot stays as written (sources are UTF-8). */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
