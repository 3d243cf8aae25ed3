package dev.rtproof.dsl.asm;

import dev.rtproof.dsl.asm.Token.Kind;
import dev.rtproof.dsl.ir.DataChecks;
import dev.rtproof.dsl.ir.DataSymbol;
import dev.rtproof.dsl.ir.Imm;
import dev.rtproof.dsl.ir.Mem;
import dev.rtproof.dsl.ir.Problem;
import dev.rtproof.dsl.ir.SourcePos;
import dev.rtproof.dsl.ir.SymAddr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GLOBL sym(SB), flags, $size} and {@code DATA sym+off(SB)/width, value} statements, collected into
 * {@link DataSymbol}s ({@code cmd/asm asm.go asmGlobl/asmData}) and held to {@link DataChecks}, the rules
 * Java's {@code @DataSection} follows too. String and floating-point values become the integers of their
 * bytes, in little-endian pieces of 8, 4, 2 and 1 bytes, so every init is a number.
 */
final class DataCollector {
  private record Global(int flags, long size, SourcePos pos) {}

  private final Map<String, Global> globals = new LinkedHashMap<>();
  private final Map<String, List<DataSymbol.Init>> inits = new LinkedHashMap<>();

  void globl(Statement s) throws AsmException {
    if (s.operands().size() != 2 && s.operands().size() != 3) {
      throw new AsmException(s.word().pos(), "asm-data", "GLOBL takes sym(SB), optional flags and $size");
    }
    String name = symbol(s, 0, false);
    int flags = s.operands().size() == 3 ? (int) Directives.constant(s, 1, "GLOBL flags") : 0;
    List<Token> sizeTokens = s.operands().get(s.operands().size() - 1);
    AsmOperand size = OperandParser.parse(sizeTokens, s.endOf(s.operands().size() - 1), false);
    if (!(size.ir() instanceof Imm imm)) {
      throw new AsmException(sizeTokens.get(0).pos(), "asm-data", "the size of GLOBL " + name + " must be an immediate, $n");
    }
    if (globals.containsKey(name)) {
      throw new AsmException(s.word().pos(), "duplicate-globl", "GLOBL " + name + " is already declared on line "
          + globals.get(name).pos().line());
    }
    globals.put(name, new Global(flags, imm.value(), s.word().pos()));
  }

  void data(Statement s) throws AsmException {
    if (s.operands().size() != 2) {
      throw new AsmException(s.word().pos(), "asm-data", "DATA takes sym+off(SB)/width and a value");
    }
    List<Token> target = s.operands().get(0);
    int n = target.size();
    if (n < 3 || !target.get(n - 2).is("/") || target.get(n - 1).kind() != Kind.INT) {
      throw new AsmException(target.get(0).pos(), "asm-data", "DATA needs a width: sym+off(SB)/width");
    }
    long width = Numbers.parseInt(target.get(n - 1));
    AsmOperand where = OperandParser.parse(target.subList(0, n - 2), target.get(n - 2).pos(), false);
    if (!(where.ir() instanceof Mem m) || m.kind() != Mem.Kind.SYMBOL) {
      throw new AsmException(target.get(0).pos(), "asm-data", "DATA writes to a symbol, sym+off(SB)");
    }
    if (width < 1 || width > 1 << 20) {
      throw new AsmException(target.get(n - 1).pos(), "data-width", "DATA width " + width + " is out of range");
    }
    List<DataSymbol.Init> pieces = value(s.operands().get(1), s.endOf(1), m.disp(), (int) width, target.get(0).pos(),
        target.get(n - 1).pos());
    inits.computeIfAbsent(m.name(), k -> new ArrayList<>()).addAll(pieces);
  }

  /** The inits one DATA statement makes, positioned at its symbol. */
  private static List<DataSymbol.Init> value(List<Token> tokens, SourcePos end, long offset, int width, SourcePos pos,
      SourcePos widthPos) throws AsmException {
    if (tokens.size() == 2 && tokens.get(0).is("$") && tokens.get(1).kind() == Kind.STRING) {
      byte[] bytes = Numbers.unquote(tokens.get(1));
      if (bytes.length > width) {
        throw new AsmException(tokens.get(1).pos(), "data-width", "the string has " + bytes.length
            + " bytes, more than the DATA width " + width);
      }
      return pieces(Arrays.copyOf(bytes, width), offset, pos);
    }
    boolean negative = tokens.size() == 3 && tokens.get(1).is("-");
    if (tokens.size() >= 2 && tokens.get(0).is("$") && tokens.get(tokens.size() - 1).kind() == Kind.FLOAT
        && (tokens.size() == 2 || negative)) {
      double d = Double.parseDouble(tokens.get(tokens.size() - 1).text()) * (negative ? -1 : 1);
      long bits = switch (width) {
        case 8 -> Double.doubleToRawLongBits(d);
        case 4 -> Float.floatToRawIntBits((float) d) & 0xffffffffL;
        default -> throw new AsmException(widthPos, "data-width", "a floating-point DATA value is 4 or 8 bytes wide, not "
            + width);
      };
      return List.of(new DataSymbol.Init(offset, width, new Imm(bits), pos));
    }
    AsmOperand v = OperandParser.parse(tokens, end, false);
    if (!(v.ir() instanceof Imm) && !(v.ir() instanceof SymAddr)) {
      throw new AsmException(tokens.get(0).pos(), "asm-data", "a DATA value is $constant, $\"string\", $float or $sym(SB)");
    }
    return List.of(new DataSymbol.Init(offset, width, v.ir(), pos));
  }

  /** Bytes as little-endian numbers of 8, 4, 2 and 1 bytes. */
  private static List<DataSymbol.Init> pieces(byte[] bytes, long offset, SourcePos pos) {
    List<DataSymbol.Init> out = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int left = bytes.length - at;
      int size = left >= 8 ? 8 : left >= 4 ? 4 : left >= 2 ? 2 : 1;
      long v = 0;
      for (int k = size - 1; k >= 0; k--) {
        v = (v << 8) | (bytes[at + k] & 0xff);
      }
      out.add(new DataSymbol.Init(offset + at, size, new Imm(v), pos));
      at += size;
    }
    return out;
  }

  /** Operand {@code operand} of {@code s} as {@code sym(SB)} (or {@code sym+off(SB)} where allowed): the name. */
  static String symbol(Statement s, int operand, boolean offsetAllowed) throws AsmException {
    List<Token> tokens = s.operands().get(operand);
    AsmOperand o = OperandParser.parse(tokens, s.endOf(operand), false);
    if (!(o.ir() instanceof Mem m) || m.kind() != Mem.Kind.SYMBOL || (!offsetAllowed && m.disp() != 0)) {
      throw new AsmException(tokens.get(0).pos(), "asm-operand", s.word().text() + " names a symbol as sym(SB), found "
          + o.text());
    }
    return m.name();
  }

  /** The data symbols in GLOBL order, each following {@link DataChecks}; DATA needs a GLOBL. */
  List<DataSymbol> symbols() throws AsmException {
    for (Map.Entry<String, List<DataSymbol.Init>> d : inits.entrySet()) {
      if (!globals.containsKey(d.getKey())) {
        throw new AsmException(d.getValue().get(0).pos(), "data-without-globl", "DATA for " + d.getKey()
            + ", which no GLOBL declares");
      }
    }
    List<DataSymbol> out = new ArrayList<>();
    for (Map.Entry<String, Global> g : globals.entrySet()) {
      DataSymbol d = new DataSymbol(g.getKey(), g.getValue().flags(), g.getValue().size(),
          inits.getOrDefault(g.getKey(), List.of()), g.getValue().pos());
      for (Problem p : DataChecks.check(d)) {
        throw new AsmException(p.pos(), p.id(), p.message());
      }
      out.add(d);
    }
    return out;
  }
}
