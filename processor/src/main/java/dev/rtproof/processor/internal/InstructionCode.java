package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Cond;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.SymAddr;

/**
 * The precise code of one chunk of a routine: instruction by instruction, each announced with
 * {@code cx.at(i)} (step count, trap location, trace), on the machine's own registers and with every
 * flag computed by {@code Alu} at once. Generated programs run it when a trace is recorded, when a block
 * would pass the step limit, and when entered in the middle of a block. Data instructions are
 * specialised to their operands; the others call the interpreter's {@code Semantics}, so both executors
 * share one definition of them. Same protocol as the fast code: returns the next index when control
 * moves to another chunk, or -1 after setting {@code cx.leaveTo} when it leaves the routine.
 */
final class InstructionCode {
  private final Lowered lowered;
  private final FastOperands symbols;
  private final int from;
  private final int to;
  private final String symbol;

  InstructionCode(Lowered lowered, FastOperands symbols, int from, int to, String symbol) {
    this.lowered = lowered;
    this.symbols = symbols;
    this.from = from;
    this.to = to;
    this.symbol = symbol;
  }

  /** The method body. */
  String body() {
    StringBuilder cases = new StringBuilder();
    for (int i = from; i < to; i++) {
      Instr in = lowered.at(i);
      String where = in.origin() == Instr.Origin.IMPLICIT ? ", added by the assembler" : "";
      cases.append("    case ").append(i).append(": // ").append(JavaLiterals.comment(in.toString())).append("  (")
          .append(JavaLiterals.comment(in.pos().toString())).append(where).append(")\n");
      cases.append("      cx.at(").append(i).append(");\n");
      for (String line : of(i).split("\n")) {
        cases.append("      ").append(line).append('\n');
      }
    }
    StringBuilder sb = new StringBuilder("final Machine m = cx.m;\n");
    if (cases.indexOf("sym[") >= 0) {
      sb.append("final long[] sym = cx.addresses;\n");
    }
    sb.append("int i = index;\nwhile (true) {\n  switch (i) {\n").append(cases);
    sb.append("    default:\n      return (int) cx.fellOffEnd(").append(JavaLiterals.string(symbol)).append(");\n  }\n}\n");
    return sb.toString();
  }

  /** Statements for instruction {@code i}; control falls through, continues, or returns. */
  private String of(int i) {
    Instr in = lowered.at(i);
    Op op = in.op();
    int w = op.width();
    // The chunk's last instruction falls through into the next chunk, or off the end of the routine.
    String next = i + 1 < to ? "" : i + 1 < lowered.size() ? "\nreturn " + (i + 1) + ";"
        : "\nreturn (int) cx.fellOffEnd(" + JavaLiterals.string(symbol) + ");";
    return switch (op.form()) {
      case MOV -> in.isGetTls() ? "// get_tls: a zero-byte NOP on linux" + next
          : write(in.arg(1), w, read(in.arg(0), w)) + next;
      case LEA -> write(in.arg(1), w, symbols.ea((Mem) in.arg(0))) + next;
      case ALU -> alu(in, w) + next;
      case CMP -> "Alu.sub(m, " + read(in.arg(0), w) + ", " + read(in.arg(1), w) + ", " + w + ");" + next;
      case TEST -> "Alu.logic(m, " + read(in.arg(0), w) + " & " + read(in.arg(1), w) + ", " + w + ");" + next;
      case PUSH -> "m.push(" + read(in.arg(0), 64) + ");" + next;
      case JCC -> "if (" + condition(op.cond()) + ") {\n" + jump(i) + "\n}" + next;
      case JMP -> jump(i);
      case CALL -> call(i);
      case RET -> "cx.leaveTo = m.pop();\nreturn -1;";
      case NOP, PCALIGN, PREFIX -> "// no effect" + next;
      default -> (op == Op.SYSCALL ? "cx.syscall(" + i + ");" : "Semantics.exec(cx, LOWERED.at(" + i + "), " + i + ");")
          + next;
    };
  }

  private String alu(Instr in, int w) {
    String fn = switch (in.op()) {
      case ADDQ, ADDL -> "add";
      case SUBQ, SUBL -> "sub";
      default -> null;
    };
    String logic = switch (in.op()) {
      case ANDQ, ANDL -> "&";
      case ORQ, ORL -> "|";
      case XORQ, XORL -> "^";
      default -> null;
    };
    Operand dst = in.arg(1);
    String a = dst instanceof Mem ? "m.load(ea, " + w / 8 + ")" : read(dst, w);
    String b = read(in.arg(0), w);
    String value = fn != null ? "Alu." + fn + "(m, " + a + ", " + b + ", " + w + ")"
        : "Alu.logic(m, " + a + " " + logic + " " + b + ", " + w + ")";
    if (dst instanceof Mem mem) {
      return "{ long ea = " + ea(mem) + "; m.store(ea, " + w / 8 + ", " + value + "); }";
    }
    return write(dst, w, value);
  }

  /** A branch: to an index of this chunk, of another chunk, or out of the routine. */
  private String jump(int i) {
    int t = lowered.target()[i];
    if (t < 0) {
      return "cx.leaveTo = " + target(lowered.at(i).arg(0)) + ";\nreturn -1;";
    }
    return t >= from && t < to ? "i = " + t + ";\ncontinue;" : "return " + t + ";";
  }

  private String call(int i) {
    int t = lowered.target()[i];
    String target = t >= 0 ? "cx.base + " + t : target(lowered.at(i).arg(0));
    return "{ long t = " + target + "; m.push(cx.base + " + (i + 1) + "); cx.leaveTo = t; }\nreturn -1;";
  }

  private String target(Operand o) {
    if (o instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null) {
      return symbols.symbol(m.name()) + FastOperands.offset(m.disp());
    }
    return read(o, 64);
  }

  private static String condition(Cond c) {
    return "Alu.test(Cond." + c.name() + ", m.rflags)";
  }

  // ---- operands on the machine's registers ------------------------------------------------------------

  private String ea(Mem m) {
    return symbols.ea(m);
  }

  private String read(Operand o, int w) {
    if (o instanceof Reg r) {
      if (r.isGpr()) {
        return w == 64 ? "m.r[" + r.number() + "]" : "(m.r[" + r.number() + "] & " + FastOperands.mask(w) + ")";
      }
      return "m.get(Reg." + r.name() + ", " + w + ")";
    }
    if (o instanceof Imm || o instanceof SymAddr) {
      return symbols.read(o, w);
    }
    return "m.load(" + ea((Mem) o) + ", " + w / 8 + ")";
  }

  private String write(Operand dst, int w, String value) {
    if (dst instanceof Reg r && r.isGpr() && w == 64) {
      return "m.r[" + r.number() + "] = " + value + ";";
    }
    if (dst instanceof Reg r && r.isGpr() && w == 32) {
      return "m.r[" + r.number() + "] = (" + value + ") & 0xffffffffL;";
    }
    if (dst instanceof Reg r) {
      return "m.set(Reg." + r.name() + ", " + w + ", " + value + ");";
    }
    return "m.store(" + ea((Mem) dst) + ", " + w / 8 + ", " + value + ");";
  }
}
