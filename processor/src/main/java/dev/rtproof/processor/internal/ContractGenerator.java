package dev.rtproof.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.Reg;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code ContractSection} of a class's {@code @Contract}s, one line per contract, so the CLI
 * and the JUnit factory verify with the contracts the processor used. Deterministic.
 */
final class ContractGenerator {
  private static final String IR = "dev.rtproof.dsl.ir";

  JavaFile generate(ClassName name, List<Contract> contracts, String origin) {
    ClassName contract = ClassName.get(IR, "Contract");
    ClassName list = ClassName.get(List.class);
    CodeBlock.Builder init = CodeBlock.builder().add("$T.of(", list).indent();
    for (int i = 0; i < contracts.size(); i++) {
      init.add(i == 0 ? "\n" : ",\n").add(contract(contracts.get(i)));
    }
    init.unindent().add(")");
    TypeSpec type = TypeSpec.classBuilder(name)
        .addJavadoc("The contracts {@code $L} declares.\n", JavaLiterals.comment(origin))
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", ProgramGenerator.GENERATOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ClassName.get("dev.rtproof.emulator", "ContractSection"))
        .addField(FieldSpec.builder(ParameterizedTypeName.get(list, contract), "CONTRACTS", Modifier.PUBLIC,
            Modifier.STATIC, Modifier.FINAL).initializer(init.build()).build())
        .addMethod(MethodSpec.methodBuilder("contracts").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(list, contract)).addStatement("return CONTRACTS").build())
        .build();
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  private static CodeBlock contract(Contract c) {
    ClassName sourcePos = ClassName.get(IR, "SourcePos");
    String clobbers = c.clobbers().stream().map(r -> "$T." + r.name()).collect(Collectors.joining(", "));
    return CodeBlock.builder()
        .add("new $T($L,\n", ClassName.get(IR, "Contract"), JavaLiterals.string(c.symbol())).indent()
        .add("$T.of(" + clobbers + "),\n", prepend(List.class, c.clobbers().stream().map(r -> Reg.class).toArray()))
        .add("$T.of($L),\n", List.class, strings(c.writes()))
        .add("$T.of($L),\n", List.class, strings(c.ensures()))
        .add("new $T($L, $L, $L))", sourcePos, JavaLiterals.string(c.pos().file()), c.pos().line(), c.pos().column())
        .unindent().build();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] out = new Object[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private static String strings(List<String> values) {
    return values.stream().map(JavaLiterals::string).collect(Collectors.joining(", "));
  }
}
