package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.Target;
import dev.rtproof.dsl.ir.InstrCheck;
import dev.rtproof.dsl.ir.Instr;
import dev.rtproof.dsl.ir.Op;
import dev.rtproof.dsl.ir.Operand;
import dev.rtproof.dsl.ir.TextFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Go assembly ({@code .s}) into IR: the preprocessor subset, then statements — TEXT routines with
 * their instructions and labels, GLOBL/DATA symbols. Mnemonics Go knows but rtproof does not model, or
 * modelled ones with operands the IR cannot hold, become {@link Op#UNSUPPORTED} instructions with their
 * canonical text. Everything else that is wrong is an {@link AsmException} at its {@code file:line:col}.
 */
public final class AsmParser {
  /** GOOS and GOARCH of every target: the names {@code #ifdef} sees as defined. */
  public static final List<String> PREDEFINED = List.of("GOOS_linux", "GOARCH_amd64");

  /**
   * How to read a file.
   *
   * @param target the target its routines are for, and whose profile generates {@code go_asm.h}
   * @param includeDirs directories searched first for the headers {@code #include} may name
   */
  public record Options(Target target, List<Path> includeDirs) {
    public Options {
      Objects.requireNonNull(target, "target");
      includeDirs = List.copyOf(includeDirs);
    }

    /** {@code GO1_19}, rtproof's own headers. */
    public static Options defaults() {
      return new Options(Target.GO1_19, List.of());
    }

    public Options withIncludeDirs(List<Path> dirs) {
      return new Options(target, dirs);
    }
  }

  private final String file;
  private final Options options;
  private final DataCollector data = new DataCollector();
  private final List<AsmRoutine> routines = new ArrayList<>();
  private TextBuilder text;

  private AsmParser(String file, Options options) {
    this.file = file;
    this.options = options;
  }

  /** Reads a file; positions name it as {@code path} was given. */
  public static AsmFile parse(Path path, Options options) throws AsmException, IOException {
    return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8), options);
  }

  /** Reads {@code source}; positions name it {@code file}. */
  public static AsmFile parse(String file, String source, Options options) throws AsmException {
    return new AsmParser(file, options).run(source);
  }

  private AsmFile run(String source) throws AsmException {
    List<Lexer.Comment> comments = new ArrayList<>();
    List<Token> tokens = Lexer.lex(file, source, comments);
    Preprocessor pre = new Preprocessor(new Includes(options.target().profile(), options.includeDirs()), PREDEFINED);
    List<Token> expanded = pre.run(tokens);
    CommentIndex notes = new CommentIndex(file, source, comments, pre.skippedLines());
    for (Statement s : Statement.split(expanded)) {
      statement(s, notes);
    }
    finishText();
    return new AsmFile(file, routines, data.symbols());
  }

  private void statement(Statement s, CommentIndex notes) throws AsmException {
    if (!s.labels().isEmpty()) {
      if (text == null) {
        throw new AsmException(s.labels().get(0).pos(), "asm-syntax", "label " + s.labels().get(0).text() + " outside a TEXT routine");
      }
      text.labels(s.labels());
    }
    if (s.word() == null) {
      return;
    }
    switch (s.word().text()) {
      case "TEXT" -> {
        finishText();
        text = header(s, notes);
      }
      case "GLOBL" -> data.globl(s);
      case "DATA" -> data.data(s);
      default -> {
        if (text == null) {
          throw new AsmException(s.word().pos(), "asm-syntax", "instruction " + s.word().text() + " outside a TEXT routine");
        }
        instruction(s, notes);
      }
    }
  }

  private TextBuilder header(Statement s, CommentIndex notes) throws AsmException {
    int n = s.operands().size();
    if (n != 2 && n != 3) {
      throw new AsmException(s.word().pos(), "asm-text", "TEXT takes sym(SB), optional flags and $frame-args");
    }
    String symbol = DataCollector.symbol(s, 0, false);
    int flags = n == 3 ? (int) Directives.constant(s, 1, "TEXT flags") : 0;
    if (symbol.endsWith("<ABIInternal>") && (flags & TextFlags.NOSPLIT) == 0) {
      throw new AsmException(s.word().pos(), "asm-text", "TEXT " + symbol + ": ABIInternal routines must be NOSPLIT");
    }
    Directives.FrameSize size = Directives.frameSize(s, n - 1, symbol);
    return new TextBuilder(symbol, options.target().name(), flags, size, s.word().pos(), file,
        notes.docBefore(s.word().pos()));
  }

  private void instruction(Statement s, CommentIndex notes) throws AsmException {
    String word = s.word().text();
    String base = word.contains(".") ? word.substring(0, word.indexOf('.')) : word;
    Op op = Op.byName(word);
    if (op == null && !Mnemonics.isKnown(base)) {
      throw new AsmException(s.word().pos(), "unknown-instruction", "unknown instruction " + word);
    }
    AsmRoutine.Comments comments = notes.around(s.word().pos());
    Instr.Origin origin = s.word().expansion() != null ? Instr.Origin.MACRO : Instr.Origin.SOURCE;
    if (op == null) {
      text.add(unsupported(s, origin), List.of(), comments);
      return;
    }
    List<AsmOperand> operands = new ArrayList<>();
    for (int i = 0; i < s.operands().size(); i++) {
      operands.add(OperandParser.parse(s.operands().get(i), s.endOf(i), Mnemonics.isJump(word)));
    }
    if (operands.stream().anyMatch(o -> o.ir() == null)) {
      text.add(unsupported(s, origin), List.of(), comments);
      return;
    }
    List<Operand> args = operands.stream().map(AsmOperand::ir).toList();
    String count = InstrCheck.count(op, word, args.size());
    if (count != null) {
      throw new AsmException(s.word().pos(), "operand-count", count);
    }
    InstrCheck.Finding f = InstrCheck.check(op, args);
    if (f != null) {
      throw new AsmException(f.operand() < 0 ? s.word().pos() : s.operands().get(f.operand()).get(0).pos(), f.id(),
          f.message());
    }
    // A macro's instructions are MACRO (MOVQ TLS, r from get_tls prints as get_tls(r) again).
    Instr in = new Instr(op, args, s.word().pos(), origin);
    text.add(in, operands.stream().map(AsmOperand::number).toList(), comments);
  }

  /** Kept as {@code WORD op1, op2}, the canonical text it is printed as. */
  private static Instr unsupported(Statement s, Instr.Origin origin) {
    List<String> ops = s.operands().stream().map(OperandParser::text).toList();
    String raw = ops.isEmpty() ? s.word().text() : s.word().text() + " " + String.join(", ", ops);
    return new Instr(Op.UNSUPPORTED, List.of(), s.word().pos(), origin, raw);
  }

  private void finishText() throws AsmException {
    if (text != null) {
      routines.add(text.build());
      text = null;
    }
  }
}
