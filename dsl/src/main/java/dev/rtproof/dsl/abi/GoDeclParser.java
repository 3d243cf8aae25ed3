package dev.rtproof.dsl.abi;

import dev.rtproof.dsl.abi.GoDecl.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for the part of Go's syntax a function declaration uses: parameter lists
 * (named or not, grouped {@code a, b int}), results, and types: predeclared types, {@code unsafe.Pointer},
 * pointers, slices, arrays, variadic {@code ...T}, maps, channels, funcs, struct and interface literals.
 * A named type other than the predeclared ones is only accepted where its layout does not matter
 * (behind a pointer, slice, map, channel or func), since rtproof cannot see its definition.
 */
final class GoDeclParser {
  /** Predeclared and well-known types with gc's amd64 layout. */
  private static final Map<String, GoType> NAMED = Map.ofEntries(
      Map.entry("bool", GoType.scalar("bool", 1)),
      Map.entry("int8", GoType.scalar("int8", 1)),
      Map.entry("uint8", GoType.scalar("uint8", 1)),
      Map.entry("byte", GoType.scalar("byte", 1)),
      Map.entry("int16", GoType.scalar("int16", 2)),
      Map.entry("uint16", GoType.scalar("uint16", 2)),
      Map.entry("int32", GoType.scalar("int32", 4)),
      Map.entry("uint32", GoType.scalar("uint32", 4)),
      Map.entry("rune", GoType.scalar("rune", 4)),
      Map.entry("float32", GoType.scalar("float32", 4)),
      Map.entry("int64", GoType.scalar("int64", 8)),
      Map.entry("uint64", GoType.scalar("uint64", 8)),
      Map.entry("float64", GoType.scalar("float64", 8)),
      Map.entry("int", GoType.scalar("int", 8)),
      Map.entry("uint", GoType.scalar("uint", 8)),
      Map.entry("uintptr", GoType.scalar("uintptr", 8)),
      Map.entry("complex64", GoType.complex("complex64", 8)),
      Map.entry("complex128", GoType.complex("complex128", 16)),
      Map.entry("string", GoType.word(GoType.Kind.STRING, "string", 2)),
      Map.entry("any", GoType.word(GoType.Kind.EMPTY_INTERFACE, "interface{}", 2)),
      Map.entry("error", GoType.word(GoType.Kind.INTERFACE, "error", 2)),
      // the runtime's uintptr-typed pointers (runtime2.go)
      Map.entry("guintptr", GoType.scalar("guintptr", 8)),
      Map.entry("muintptr", GoType.scalar("muintptr", 8)),
      Map.entry("puintptr", GoType.scalar("puintptr", 8)));

  private final String text;
  private final List<Token> tokens;
  private int at;

  private record Token(String text, int column, boolean ident) {}

  GoDeclParser(String text) throws GoDeclException {
    this.text = text;
    this.tokens = tokenize(text);
  }

  GoDecl declaration() throws GoDeclException {
    expect("func");
    Token name = next();
    if (!name.ident()) {
      throw error("expected the function name, found " + describe(name), name);
    }
    List<Param> params = parameters(false);
    List<Param> results = List.of();
    if (peek("(")) {
      results = parameters(true);
    } else if (!peek("")) {
      results = List.of(new Param("ret", type(true)));
    }
    if (!peek("")) {
      throw error("unexpected " + describe(peekToken()) + " after the declaration", peekToken());
    }
    return new GoDecl(name.text(), params, results);
  }

  // ---- parameter lists ------------------------------------------------------------------------------

  private record Entry(Token name, GoType type) {}

  private List<Param> parameters(boolean results) throws GoDeclException {
    expect("(");
    List<Entry> entries = new ArrayList<>();
    while (!peek(")")) {
      Token start = peekToken();
      if (start.ident() && !isTypeStart(tokenAfter()) && !peekAt(1, ".")) {
        next();
        entries.add(new Entry(start, null));
      } else if (start.ident() && isTypeStart(tokenAfter())) {
        next();
        entries.add(new Entry(start, type(true)));
      } else {
        entries.add(new Entry(null, type(true)));
      }
      if (!peek(")")) {
        expect(",");
      }
    }
    expect(")");
    boolean named = entries.stream().anyMatch(e -> e.name() != null && e.type() != null);
    List<Param> out = new ArrayList<>();
    List<Token> pending = new ArrayList<>();
    String base = results ? "ret" : "arg";
    for (Entry e : entries) {
      if (!named) {
        GoType t = e.type() != null ? e.type() : named(e.name(), true);
        out.add(new Param(base + (out.isEmpty() ? "" : Integer.toString(out.size())), t));
        continue;
      }
      if (e.name() == null) {
        throw new GoDeclException("mixed named and unnamed parameters", columnOfEntry(e));
      }
      pending.add(e.name());
      if (e.type() != null) {
        for (Token n : pending) {
          out.add(new Param(n.text(), e.type()));
        }
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      throw error("parameter '" + pending.get(0).text() + "' has no type", pending.get(0));
    }
    return out;
  }

  private int columnOfEntry(Entry e) {
    return e.name() != null ? e.name().column() : 1;
  }

  // ---- types -----------------------------------------------------------------------------------------

  /** A type; with {@code layout}, its size must be known (it is not behind a pointer). */
  private GoType type(boolean layout) throws GoDeclException {
    Token t = next();
    switch (t.text()) {
      case "*":
        return GoType.scalar("*" + type(false).text(), 8);
      case "...":
        return GoType.word(GoType.Kind.SLICE, "[]" + type(false).text(), 3);
      case "[":
        if (accept("]")) {
          return GoType.word(GoType.Kind.SLICE, "[]" + type(false).text(), 3);
        }
        return arrayType(layout);
      case "map": {
        expect("[");
        GoType key = type(false);
        expect("]");
        return GoType.scalar("map[" + key.text() + "]" + type(false).text(), 8);
      }
      case "chan":
        return GoType.scalar((accept("<-") ? "chan<- " : "chan ") + type(false).text(), 8);
      case "<-":
        expect("chan");
        return GoType.scalar("<-chan " + type(false).text(), 8);
      case "func":
        parameters(false);
        if (peek("(")) {
          parameters(true);
        } else if (isTypeStart(peekToken())) {
          type(false);
        }
        return GoType.scalar("func(…)", 8);
      case "struct":
        return structType();
      case "interface":
        return interfaceType();
      case "(": {
        GoType inner = type(layout);
        expect(")");
        return inner;
      }
      default:
        if (!t.ident()) {
          throw error("expected a type, found " + describe(t), t);
        }
        if (accept(".")) {
          Token member = next();
          String q = t.text() + "." + member.text();
          if (!member.ident()) {
            throw error("expected a type name after '" + t.text() + ".', found " + describe(member), member);
          }
          if (layout && !q.equals("unsafe.Pointer")) {
            throw error("unknown type " + q + ": its layout is not known here (use a pointer, or spell the type as"
                + " a struct literal)", t);
          }
          return GoType.scalar(q, 8);
        }
        return named(t, layout);
    }
  }

  private GoType named(Token t, boolean layout) throws GoDeclException {
    GoType known = NAMED.get(t.text());
    if (known != null) {
      return known;
    }
    if (layout) {
      throw error("unknown type " + t.text() + ": rtproof knows Go's predeclared types, unsafe.Pointer, pointers,"
          + " slices, arrays, maps, channels, funcs, struct and interface literals", t);
    }
    return GoType.scalar(t.text(), 8);
  }

  private GoType arrayType(boolean layout) throws GoDeclException {
    Token n = next();
    long length;
    try {
      length = Long.decode(n.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("an array length must be a number, not " + describe(n), n);
    }
    if (length < 0 || length > (1L << 31)) {
      throw error("array length " + n.text() + " is out of range", n);
    }
    expect("]");
    return GoType.array(type(layout), length);
  }

  private GoType structType() throws GoDeclException {
    expect("{");
    List<GoType.Field> fields = new ArrayList<>();
    while (!peek("}")) {
      List<Token> names = new ArrayList<>();
      do {
        Token n = next();
        if (!n.ident()) {
          throw error("expected a field name, found " + describe(n), n);
        }
        names.add(n);
      } while (accept(","));
      if (names.size() == 1 && (peek(";") || peek("}"))) {
        // an embedded field: the type's name is the field's name
        fields.add(new GoType.Field(names.get(0).text(), named(names.get(0), true)));
      } else {
        GoType t = type(true);
        for (Token n : names) {
          fields.add(new GoType.Field(n.text(), t));
        }
      }
      if (!peek("}")) {
        expect(";");
      }
    }
    expect("}");
    return GoType.struct(fields);
  }

  private GoType interfaceType() throws GoDeclException {
    expect("{");
    int depth = 1;
    boolean empty = true;
    while (depth > 0) {
      Token t = next();
      if (t.text().isEmpty()) {
        throw error("unterminated interface type", t);
      }
      depth += t.text().equals("{") ? 1 : t.text().equals("}") ? -1 : 0;
      empty &= depth == 0;
    }
    return empty ? GoType.word(GoType.Kind.EMPTY_INTERFACE, "interface{}", 2)
        : GoType.word(GoType.Kind.INTERFACE, "interface{…}", 2);
  }

  private static String describe(Token t) {
    return t.text().isEmpty() ? "the end" : "'" + t.text() + "'";
  }

  private static boolean isTypeStart(Token t) {
    return t.ident() || switch (t.text()) {
      case "*", "[", "...", "(", "<-", "func", "map", "chan", "struct", "interface" -> true;
      default -> false;
    };
  }

  // ---- tokens --------------------------------------------------------------------------------------

  private static List<Token> tokenize(String text) throws GoDeclException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetter(c) || c == '_' || c == '·') {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '·')) {
          i++;
        }
        String word = text.substring(start, i);
        boolean keyword = switch (word) {
          case "func", "map", "chan", "struct", "interface" -> true;
          default -> false;
        };
        out.add(new Token(word, start + 1, !keyword));
      } else if (Character.isDigit(c)) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(text.substring(start, i), start + 1, false));
      } else if (text.startsWith("...", i)) {
        out.add(new Token("...", start + 1, false));
        i += 3;
      } else if (text.startsWith("<-", i)) {
        out.add(new Token("<-", start + 1, false));
        i += 2;
      } else if ("()[]{}*,.;".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), start + 1, false));
        i++;
      } else {
        throw new GoDeclException("unexpected character '" + c + "'", start + 1);
      }
    }
    out.add(new Token("", text.length() + 1, false));
    return out;
  }

  private Token peekToken() {
    return tokens.get(at);
  }

  private Token tokenAfter() {
    return tokens.get(Math.min(at + 1, tokens.size() - 1));
  }

  private boolean peek(String s) {
    return tokens.get(at).text().equals(s);
  }

  private boolean peekAt(int ahead, String s) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1)).text().equals(s);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (at < tokens.size() - 1) {
      at++;
    }
    return t;
  }

  private boolean accept(String s) {
    if (peek(s)) {
      next();
      return true;
    }
    return false;
  }

  private void expect(String s) throws GoDeclException {
    Token t = next();
    if (!t.text().equals(s)) {
      throw error("expected '" + s + "', found " + describe(t), t);
    }
  }

  private GoDeclException error(String message, Token at) {
    return new GoDeclException(message + " in \"" + text + "\"", at.column());
  }
}
