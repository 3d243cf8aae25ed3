package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import dev.rtproof.dsl.ir.Contract;
import dev.rtproof.dsl.ir.Reg;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Generates the {@code ContractSection} of a class's {@code @Contract}s, one line per contract, so the CLI
 * and the JUnit factory verify with the contracts the processor used. Deterministic.
 */
final class ContractGenerator {
  private static final String IR = "dev.rtproof.dsl.ir";

  JavaFile generate(ClassName name, List<Contract> contracts, String origin) {
    CodeBlock javadoc = CodeBlock.of("The contracts {@code $L} declares.\n", JavaLiterals.comment(origin));
    return SectionClass.of(name, javadoc, "ContractSection", ClassName.get(IR, "Contract"), "CONTRACTS", "contracts",
        contracts.stream().map(ContractGenerator::contract).toList());
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
