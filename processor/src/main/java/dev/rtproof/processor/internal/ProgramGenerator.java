package dev.rtproof.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rtproof.dsl.ir.Assertion;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.LabelRef;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.PcRel;
import dev.rtproof.dsl.ir.Condition;
import dev.rtproof.dsl.ir.PropertySpec;
import dev.rtproof.dsl.ir.Reg;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the emulator program of one routine with JavaPoet: a class {@code <Class>_<method>} that
 * holds the routine's IR (rebuilt through {@link Routine#builder}, readable) and executes its lowered
 * code ({@link ExecutableCode}). Output depends only on the IR, so it is deterministic.
 */
final class ProgramGenerator {
  static final String GENERATOR = "dev.rtproof.processor.RtproofProcessor";
  private static final String EMU = "dev.rtproof.emulator";
  private static final String IR = "dev.rtproof.dsl.ir";

  /** The generated class for a routine declared as {@code method} in {@code owner}. */
  static ClassName className(String packageName, String ownerSimpleName, String method) {
    return ClassName.get(packageName, ownerSimpleName.replace('.', '_') + "_" + method);
  }

  JavaFile generate(ClassName name, Routine r, Lowered lowered) {
    MethodSpec routine = MethodSpec.methodBuilder("routine").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ClassName.get(IR, "Routine")).addStatement("return ROUTINE").build();
    MethodSpec low = MethodSpec.methodBuilder("lowered").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ClassName.get(IR, "Lowered")).addStatement("return LOWERED").build();
    List<MethodSpec> parts = new ArrayList<>();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("The rtproof program of {@code TEXT $L(SB), $L, $$$L} ({@code $L}).\n",
            JavaLiterals.comment(r.symbol()), TextFlags.format(r.flags()), r.frame()
                + (r.args() == TextFlags.ARGS_UNKNOWN ? "" : "-" + r.args()), JavaLiterals.comment(r.origin()))
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", GENERATOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ClassName.get(EMU, "RoutineProgram"))
        .addField(FieldSpec.builder(ClassName.get(IR, "Routine"), "ROUTINE", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL).addJavadoc("The routine as written.\n").initializer(ir(r, parts)).build())
        .addField(FieldSpec.builder(ClassName.get(IR, "Lowered"), "LOWERED", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$T.lower(ROUTINE, $T.$L.profile())", ClassName.get(IR, "Lowering"),
                ClassName.get("dev.rtproof.dsl", "Target"), r.target()).build())
        .addMethod(routine)
        .addMethod(low)
        .addMethods(parts);
    ExecutableCode.addTo(type, r, lowered);
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** The routine rebuilt with {@code Routine.builder}: one line per instruction, label and property. */
  /**
   * The routine rebuilt with {@code Routine.builder}, as one chained expression; a routine of more than
   * {@link #PART} instructions continues in methods {@code ir0}, {@code ir1}, … of {@link #PART} each (added
   * to {@code parts}), which keeps javac's recursion and every method's size small.
   */
  private CodeBlock ir(Routine r, List<MethodSpec> parts) {
    ClassName routine = ClassName.get(IR, "Routine");
    CodeBlock.Builder c = CodeBlock.builder().add("$T.builder($L, $S)\n", routine, JavaLiterals.string(r.symbol()), r.target())
        .indent().indent()
        .add(".flags($L).frame($L).args($L)$L\n", r.flags(), r.frame(), r.args(),
            r.unroll() == Routine.DEFAULT_UNROLL ? "" : ".unroll(" + r.unroll() + ")")
        .add(".source($S, $S)\n", r.pos().file(), r.origin())
        .add(".declaredAt($L, $L)\n", r.pos().line(), r.pos().column());
    if (!r.go().isEmpty()) {
      c.add(".go($L)\n", JavaLiterals.string(r.go()));
    }
    for (Condition req : r.requires()) {
      c.add(".at($L, $L).requires($L)\n", req.pos().line(), req.pos().column(), JavaLiterals.string(req.expression()));
    }
    for (PropertySpec p : r.properties()) {
      List<String> args = new ArrayList<>();
      args.add(JavaLiterals.string(p.name()));
      p.args().forEach(a -> args.add(JavaLiterals.string(a)));
      c.add(".at($L, $L).property($L)\n", p.pos().line(), p.pos().column(), String.join(", ", args));
    }
    if (r.instrs().size() > PART) {
      CodeBlock header = c.unindent().unindent().build();
      for (int from = 0; from < r.instrs().size(); from += PART) {
        CodeBlock.Builder part = CodeBlock.builder();
        instructions(r, from, Math.min(r.instrs().size(), from + PART), part, true);
        parts.add(MethodSpec.methodBuilder("ir" + parts.size()).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ClassName.get(IR, "Routine", "Builder")).addParameter(ClassName.get(IR, "Routine", "Builder"), "b")
            .addCode(part.addStatement("return b").build()).build());
      }
      CodeBlock chain = header;
      for (MethodSpec part : parts) {
        chain = CodeBlock.of("$N($L)", part, chain);
      }
      return CodeBlock.of("$L.build()", chain);
    }
    instructions(r, 0, r.instrs().size(), c, false);
    return c.add(".build()").unindent().unindent().build();
  }

  /** Instructions per method of a routine's IR; see {@link #ir}. */
  static final int PART = 100;

  /**
   * Adds the builder calls of instructions {@code from} to {@code to} (with their labels and assertions)
   * to {@code c}: continuing a chain, or as statements on {@code b}, one per instruction.
   */
  private static void instructions(Routine r, int from, int to, CodeBlock.Builder c, boolean statements) {
    String start = statements ? "b" : "";
    String end = statements ? ";\n" : "\n";
    for (int i = from; i < to; i++) {
      for (LabelDef l : r.labels()) {
        if (l.index() == i) {
          c.add(start + ".at($L, $L).label($S)" + end, l.pos().line(), l.pos().column(), l.name());
        }
      }
      for (Assertion a : r.assertions()) {
        if (a.index() == i) {
          c.add(start + ".at($L, $L).assertion($L, $L)" + end, a.pos().line(), a.pos().column(),
              JavaLiterals.string(a.expression()), a.assume());
        }
      }
      Instr in = r.instrs().get(i);
      c.add(start + ".at($L, $L)", in.pos().line(), in.pos().column());
      if (in.origin() == Instr.Origin.MACRO && in.isGetTls()) {
        c.add(".getTls($T.$L)" + end, Reg.class, in.arg(1));
        continue;
      }
      c.add(in.origin() == Instr.Origin.MACRO ? ".expanded($T.$L" : ".instr($T.$L", ClassName.get(IR, "Op"),
          in.op().name());
      for (Operand o : in.args()) {
        c.add(", ").add(operand(o));
      }
      c.add(")" + end);
    }
  }

  private static CodeBlock register(Reg r) {
    return r == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", Reg.class, r.name());
  }

  private static CodeBlock operand(Operand o) {
    ClassName mem = ClassName.get(IR, "Mem");
    if (o instanceof Reg r) {
      return CodeBlock.of("$T.$L", Reg.class, r.name());
    }
    if (o instanceof Imm i) {
      return CodeBlock.of("new $T($L)", Imm.class, JavaLiterals.hex(i.value()));
    }
    if (o instanceof SymAddr a) {
      return CodeBlock.of("new $T($L, $L)", SymAddr.class, JavaLiterals.string(a.symbol()), JavaLiterals.hex(a.offset()));
    }
    if (o instanceof LabelRef l) {
      return CodeBlock.of("new $T($S)", LabelRef.class, l.name());
    }
    if (o instanceof PcRel p) {
      return CodeBlock.of("new $T($L)", PcRel.class, p.n());
    }
    Mem m = (Mem) o;
    return switch (m.kind()) {
      case REG -> m.index() == null
          ? CodeBlock.of("$T.reg($L, $T.$L)", mem, JavaLiterals.hex(m.disp()), Reg.class, m.base())
          : CodeBlock.of("$T.indexed($L, $L, $T.$L, $L)", mem, JavaLiterals.hex(m.disp()), register(m.base()),
              Reg.class, m.index(), m.scale());
      case SYMBOL -> m.index() == null
          ? CodeBlock.of("$T.symbol($L, $L)", mem, JavaLiterals.string(m.name()), JavaLiterals.hex(m.disp()))
          : CodeBlock.of("new $T($T.SYMBOL, null, $T.$L, $L, $L, $L)", mem, ClassName.get(IR, "Mem", "Kind"), Reg.class,
              m.index(), m.scale(), JavaLiterals.hex(m.disp()), JavaLiterals.string(m.name()));
      case ABSOLUTE -> CodeBlock.of("$T.absolute($L)", mem, JavaLiterals.hex(m.disp()));
      case TLS -> CodeBlock.of("$T.tls($L, $T.$L)", mem, JavaLiterals.hex(m.disp()), Reg.class, m.base());
      case FP -> CodeBlock.of("$T.fp($S, $L)", mem, m.name(), JavaLiterals.hex(m.disp()));
      case LOCAL -> CodeBlock.of("$T.local($S, $L)", mem, m.name(), JavaLiterals.hex(m.disp()));
    };
  }
}
