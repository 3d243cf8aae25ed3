package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.SourcePos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C-preprocessor subset of Go's assembler ({@code cmd/asm/internal/lex/input.go}): {@code #include},
 * object-like and function-like {@code #define}, {@code #undef}, {@code #ifdef}/{@code #ifndef}/{@code #else}/
 * {@code #endif}. Macros are expanded and rescanned; every expanded token remembers its expansion.
 * The output keeps line ends (NEWLINE) and {@code ;}, which end statements.
 */
final class Preprocessor {
  private static final int MAX_EXPANSIONS_PER_LINE = 10_000;

  private final Includes includes;
  private final Map<String, Macro> macros = new LinkedHashMap<>();
  private final List<Token> out = new ArrayList<>();
  private final Set<String> including = new HashSet<>();
  private final Set<Integer> skipped = new HashSet<>();

  Preprocessor(Includes includes, List<String> predefined) {
    this.includes = includes;
    for (String name : predefined) {
      SourcePos none = new SourcePos("<predefined>", 0, 0);
      macros.put(name, new Macro(name, null, List.of(new Token(Kind.INT, "1", none, true, null)), none, null));
    }
  }

  /** The statement tokens of {@code file}, ending with EOF. */
  List<Token> run(List<Token> fileTokens) throws AsmException {
    file(fileTokens, null);
    out.add(fileTokens.get(fileTokens.size() - 1));
    return out;
  }

  /** Lines of the file (not of its headers) that an {@code #ifdef} left out. */
  Set<Integer> skippedLines() {
    return skipped;
  }

  /** Every macro defined at the end (for tests and the importer). */
  Map<String, Macro> macros() {
    return macros;
  }

  private void file(List<Token> tokens, String header) throws AsmException {
    Conditionals cond = new Conditionals();
    int i = 0;
    while (tokens.get(i).kind() != Kind.EOF) {
      int end = i;
      while (tokens.get(end).kind() != Kind.NEWLINE && tokens.get(end).kind() != Kind.EOF) {
        end++;
      }
      List<Token> raw = tokens.subList(i, end);
      List<Token> line = raw.stream().filter(t -> t.kind() != Kind.CONTINUATION).toList();
      if (!line.isEmpty() && line.get(0).is("#")) {
        directive(line.size() > 1 && line.get(1).text().equals("define") ? defineLine(raw) : line, cond, header);
      } else if (cond.active()) {
        expand(line);
      } else if (header == null) {
        int from = line.isEmpty() ? tokens.get(end).pos().line() : line.get(0).pos().line();
        for (int l = from; l <= tokens.get(end).pos().line(); l++) {
          skipped.add(l);
        }
      }
      if (tokens.get(end).kind() == Kind.NEWLINE) {
        if (cond.active()) {
          out.add(tokens.get(end));
        }
        end++;
      }
      i = end;
    }
    cond.checkClosed();
  }

  /** A #define line: the continuations after the parameters separate the statements of its body. */
  private static List<Token> defineLine(List<Token> raw) {
    List<Token> out = new ArrayList<>(raw.size());
    for (Token t : raw) {
      boolean separator = t.kind() == Kind.CONTINUATION;
      out.add(separator ? new Token(Kind.NEWLINE, "\n", t.pos(), true, null) : t);
    }
    return out;
  }

  private void directive(List<Token> line, Conditionals cond, String header) throws AsmException {
    if (line.size() < 2 || !line.get(1).isIdent()) {
      throw new AsmException(line.get(0).pos(), "asm-directive", "expected a directive name after '#'");
    }
    Token name = line.get(1);
    switch (name.text()) {
      case "ifdef", "ifndef" -> {
        Token macro = macroName(line, name);
        end(line, 3);
        cond.open(macro, macros.containsKey(macro.text()) == name.text().equals("ifdef"));
      }
      case "else" -> {
        end(line, 2);
        cond.flip(name);
      }
      case "endif" -> {
        end(line, 2);
        cond.close(name);
      }
      default -> {
        if (cond.active()) {
          active(line, name, header);
        }
      }
    }
  }

  private void active(List<Token> line, Token name, String header) throws AsmException {
    switch (name.text()) {
      case "include" -> include(line, name);
      case "define" -> define(line, name, header);
      case "undef" -> {
        Token macro = macroName(line, name);
        end(line, 3);
        if (macros.remove(macro.text()) == null) {
          throw new AsmException(macro.pos(), "asm-directive", "#undef of " + macro.text() + ", which is not defined");
        }
      }
      default -> throw new AsmException(name.pos(), "asm-directive", "unsupported directive #" + name.text()
          + " (Go assembly has #include, #define, #undef, #ifdef, #ifndef, #else and #endif)");
    }
  }

  private void include(List<Token> line, Token directive) throws AsmException {
    if (line.size() < 3 || line.get(2).kind() != Kind.STRING) {
      throw new AsmException(directive.pos(), "asm-include", "#include needs a quoted file name, as in #include \"textflag.h\"");
    }
    end(line, 3);
    Token quoted = line.get(2);
    String name = quoted.text().substring(1, quoted.text().length() - 1);
    Includes.Header h = includes.find(name);
    if (h == null) {
      throw new AsmException(quoted.pos(), "asm-include", "cannot include \"" + name + "\": only " + String.join(", ", Includes.ALLOWED)
          + " can be included");
    }
    if (!including.add(name)) {
      throw new AsmException(quoted.pos(), "asm-include", "\"" + name + "\" includes itself");
    }
    List<Token> tokens = Lexer.lex(h.file(), h.text(), null);
    file(tokens, name);
    including.remove(name);
  }

  private void define(List<Token> line, Token directive, String header) throws AsmException {
    Token name = macroName(line, directive);
    Macro old = macros.get(name.text());
    if (old != null) {
      throw new AsmException(name.pos(), "asm-macro", "macro " + name.text() + " is already defined"
          + (old.pos().isKnown() ? " at " + old.pos().file() + ":" + old.pos().line() : ""));
    }
    int i = 3;
    List<String> params = null;
    if (i < line.size() && line.get(i).is("(") && !line.get(i).spaceBefore()) {
      params = new ArrayList<>();
      i++;
      while (true) {
        Token t = i < line.size() ? line.get(i) : null;
        if (t != null && t.is(")") && params.isEmpty()) {
          i++;
          break;
        }
        if (t == null || !t.isIdent()) {
          throw new AsmException(t == null ? name.pos() : t.pos(), "asm-macro", "bad parameter list in the definition of macro " + name.text());
        }
        if (params.contains(t.text())) {
          throw new AsmException(t.pos(), "asm-macro", "parameter " + t.text() + " appears twice in macro " + name.text());
        }
        params.add(t.text());
        Token sep = i + 1 < line.size() ? line.get(i + 1) : null;
        i += 2;
        if (sep != null && sep.is(")")) {
          break;
        }
        if (sep == null || !sep.is(",")) {
          throw new AsmException(sep == null ? t.pos() : sep.pos(), "asm-macro", "bad parameter list in the definition of macro " + name.text());
        }
      }
    }
    macros.put(name.text(), new Macro(name.text(), params, line.subList(Math.min(i, line.size()), line.size()), name.pos(), header));
  }

  private static Token macroName(List<Token> line, Token directive) throws AsmException {
    if (line.size() < 3 || !line.get(2).isIdent()) {
      throw new AsmException(directive.pos(), "asm-directive", "#" + directive.text() + " needs a macro name");
    }
    return line.get(2);
  }

  private static void end(List<Token> line, int size) throws AsmException {
    if (line.size() > size) {
      throw new AsmException(line.get(size).pos(), "asm-directive", "unexpected " + line.get(size).describe() + " after #" + line.get(1).text());
    }
  }

  /** Expands the macros of one line into the output, rescanning what they produce. */
  private void expand(List<Token> line) throws AsmException {
    Deque<Token> in = new ArrayDeque<>(line);
    int expansions = 0;
    while (!in.isEmpty()) {
      Token t = in.poll();
      if (t.is("#")) {
        throw new AsmException(t.pos(), "asm-directive", "'#' must be the first thing on its line");
      }
      Macro m = t.isIdent() ? macros.get(t.text()) : null;
      if (m == null || (m.isFunctionLike() && (in.isEmpty() || !in.peek().is("(")))) {
        out.add(t);
        continue;
      }
      if (t.insideExpansionOf(m.name())) {
        throw new AsmException(t.pos(), "asm-macro", "macro " + m.name() + " uses itself");
      }
      if (++expansions > MAX_EXPANSIONS_PER_LINE) {
        throw new AsmException(t.pos(), "asm-macro", "macro expansion does not end");
      }
      Expansion e = new Expansion(m, t.expansion());
      List<Token> result = m.isFunctionLike() ? substitute(m, arguments(t, m, in), e, t.pos()) : retag(m.body(), e, t.pos());
      for (int k = result.size() - 1; k >= 0; k--) {
        in.push(result.get(k));
      }
    }
  }

  private static List<List<Token>> arguments(Token use, Macro m, Deque<Token> in) throws AsmException {
    in.poll(); // (
    List<List<Token>> args = new ArrayList<>();
    List<Token> arg = new ArrayList<>();
    int depth = 0;
    while (true) {
      Token t = in.poll();
      if (t == null) {
        throw new AsmException(use.pos(), "asm-macro", "unterminated argument list of macro " + m.name());
      }
      if (depth == 0 && (t.is(",") || t.is(")"))) {
        args.add(arg);
        arg = new ArrayList<>();
        if (t.is(")")) {
          break;
        }
        continue;
      }
      depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
      arg.add(t);
    }
    if (m.params().isEmpty() && args.size() == 1 && args.get(0).isEmpty()) {
      args.clear();
    }
    if (args.size() != m.params().size()) {
      throw new AsmException(use.pos(), "asm-macro", "macro " + m.name() + " takes " + m.params().size() + " argument"
          + (m.params().size() == 1 ? "" : "s") + ", found " + args.size());
    }
    return args;
  }

  private static List<Token> substitute(Macro m, List<List<Token>> args, Expansion e, SourcePos at) {
    List<Token> result = new ArrayList<>();
    for (Token b : m.body()) {
      int p = b.isIdent() ? m.params().indexOf(b.text()) : -1;
      result.addAll(retag(p < 0 ? List.of(b) : args.get(p), e, at));
    }
    return result;
  }

  private static List<Token> retag(List<Token> tokens, Expansion e, SourcePos at) {
    List<Token> result = new ArrayList<>(tokens.size());
    for (Token b : tokens) {
      result.add(b.expandedBy(e, at));
    }
    return result;
  }

  /** The {@code #ifdef} stack of one file. */
  private static final class Conditionals {
    private record Level(Token opener, boolean parentActive, boolean taken, boolean elseSeen) {}

    private final Deque<Level> stack = new ArrayDeque<>();

    boolean active() {
      return stack.isEmpty() || (stack.peek().parentActive() && stack.peek().taken());
    }

    void open(Token name, boolean taken) {
      stack.push(new Level(name, active(), taken, false));
    }

    void flip(Token directive) throws AsmException {
      Level l = stack.poll();
      if (l == null) {
        throw new AsmException(directive.pos(), "asm-directive", "#else without #ifdef or #ifndef");
      }
      if (l.elseSeen()) {
        throw new AsmException(directive.pos(), "asm-directive", "second #else for the #ifdef " + l.opener().text() + " of line "
            + l.opener().pos().line());
      }
      stack.push(new Level(l.opener(), l.parentActive(), !l.taken(), true));
    }

    void close(Token directive) throws AsmException {
      if (stack.poll() == null) {
        throw new AsmException(directive.pos(), "asm-directive", "#endif without #ifdef or #ifndef");
      }
    }

    void checkClosed() throws AsmException {
      if (!stack.isEmpty()) {
        Token t = stack.peek().opener();
        throw new AsmException(t.pos(), "asm-directive", "#ifdef or #ifndef " + t.text() + " has no #endif");
      }
    }
  }
}
