package dev.rtproof.processor.internal;

import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.Reg;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fast code of one chunk of a routine: a method {@code int fastK(Context cx, int index)} that runs
 * whole blocks with the registers it uses in locals and the flags pending ({@link FastFlags}), and
 * returns the next instruction index when control moves to another chunk, -1 after setting
 * {@code cx.leaveTo} when it leaves the routine, or {@code -2 - j} to have instruction {@code j} and
 * the rest of this execution run by the precise code.
 *
 * <p>Step counting is per block: a block whose instructions would pass the step limit is not run here
 * but handed (with the machine up to date) to the precise code, which traps at the right instruction. Within a block the count and the
 * current instruction are updated only before instructions that may fault, so a trap reports exactly what
 * the interpreter reports. Everything the locals hold goes back to the machine whenever the machine is
 * observable: leaving, faulting, syscalls, CPUID.
 *
 * <p>A block that branches back to its own start is a Java loop over the rounds the step limit allows
 * from its start; when they run out, control goes round the switch to the block's start again, whose
 * check hands the round the limit falls in to the precise code.
 */
final class FastChunk {
  private final Lowered lowered;
  private final Blocks blocks;
  private final int from;
  private final int to;
  private final FastOperands ops;
  private final String symbol;
  private final Set<Integer> regs = new TreeSet<>();
  private StringBuilder out = new StringBuilder();
  private int indent;
  /** The block being written when it branches back to its own start ({@code [start, end)}), else null. */
  private int[] loop;
  /** The data instructions of the block being written. */
  private FastInstructions data;

  FastChunk(Blocks blocks, int from, int to, FastOperands ops, String symbol) {
    this.lowered = blocks.lowered();
    this.blocks = blocks;
    this.from = from;
    this.to = to;
    this.ops = ops;
    this.symbol = symbol;
    for (int i = from; i < to; i++) {
      Instr in = lowered.at(i);
      in.args().forEach(o -> FastOperands.registers(o, regs));
      switch (in.op().form()) {
        case PUSH, POP, CALL, RET, ADJSP -> regs.add(Reg.SP.number());
        case CMPXCHG -> regs.add(Reg.AX.number());
        default -> { }
      }
    }
  }

  /** The method body. */
  String body() {
    indent = 2;
    open("switch (i) {");
    for (int s = from; s < to; s = blocks.end(s)) {
      block(s, blocks.end(s));
    }
    line("default:");
    indent++;
    line("// not the start of a block here (a computed jump into the middle of one): go instruction by instruction");
    line("next = -2 - i;");
    line("break out;");
    indent--;
    close();
    String blocksCode = out.toString();
    out = new StringBuilder();
    indent = 0;
    line("final Machine m = cx.m;");
    line("final long[] r = m.r;");
    line("final Memory mem = m.memory;");
    if (blocksCode.contains("sym[")) {
      line("final long[] sym = cx.addresses;");
    }
    for (int n : regs) {
      line("long r" + n + " = r[" + n + "];");
    }
    line("long fl = m.rflags;");
    line("long fu = m.undefinedFlags;");
    line("int fk = 0;");
    line("long fa = 0, fb = 0, fr = 0;");
    line("long steps = m.steps();");
    line("final long limit = m.stepLimit();");
    line("int at = index;");
    line("int i = index;");
    line("int next;");
    open("try {");
    line("out:");
    open("while (true) {");
    out.append(blocksCode);
    close();
    indent--;
    open("} catch (MachineFault f) {");
    sync();
    line("throw f;");
    close();
    // Outside the try: the calls that materialise the flags then have no path to the handler, which
    // would keep every local live across them and so (HotSpot's calls preserving no register) on the stack.
    line("// leaving the chunk: the machine takes back what the locals hold");
    sync();
    line("return next;");
    return out.toString();
  }

  private void block(int s, int e) {
    Op.Form end = lowered.at(e - 1).op().form();
    boolean loops = lowered.target()[e - 1] == s && (end == Op.Form.JMP || end == Op.Form.JCC);
    line("case " + s + ": // block of " + (e - s) + (loops ? ", a loop" : ""));
    indent++;
    open("if (steps + " + (e - s) + " > limit) {");
    line("next = " + (-2 - s) + "; // the limit falls in this block: run it instruction by instruction");
    line("break out;");
    close();
    if (loops) {
      // A Java loop rather than a way round the switch: each round's flags and registers are then plain
      // values the JIT keeps in registers, not values merged at the switch from every block of the chunk.
      // The rounds the step limit allows are counted in an int, which HotSpot compiles as a counted loop
      // (measured: twice as fast as comparing the 64-bit step count with the limit every round).
      line("int rounds" + s + " = (int) Math.min((limit - steps) / " + (e - s) + ", Integer.MAX_VALUE);");
      open("while (true) {");
      loop = new int[] {s, e};
    }
    data = new FastInstructions(ops);
    int counted = 0;
    for (int j = s; j < e; j++) {
      Instr in = lowered.at(j);
      String where = in.origin() == Instr.Origin.IMPLICIT ? ", added by the assembler" : "";
      line("// " + j + ": " + JavaLiterals.comment(in.toString()) + "  (" + JavaLiterals.comment(in.pos().toString())
          + where + ")");
      boolean last = j == e - 1;
      if (last || FastInstructions.mayFault(in)) {
        int n = j - s + 1;
        line((n > counted ? "steps += " + (n - counted) + "; " : "") + "at = " + j + ";");
        counted = n;
      }
      boolean branch = in.op().form() == Op.Form.JCC || in.op().form() == Op.Form.JMP; // fold per path below
      if (!branch && (FastInstructions.mayFault(in) || !FastInstructions.keepsCarry(in))) {
        line(data.foldCarry()); // the instruction may read CF, or the machine may be seen
      }
      String code = data.of(in, j);
      if (code != null) {
        line(code);
      } else if (control(in, j, data.known)) {
        endLoop(false);
        indent--;
        return; // the block ends with a transfer: nothing falls through
      } else {
        data.known = FastFlags.UNKNOWN;
      }
    }
    line(data.foldCarry());
    endLoop(true);
    fallThrough(e);
    indent--;
  }

  /** Closes the Java loop of a block that branches back to itself; {@code exits}: its branch may fall through. */
  private void endLoop(boolean exits) {
    if (loop != null) {
      if (exits) {
        line("break;");
      }
      close();
      loop = null;
    }
  }

  /** Code for an instruction that is not plain data; true when control never falls through it. */
  private boolean control(Instr in, int j, int known) {
    Op op = in.op();
    int t = lowered.target()[j];
    switch (op.form()) {
      case JCC -> {
        if (FastFlags.readsBase(op.cond(), known)) {
          line(data.foldCarry());
        }
        open("if (" + FastFlags.cond(op.cond(), known) + ") {");
        jump(t, in);
        close();
        return false;
      }
      case JMP -> {
        jump(t, in);
        return true;
      }
      case CALL -> {
        if (t >= 0) {
          line("{ long sp = r4 - 8; mem.write(sp, 8, cx.base + " + (j + 1) + "); r4 = sp; }");
          jump(t, in);
        } else {
          line("{ long t = " + target(in.arg(0)) + "; long sp = r4 - 8; mem.write(sp, 8, cx.base + " + (j + 1)
              + "); r4 = sp; cx.leaveTo = t; }");
          leave();
        }
        return true;
      }
      case RET -> {
        line("cx.leaveTo = mem.read(r4, 8);");
        line("r4 += 8;");
        leave();
        return true;
      }
      case INT -> {
        line("throw Semantics.interrupt(" + JavaLiterals.hex(((Imm) in.arg(0)).value()) + ");");
        return true;
      }
      default -> {
        if (op == Op.UNDEF) {
          line("throw Semantics.undefinedInstruction();");
          return true;
        }
        // SYSCALL, CPUID, XGETBV and anything without fast code: the machine must hold the whole state.
        sync();
        line(switch (op) {
          case SYSCALL -> "cx.syscall(" + j + ");";
          case CPUID -> "cx.cpuid();";
          case XGETBV -> "cx.xgetbv();";
          default -> "Semantics.exec(cx, LOWERED.at(" + j + "), " + j + ");";
        });
        reload();
        return false;
      }
    }
  }

  /** A branch to index {@code t} of this routine, or out of it when {@code t} is -1. */
  private void jump(int t, Instr in) {
    boolean dead = loop != null && t == loop[0] && FastInstructions.overwritesCarry(lowered, loop[0], loop[1]);
    if (!dead) {
      line(data.foldedCarry());
    }
    if (t < 0) {
      line("cx.leaveTo = " + target(in.arg(0)) + ";");
      leave();
    } else if (loop != null && t == loop[0]) {
      open("if (--rounds" + t + " == 0) {");
      if (dead) {
        line(data.foldedCarry());
      }
      line("i = " + t + "; // the step limit may fall in the next round: the block's start checks");
      line("continue out;");
      close();
      line("continue;");
    } else if (t >= from && t < to) {
      line("i = " + t + ";");
      line("continue;");
    } else {
      line("next = " + t + ";");
      line("break out;");
    }
  }

  /** The code address a branch operand names: a symbol, a register, or memory holding the address. */
  private String target(Operand o) {
    if (o instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null) {
      return ops.symbol(m.name()) + FastOperands.offset(m.disp());
    }
    return ops.read(o, 64);
  }

  private void leave() {
    line("next = -1;");
    line("break out;");
  }

  private void fallThrough(int e) {
    if (e == lowered.size()) {
      line("return (int) cx.fellOffEnd(" + JavaLiterals.string(symbol) + ");");
    } else if (e == to) {
      line("next = " + e + ";");
      line("break out;");
    }
  }

  /** Writes the registers, RFLAGS, the step count and the instruction index back to the machine. */
  private void sync() {
    StringBuilder sb = new StringBuilder();
    for (int n : regs) {
      sb.append("r[").append(n).append("] = r").append(n).append("; ");
    }
    line(sb.toString().trim());
    line("cx.sync(steps, at); Alu.settle(m, fl, fu, fk, fa, fb, fr);");
  }

  /** Reads back what the emulator may have changed: registers and flags. */
  private void reload() {
    StringBuilder sb = new StringBuilder();
    for (int n : regs) {
      sb.append("r").append(n).append(" = r[").append(n).append("]; ");
    }
    line(sb.toString().trim());
    line("fl = m.rflags; fu = m.undefinedFlags; fk = 0;");
  }

  private void line(String s) {
    if (!s.isEmpty()) {
      out.append("  ".repeat(indent)).append(s).append('\n');
    }
  }

  private void open(String s) {
    line(s);
    indent++;
  }

  private void close() {
    indent--;
    line("}");
  }
}
