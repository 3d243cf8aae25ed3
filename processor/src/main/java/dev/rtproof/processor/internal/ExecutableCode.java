package dev.rtproof.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rtproof.dsl.ir.Lowered;
import dev.rtproof.dsl.ir.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The executable part of a generated program: {@code execute} (fast code, {@link FastChunk}) and
 * {@code executePrecise} (instruction by instruction, {@link InstructionCode}), each split into chunk
 * methods of whole blocks so that no method approaches the JVM's 64 KB limit or the JIT's size limit,
 * and {@code symbolsUsed}, the symbols whose addresses the code reads from {@code cx.addresses}.
 */
final class ExecutableCode {
  private static final ClassName CONTEXT = ClassName.get("dev.rtproof.emulator", "Context");
  /** Instructions per precise chunk: plain statements, far below the 64 KB method limit. */
  private static final int PRECISE_CHUNK = 400;

  private ExecutableCode() {}

  static void addTo(TypeSpec.Builder type, Routine r, Lowered lowered) {
    List<String> symbols = new ArrayList<>();
    Blocks blocks = new Blocks(lowered);
    FastOperands fastOps = new FastOperands(symbols, true);
    List<int[]> fast = blocks.chunks();
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(dispatcher("execute", "fast", fast, "The fast code: whole blocks, registers in locals, lazy flags."));
    for (int k = 0; k < fast.size(); k++) {
      int[] c = fast.get(k);
      String body = new FastChunk(blocks, c[0], c[1], fastOps, r.symbol()).body();
      methods.add(chunk("fast" + k, c, body));
    }
    List<int[]> precise = new ArrayList<>();
    for (int from = 0; from < lowered.size(); from += PRECISE_CHUNK) {
      precise.add(new int[] {from, Math.min(lowered.size(), from + PRECISE_CHUNK)});
    }
    methods.add(dispatcher("executePrecise", "precise", precise,
        "The precise code: instruction by instruction, each announced to the context."));
    FastOperands preciseOps = new FastOperands(symbols, false);
    for (int k = 0; k < precise.size(); k++) {
      int[] c = precise.get(k);
      methods.add(chunk("precise" + k, c, new InstructionCode(lowered, preciseOps, c[0], c[1], r.symbol()).body()));
    }
    TypeName listOfString = ParameterizedTypeName.get(List.class, String.class);
    type.addField(FieldSpec.builder(listOfString, "SYMBOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class,
            symbols.stream().map(JavaLiterals::string).collect(Collectors.joining(", "))).build());
    type.addMethod(MethodSpec.methodBuilder("symbolsUsed").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(listOfString).addStatement("return SYMBOLS").build());
    methods.forEach(type::addMethod);
  }

  /** {@code name(cx, index)}: runs chunk after chunk until one leaves the routine. */
  private static MethodSpec dispatcher(String name, String prefix, List<int[]> chunks, String doc) {
    CodeBlock.Builder b = CodeBlock.builder().addStatement("int i = index");
    b.beginControlFlow("do");
    if (chunks.size() == 1) {
      b.addStatement("i = $L0(cx, i)", prefix);
    } else {
      StringBuilder select = new StringBuilder();
      for (int k = 0; k < chunks.size() - 1; k++) {
        select.append("i < ").append(chunks.get(k)[1]).append(" ? ").append(prefix).append(k).append("(cx, i) : ");
      }
      select.append(prefix).append(chunks.size() - 1).append("(cx, i)");
      b.addStatement("i = $L", select);
    }
    b.endControlFlow("while (i >= 0)");
    if (prefix.equals("fast")) {
      b.addStatement("return i == -1 ? cx.leaveTo : executePrecise(cx, -2 - i)");
    } else {
      b.addStatement("return cx.leaveTo");
    }
    return MethodSpec.methodBuilder(name).addJavadoc(doc + "\n").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
        .addParameter(CONTEXT, "cx").addParameter(TypeName.INT, "index").addCode(b.build()).build();
  }

  private static MethodSpec chunk(String name, int[] range, String body) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Instructions $L to $L.\n", range[0], range[1] - 1)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough").build())
        .addModifiers(Modifier.PRIVATE).returns(TypeName.INT)
        .addParameter(CONTEXT, "cx").addParameter(TypeName.INT, "index")
        .addCode(GeneratedText.of(body)).build();
  }
}
