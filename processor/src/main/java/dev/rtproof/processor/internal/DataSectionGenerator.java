package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.SymAddr;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.List;

/**
 * Generates the class of one {@code @DataSection} method: a {@code DataSection} whose {@code symbols()}
 * rebuilds its {@code GLOBL}s and {@code DATA}, one line per DATA. Deterministic: output depends only on
 * the symbols.
 */
final class DataSectionGenerator {
  private static final String IR = "dev.rtproof.dsl.ir";

  JavaFile generate(ClassName name, List<DataSymbol> symbols, String origin) {
    CodeBlock javadoc = CodeBlock.of("The globals of {@code $L}.\n", JavaLiterals.comment(origin));
    return SectionClass.of(name, javadoc, "DataSection", ClassName.get(IR, "DataSymbol"), "SYMBOLS", "symbols",
        symbols.stream().map(DataSectionGenerator::symbol).toList());
  }

  private static CodeBlock symbol(DataSymbol d) {
    ClassName dataSymbol = ClassName.get(IR, "DataSymbol");
    ClassName sourcePos = ClassName.get(IR, "SourcePos");
    CodeBlock.Builder c = CodeBlock.builder()
        .add("// GLOBL $L(SB), $L, $$$L\n", JavaLiterals.comment(d.name()), TextFlags.format(d.flags()), d.size())
        .add("new $T($L, $L, $L, $T.of(", dataSymbol, JavaLiterals.string(d.name()), d.flags(), JavaLiterals.hex(d.size()),
            List.class)
        .indent();
    for (int i = 0; i < d.inits().size(); i++) {
      DataSymbol.Init in = d.inits().get(i);
      c.add(i == 0 ? "\n" : ",\n").add("new $T.Init($L, $L, $L, new $T($L, $L, $L))", dataSymbol, JavaLiterals.hex(in.offset()),
          in.width(), value(in), sourcePos, JavaLiterals.string(in.pos().file()), in.pos().line(), in.pos().column());
    }
    return c.add("),\n").add("new $T($L, $L, $L))", sourcePos, JavaLiterals.string(d.pos().file()), d.pos().line(), d.pos().column())
        .unindent().build();
  }

  private static CodeBlock value(DataSymbol.Init in) {
    if (in.value() instanceof SymAddr a) {
      return CodeBlock.of("new $T($L, $L)", SymAddr.class, JavaLiterals.string(a.symbol()), JavaLiterals.hex(a.offset()));
    }
    return CodeBlock.of("new $T($L)", Imm.class, JavaLiterals.hex(((Imm) in.value()).value()));
  }
}
