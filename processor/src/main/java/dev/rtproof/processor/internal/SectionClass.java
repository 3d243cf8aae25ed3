package dev.rtproof.processor.internal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The shape of a generated section class (the emulator's {@code DataSection}, {@code ContractSection}): a
 * {@code @Generated} subclass with one constant list of IR records, one per line, returned by its one method.
 */
final class SectionClass {
  private SectionClass() {}

  /**
   * Class {@code name} extending {@code dev.rtproof.emulator.<superclass>}: {@code field} holds {@code items}
   * (each a {@code element} expression), {@code method()} returns it.
   */
  static JavaFile of(ClassName name, CodeBlock javadoc, String superclass, ClassName element, String field,
      String method, List<CodeBlock> items) {
    ClassName list = ClassName.get(List.class);
    TypeName type = ParameterizedTypeName.get(list, element);
    CodeBlock.Builder init = CodeBlock.builder().add("$T.of(", list).indent();
    for (int i = 0; i < items.size(); i++) {
      init.add(i == 0 ? "\n" : ",\n").add(items.get(i));
    }
    init.unindent().add(")");
    TypeSpec spec = TypeSpec.classBuilder(name)
        .addJavadoc(javadoc)
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", ProgramGenerator.GENERATOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ClassName.get("dev.rtproof.emulator", superclass))
        .addField(FieldSpec.builder(type, field, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer(init.build()).build())
        .addMethod(MethodSpec.methodBuilder(method).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(type).addStatement("return $L", field).build())
        .build();
    return JavaFile.builder(name.packageName(), spec).skipJavaLangImports(true).indent("  ").build();
  }
}
