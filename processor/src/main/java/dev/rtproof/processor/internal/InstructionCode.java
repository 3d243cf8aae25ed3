package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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
 * The Java statements a generated program runs for one lowered instruction. Data instructions call the
 * emulator's {@code Alu}, {@code Operands} and {@code Machine} directly with operands specialised at
 * generation time; forms without a specialisation call the interpreter's {@code Semantics}, so both
 * executors share one definition of every instruction.
 */
final class InstructionCode {
  static final ClassName ALU = ClassName.get("dev.rtproof.emulator", "Alu");
  static final ClassName OPERANDS = ClassName.get("dev.rtproof.emulator", "Operands");
  static final ClassName SEMANTICS = ClassName.get("dev.rtproof.emulator", "Semantics");
  static final ClassName REG = ClassName.get(Reg.class);

  private final Lowered lowered;

  InstructionCode(Lowered lowered) {
    this.lowered = lowered;
  }

  /** Statements for instruction {@code i}; control either falls through or leaves with continue/return. */
  CodeBlock of(int i) {
    Instr in = lowered.at(i);
    Op op = in.op();
    int w = op.width();
    CodeBlock.Builder c = CodeBlock.builder().addStatement("cx.at($L)", i);
    switch (op.form()) {
      case MOV -> {
        if (in.isGetTls()) {
          c.add("// get_tls is a zero-byte NOP on linux\n");
        } else {
          c.add(write(in.arg(1), w, read(in.arg(0), w)));
        }
      }
      case LEA -> c.add(write(in.arg(1), w, mask(ea((Mem) in.arg(0)), w)));
      case ALU -> c.add(alu(in, w));
      case CMP -> c.addStatement("$T.sub(m, $L, $L, $L)", ALU, read(in.arg(0), w), read(in.arg(1), w), w);
      case TEST -> c.addStatement("$T.logic(m, $L & $L, $L)", ALU, read(in.arg(0), w), read(in.arg(1), w), w);
      case PUSH -> c.addStatement("m.push($L)", read(in.arg(0), 64));
      case POP -> c.beginControlFlow("").addStatement("long v = m.pop()").add(write(in.arg(0), 64, CodeBlock.of("v")))
          .endControlFlow();
      case JCC -> c.beginControlFlow("if ($L)", condition(op.cond())).add(leaveOrJump(i)).endControlFlow();
      case JMP -> c.add(leaveOrJump(i));
      case CALL -> {
        CodeBlock target = lowered.target()[i] >= 0 ? CodeBlock.of("cx.base + $L", lowered.target()[i])
            : branchTarget(in, i);
        c.beginControlFlow("").addStatement("long target = $L", target)
            .addStatement("m.push(cx.base + $L)", i + 1)
            .addStatement("return target").endControlFlow();
      }
      case RET -> c.addStatement("return m.pop()");
      case NOP, PCALIGN, PREFIX -> c.add("// no effect\n");
      default -> {
        if (op == Op.SYSCALL) {
          c.addStatement("cx.syscall($L)", i);
        } else {
          c.addStatement("$T.exec(cx, LOWERED.at($L), $L)", SEMANTICS, i, i);
        }
      }
    }
    return c.build();
  }

  private CodeBlock alu(Instr in, int w) {
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
    CodeBlock a = dst instanceof Mem ? CodeBlock.of("m.load(ea, $L)", w / 8) : read(dst, w);
    CodeBlock b = read(in.arg(0), w);
    CodeBlock value = fn != null
        ? CodeBlock.of("$T.$L(m, $L, $L, $L)", ALU, fn, a, b, w)
        : CodeBlock.of("$T.logic(m, $L $L $L, $L)", ALU, a, logic, b, w);
    if (dst instanceof Mem mem) {
      return CodeBlock.builder().beginControlFlow("").addStatement("long ea = $L", ea(mem))
          .addStatement("m.store(ea, $L, $L)", w / 8, value).endControlFlow().build();
    }
    return write(dst, w, value);
  }

  private CodeBlock leaveOrJump(int i) {
    int t = lowered.target()[i];
    if (t >= 0) {
      return CodeBlock.builder().addStatement("i = $L", t).addStatement("continue").build();
    }
    return CodeBlock.builder().addStatement("return $L", branchTarget(lowered.at(i), i)).build();
  }

  private static CodeBlock branchTarget(Instr in, int i) {
    Operand t = in.arg(0);
    if (t instanceof Mem m && m.kind() == Mem.Kind.SYMBOL && m.index() == null) {
      return CodeBlock.of("cx.symbol($L)$L", JavaLiterals.string(m.name()), offset(m.disp()));
    }
    if (t instanceof Reg r && r.isGpr()) {
      return CodeBlock.of("m.r[$L]", r.number());
    }
    return CodeBlock.of("$T.branchTarget(cx, LOWERED.at($L).arg(0))", OPERANDS, i);
  }

  private static String condition(Cond c) {
    return switch (c) {
      case EQ -> "m.zf()";
      case NE -> "!m.zf()";
      case LS -> "m.cf() || m.zf()";
      case HI -> "!m.cf() && !m.zf()";
      case CS -> "m.cf()";
      case CC -> "!m.cf()";
      case LT -> "m.sf() != m.of()";
      case GE -> "m.sf() == m.of()";
      case GT -> "!m.zf() && m.sf() == m.of()";
      case LE -> "m.zf() || m.sf() != m.of()";
      case MI -> "m.sf()";
      case PL -> "!m.sf()";
      case OS -> "m.of()";
      case OC -> "!m.of()";
      case PS -> "m.pf()";
      case PC -> "!m.pf()";
    };
  }

  // ---- operands ------------------------------------------------------------------------------------

  private static CodeBlock read(Operand o, int w) {
    if (o instanceof Reg r) {
      if (r.isGpr()) {
        return w == 64 ? CodeBlock.of("m.r[$L]", r.number())
            : CodeBlock.of("(m.r[$L] & $L)", r.number(), JavaLiterals.hex(maskOf(w)));
      }
      return CodeBlock.of("m.get($T.$L, $L)", REG, r.name(), w);
    }
    if (o instanceof Imm imm) {
      return CodeBlock.of("$L", JavaLiterals.hex(imm.value() & maskOf(w)));
    }
    if (o instanceof SymAddr a) {
      return mask(CodeBlock.of("cx.symbol($L)$L", JavaLiterals.string(a.symbol()), offset(a.offset())), w);
    }
    return CodeBlock.of("m.load($L, $L)", ea((Mem) o), w / 8);
  }

  private static CodeBlock write(Operand dst, int w, CodeBlock value) {
    if (dst instanceof Reg r && r.isGpr() && w == 64) {
      return CodeBlock.builder().addStatement("m.r[$L] = $L", r.number(), value).build();
    }
    if (dst instanceof Reg r && r.isGpr() && w == 32) {
      return CodeBlock.builder().addStatement("m.r[$L] = ($L) & 0xffffffffL", r.number(), value).build();
    }
    if (dst instanceof Reg r) {
      return CodeBlock.builder().addStatement("m.set($T.$L, $L, $L)", REG, r.name(), w, value).build();
    }
    return CodeBlock.builder().addStatement("m.store($L, $L, $L)", ea((Mem) dst), w / 8, value).build();
  }

  private static CodeBlock ea(Mem m) {
    String index = m.index() == null ? "" : " + m.r[" + m.index().number() + "] * " + m.scale();
    return switch (m.kind()) {
      case REG -> CodeBlock.of("$L$L$L", m.base() == null ? "0L" : "m.r[" + m.base().number() + "]", index,
          offset(m.disp()));
      case SYMBOL -> CodeBlock.of("cx.symbol($L)$L$L", JavaLiterals.string(m.name()), index, offset(m.disp()));
      case ABSOLUTE -> CodeBlock.of("$L", JavaLiterals.hex(m.disp()));
      case TLS -> CodeBlock.of("m.fsBase$L", offset(-8 + m.disp()));
      case FP, LOCAL -> throw new IllegalStateException("pseudo-register operand survived lowering: " + m);
    };
  }

  private static String offset(long d) {
    return d == 0 ? "" : d > 0 ? " + " + JavaLiterals.hex(d) : " - " + JavaLiterals.hex(-d);
  }

  private static CodeBlock mask(CodeBlock value, int w) {
    return w == 64 ? value : CodeBlock.of("($L) & $L", value, JavaLiterals.hex(maskOf(w)));
  }

  private static long maskOf(int w) {
    return w == 64 ? -1L : (1L << w) - 1;
  }
}
