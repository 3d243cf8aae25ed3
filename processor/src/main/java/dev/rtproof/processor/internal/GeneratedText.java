package dev.rtproof.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns Java text written by the code generators into a JavaPoet code block, so that the emulator types
 * it names ({@code Alu}, {@code Machine}, …) are imported by the generated file: each such simple name
 * outside comments and string literals becomes a {@code $T}.
 */
final class GeneratedText {
  private static final String EMU = "dev.rtproof.emulator";
  static final Map<String, ClassName> TYPES = Map.of(
      "Alu", ClassName.get(EMU, "Alu"),
      "Machine", ClassName.get(EMU, "Machine"),
      "Memory", ClassName.get(EMU, "Memory"),
      "MachineFault", ClassName.get(EMU, "MachineFault"),
      "Semantics", ClassName.get(EMU, "Semantics"),
      "Cond", ClassName.get("dev.rtproof.dsl.ir", "Cond"),
      "Reg", ClassName.get("dev.rtproof.dsl.ir", "Reg"));

  private GeneratedText() {}

  /**
   * The text as one code block. It is added as one format, so that JavaPoet writes each stretch of text
   * between two type names in one piece: line by line, and a comment as an argument of its own, it wrote a
   * piece per line, and its line splitting (a regular expression per piece) got JIT-compiled in javac's JVM.
   */
  static CodeBlock of(String text) {
    List<Object> args = new ArrayList<>();
    StringBuilder format = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int i = 0;
      boolean string = false;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (!string && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
          format.append(line.substring(i).replace("$", "$$"));
          break;
        }
        if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
          string = !string;
        }
        if (!string && Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1)))) {
          int e = i;
          while (e < line.length() && Character.isJavaIdentifierPart(line.charAt(e))) {
            e++;
          }
          String word = line.substring(i, e);
          ClassName type = TYPES.get(word);
          if (type != null) {
            format.append("$T");
            args.add(type);
          } else {
            format.append(word);
          }
          i = e;
          continue;
        }
        format.append(c == '$' ? "$$" : String.valueOf(c));
        i++;
      }
      format.append('\n');
    }
    return CodeBlock.of(format.toString(), args.toArray());
  }
}
