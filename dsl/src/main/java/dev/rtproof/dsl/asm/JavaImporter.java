package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.LabelDef;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Routine;
import dev.rtproof.dsl.ir.TextFlags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns routines read from Go assembly into Java source in the rtproof DSL: a {@code @Routines} class with
 * one {@code @Routine} method per TEXT routine, instructions in Go order, labels, the file's comments, and
 * numbers spelled with the target's constant names where the assembly used a {@code go_asm.h} name.
 * GLOBL/DATA symbols become one {@code @DataSection} method. Routines with instructions rtproof does not
 * model are left out, each with the reason.
 */
public final class JavaImporter {
  /** Where the class goes and what it is called. */
  public record Options(String packageName, String className) {
    public Options {
      Objects.requireNonNull(packageName, "packageName");
      Objects.requireNonNull(className, "className");
    }

    /** Package {@code imported}, class named after the file: {@code sys_linux_amd64.s} → {@code SysLinuxAmd64}. */
    public static Options forFile(String file) {
      return new Options("imported", classNameFor(file));
    }
  }

  /** The Java source, and the routines it leaves out ("runtime·memhash: uses AESENC, …"). */
  public record Result(String source, List<String> skipped) {
    public Result {
      skipped = List.copyOf(skipped);
    }
  }

  /** A line of Java above an instruction: a comment, a blank line ("") or a label, at its source line. */
  private record Above(int line, String code) {}

  /** Names a static method cannot have: they would hide Object's instance methods. */
  private static final Set<String> OBJECT_METHODS = Set.of("clone", "equals", "finalize", "getClass", "hashCode",
      "notify", "notifyAll", "toString", "wait");

  private final AsmFile file;
  private final Target target;
  private final JavaNames names;
  private final JavaOperands operands;
  private final List<String> skipped = new ArrayList<>();
  private final Set<String> methods = new HashSet<>();

  private JavaImporter(AsmFile file, Target target) {
    this.file = file;
    this.target = target;
    this.names = new JavaNames(target.profile());
    this.operands = new JavaOperands(new JavaExpressions(names));
  }

  /** Java source for the routines of {@code file}, written for {@code target}. */
  public static Result importFile(AsmFile file, Target target, Options options) {
    return new JavaImporter(file, target).run(options);
  }

  private Result run(Options options) {
    StringBuilder body = new StringBuilder();
    for (AsmRoutine r : file.routines()) {
      String why = unimportable(r.routine());
      if (why != null) {
        skipped.add(r.routine().symbol() + ": " + why);
        continue;
      }
      body.append('\n');
      routine(r, body);
    }
    if (!file.data().isEmpty()) {
      body.append('\n');
      dataSection(body);
    }
    StringBuilder out = new StringBuilder();
    if (!options.packageName().isEmpty()) {
      out.append("package ").append(options.packageName()).append(";\n\n");
    }
    out.append("import static dev.rtproof.dsl.Amd64.*;\n");
    names.used().stream().map(Class::getName).filter(n -> !n.equals("dev.rtproof.dsl.Amd64")).sorted()
        .forEach(n -> out.append("import static ").append(n).append(".*;\n"));
    out.append('\n');
    if (!file.data().isEmpty()) {
      out.append("import dev.rtproof.dsl.DataSection;\n");
    }
    out.append("import dev.rtproof.dsl.Routine;\nimport dev.rtproof.dsl.Routines;\nimport dev.rtproof.dsl.Target;\n\n");
    out.append("/** Routines of {@code ").append(javadoc(baseName(file.file()))).append("}, imported by rtproof. */\n");
    out.append("@Routines(target = Target.").append(target.name()).append(")\n");
    out.append("final class ").append(options.className()).append(" {\n");
    out.append("  private ").append(options.className()).append("() {}\n");
    out.append(body).append("}\n");
    return new Result(out.toString(), skipped);
  }

  /** Why the DSL cannot write {@code r} yet, or null. */
  private static String unimportable(Routine r) {
    Set<String> unsupported = new java.util.TreeSet<>();
    for (Instr in : r.instrs()) {
      if (in.op() == Op.UNSUPPORTED) {
        String mnemonic = AsmFile.mnemonic(in);
        boolean modelled = Op.byName(mnemonic) != null;
        if (!modelled || unsupported.stream().noneMatch(u -> u.startsWith(mnemonic + " "))) {
          unsupported.add(modelled ? in.raw() : mnemonic);
        }
      }
    }
    if (!unsupported.isEmpty()) {
      return "has instructions rtproof keeps but does not model: " + String.join(", ", unsupported);
    }
    return null;
  }

  private void routine(AsmRoutine ar, StringBuilder out) {
    Routine r = ar.routine();
    for (String line : ar.doc()) {
      comment("  ", line, out);
    }
    out.append("  @Routine(symbol = ").append(JavaOperands.string(r.symbol()));
    if (r.flags() != 0) {
      out.append(", flags = ").append(TextFlags.format(r.flags()).replace("|", " | "));
    }
    if (r.frame() != 0) {
      out.append(", frame = ").append(r.frame());
    }
    if (r.args() != TextFlags.ARGS_UNKNOWN) {
      out.append(", args = ").append(r.args());
    }
    out.append(")\n  static void ").append(methodName(r.symbol())).append("() {\n");
    List<String> code = new ArrayList<>();
    List<String> trailing = new ArrayList<>();
    for (int i = 0; i < r.instrs().size(); i++) {
      AsmRoutine.Comments c = ar.comments().get(i);
      // Labels and the notes above the instruction, in source order; no blank line first or twice.
      List<Above> above = new ArrayList<>();
      for (AsmRoutine.Note n : c.before()) {
        above.add(new Above(n.line(), n.isBlank() ? "" : "// " + n.text()));
      }
      for (LabelDef l : r.labels()) {
        if (l.index() == i) {
          above.add(new Above(l.pos().line(), "label(" + JavaOperands.string(l.name()) + ");"));
        }
      }
      above.sort(java.util.Comparator.comparingInt(Above::line));
      for (Above a : above) {
        if (a.code().isEmpty() && (code.isEmpty() || code.get(code.size() - 1).isEmpty())) {
          continue;
        }
        code.add(a.code());
        trailing.add(null);
      }
      code.add(operands.statement(r.instrs().get(i), ar.numbers().get(i)));
      trailing.add(c.after());
    }
    int width = 0;
    for (int i = 0; i < code.size(); i++) {
      width = trailing.get(i) == null ? width : Math.max(width, code.get(i).length());
    }
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).isEmpty()) {
        out.append('\n');
        continue;
      }
      out.append("    ").append(code.get(i));
      if (trailing.get(i) != null) {
        out.append(" ".repeat(width - code.get(i).length() + 2)).append("// ").append(trailing.get(i));
      }
      out.append('\n');
    }
    out.append("  }\n");
  }

  /** The file's GLOBL/DATA symbols as one {@code @DataSection} method. */
  private void dataSection(StringBuilder out) {
    out.append("  @DataSection\n  static void ").append(methodName("data")).append("() {\n");
    for (DataSymbol d : file.data()) {
      out.append("    GLOBL(sym(").append(JavaOperands.string(d.name())).append("), ");
      if (d.flags() != 0) {
        out.append(TextFlags.format(d.flags()).replace("|", " | ")).append(", ");
      }
      out.append(d.size()).append(");\n");
      for (DataSymbol.Init i : d.inits()) {
        out.append("    DATA(").append(JavaOperands.symbol(d.name(), i.offset())).append(", ").append(i.width()).append(", ")
            .append(operands.value(i.value())).append(");\n");
      }
    }
    out.append("  }\n");
  }

  private static void comment(String indent, String text, StringBuilder out) {
    for (String line : text.split("\n")) {
      out.append(indent).append("// ").append(line.strip()).append('\n');
    }
  }

  /** {@code runtime·settls} → {@code settls}; unique within the class, a valid Java name. */
  private String methodName(String symbol) {
    String base = symbol.substring(symbol.lastIndexOf('\u00B7') + 1).replaceAll("<.*>$", "");
    StringBuilder b = new StringBuilder();
    base.codePoints().forEach(c -> b.appendCodePoint(Character.isJavaIdentifierPart(c) && c < 128 ? c : '_'));
    String name = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "_" + b : b.toString();
    if (javax.lang.model.SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name)) {
      name = name + "_";
    }
    String unique = name;
    for (int n = 2; !methods.add(unique); n++) {
      unique = name + n;
    }
    return unique;
  }

  static String classNameFor(String file) {
    String base = baseName(file).replaceAll("\\.s$", "");
    StringBuilder b = new StringBuilder();
    for (String part : base.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "Imported" + b : b.toString();
  }

  private static String baseName(String file) {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }

  private static String javadoc(String s) {
    return s.replace("*/", "*&#47;").replace("@", "&#64;");
  }
}
